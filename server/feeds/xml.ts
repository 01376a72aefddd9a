import { escapeUTF8 } from 'entities';

/** Characters XML 1.0 cannot carry at all, even escaped (C0 controls, lone surrogates, U+FFFE/F). */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Text or attribute value, escaped (& < > " ') and stripped of what XML forbids. */
export const xml = (value: string): string => escapeUTF8(value.replace(NOT_XML, ''));

export const XML_HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n';

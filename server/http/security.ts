import helmet from 'helmet';

/**
 * A strict Content-Security-Policy on every response: scripts only from our origin, no
 * inline script, no plugins, no <base> rewriting, never framed. Images may come over
 * https (markdown images); styles allow inline attributes for React style props only.
 *
 * helmet builds the headers; they depend only on the configuration, so we run it once and
 * keep the list, which the front door sets on every response (front-door.ts).
 */
export function securityHeaders(isProduction: boolean): ReadonlyArray<readonly [string, string]> {
  const middleware = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        styleSrcAttr: ["'unsafe-inline'"],
        imgSrc: ["'self'", 'https:', 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        ...(isProduction ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    strictTransportSecurity: isProduction,
    crossOriginEmbedderPolicy: false,
  });
  const headers: [string, string][] = [];
  const recorder = {
    setHeader: (name: string, value: unknown) => void headers.push([name, String(value)]),
    removeHeader: () => undefined,
  };
  let done = false;
  middleware({} as never, recorder as never, () => (done = true));
  if (!done || headers.length === 0) throw new Error('helmet did not produce its headers');
  return headers;
}

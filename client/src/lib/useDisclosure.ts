import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useLocation } from 'react-router';

/**
 * A disclosure (button + panel) for header menus: the button carries aria-expanded and
 * aria-controls; Escape closes it and gives focus back to the button; a click outside or a
 * navigation closes it (so a link chosen in the menu does not leave it open on the next page).
 */
export function useDisclosure<B extends HTMLElement = HTMLButtonElement>() {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<B>(null);
  const location = useLocation();

  const close = useCallback(() => setOpen(false), []);
  const [seenPath, setSeenPath] = useState(location.pathname + location.search);
  const here = location.pathname + location.search;
  if (here !== seenPath) {
    setSeenPath(here);
    if (open) setOpen(false);
  }

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      setOpen(false);
      button.current?.focus();
    };
    const onPointer = (e: MouseEvent) => {
      if (root.current && !root.current.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('mousedown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('mousedown', onPointer);
    };
  }, [open]);

  return {
    open,
    setOpen,
    close,
    root,
    buttonProps: {
      ref: button,
      'aria-expanded': open,
      'aria-controls': panelId,
      onClick: () => setOpen((o) => !o),
    },
    panelProps: { id: panelId, hidden: !open },
  };
}

import type { Express } from 'express';

export interface MountedRoute {
  method: string;
  /** The full path as Express matches it, e.g. `/api/threads/:id/replies/:replyId`. */
  path: string;
  /** Its parameter names in order (`:id`, `*rest`). */
  params: string[];
}

interface Layer {
  route?: { path: string | string[]; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
  rawPath?: string | string[];
  slash?: boolean;
}

/**
 * Every route the app mounts, found by walking Express 5's router stack (routers nested with
 * `use` included), so a route added tomorrow is listed without touching the caller. Regular
 * expression paths (the client shell's catch-all) have no fixed path and are left out.
 */
export function mountedRoutes(app: Express): MountedRoute[] {
  const out: MountedRoute[] = [];
  const walk = (stack: Layer[], prefix: string) => {
    for (const layer of stack) {
      if (layer.route) {
        for (const p of [layer.route.path].flat()) {
          if (typeof p !== 'string') continue;
          const path = join(prefix, p);
          for (const [method, on] of Object.entries(layer.route.methods))
            if (on && method !== '_all')
              out.push({ method: method.toUpperCase(), path, params: paramsOf(path) });
        }
      } else if (layer.handle?.stack) {
        for (const p of [layer.rawPath ?? '/'].flat())
          if (typeof p === 'string')
            walk(layer.handle.stack, layer.slash ? prefix : join(prefix, p));
      }
    }
  };
  walk((app as unknown as { router: { stack: Layer[] } }).router.stack, '');
  const seen = new Set<string>();
  return out.filter((r) => {
    const key = `${r.method} ${r.path}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const join = (a: string, b: string) =>
  `${a.replace(/\/$/, '')}/${b.replace(/^\//, '')}`.replace(/\/$/, '') || '/';

const paramsOf = (path: string) => [...path.matchAll(/[:*]([A-Za-z_$][\w$]*)/g)].map((m) => m[1]!);

import type { IncomingMessage } from 'node:http';
import type { Config } from '../config';

/**
 * True when `origin` is this app's own origin: PUBLIC_URL when set, otherwise the Host the
 * request was sent to (so a laptop on any port works without configuration).
 */
export function isSameOrigin(
  origin: string,
  req: IncomingMessage,
  config: Pick<Config, 'PUBLIC_URL' | 'TRUST_PROXY'>,
): boolean {
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return false;
  }
  if (config.PUBLIC_URL) return parsed.origin === new URL(config.PUBLIC_URL).origin;
  const forwardedHost = config.TRUST_PROXY ? req.headers['x-forwarded-host'] : undefined;
  const host = (typeof forwardedHost === 'string' && forwardedHost) || req.headers.host;
  return !!host && parsed.host === host;
}

import { pino, type Logger } from 'pino';
import type { Config } from './config';

export function createLogger(
  config: Pick<Config, 'LOG_LEVEL' | 'LOG_PRETTY' | 'isProduction'>,
): Logger {
  const pretty = config.LOG_PRETTY ?? (!config.isProduction && process.stdout.isTTY);
  return pino({
    level: config.LOG_LEVEL,
    redact: ['req.headers.cookie', 'req.headers.authorization', '*.password', '*.passwordHash'],
    ...(pretty
      ? { transport: { target: 'pino-pretty', options: { translateTime: 'HH:MM:ss' } } }
      : {}),
  });
}

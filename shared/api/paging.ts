import { z } from 'zod';

/** `?limit=`: a whole number from 1 to `max`, `byDefault` when absent. */
export const pageLimit = (max: number, byDefault: number) =>
  z.coerce
    .number({ message: 'must be a number' })
    .int({ message: 'must be a whole number' })
    .min(1, { message: `must be between 1 and ${max}` })
    .max(max, { message: `must be between 1 and ${max}` })
    .default(byDefault);

/** `?cursor=`: opaque, handed out by the server with the previous page. */
export const pageCursor = (maxLength: number) =>
  z.string().max(maxLength, { message: 'is not a cursor this server gave out' }).optional();

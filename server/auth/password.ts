import { hash, parseOptions, verify, type Options } from '@node-rs/argon2';
import { randomBytes } from 'node:crypto';
import type { Config } from '../config';

/**
 * THE password parameters. argon2id, defaults m=19 MiB, t=2, p=1 (OWASP's minimum). A stored
 * hash made with anything weaker than the current settings is re-hashed at the next successful
 * sign-in (see `needsRehash`).
 */
export type HashParams = Pick<
  Config,
  'ARGON2_MEMORY_KIB' | 'ARGON2_TIME_COST' | 'ARGON2_PARALLELISM'
>;

export const defaultHashParams: HashParams = {
  ARGON2_MEMORY_KIB: 19_456,
  ARGON2_TIME_COST: 2,
  ARGON2_PARALLELISM: 1,
};

const ARGON2ID = 2; // Algorithm.Argon2id (a const enum, unusable with isolatedModules)

function options(p: HashParams): Options {
  return {
    algorithm: ARGON2ID,
    memoryCost: p.ARGON2_MEMORY_KIB,
    timeCost: p.ARGON2_TIME_COST,
    parallelism: p.ARGON2_PARALLELISM,
  };
}

/** `password` must already be validated (length) and NFC-normalised by the shared schema. */
export function hashPassword(password: string, p: HashParams = defaultHashParams): Promise<string> {
  return hash(password, options(p));
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false; // a malformed stored hash never signs anyone in
  }
}

/** True when the stored hash is weaker than (or differs in kind from) today's parameters. */
export function needsRehash(stored: string, p: HashParams = defaultHashParams): boolean {
  try {
    const o = parseOptions(stored);
    return (
      o.algorithm !== ARGON2ID ||
      o.memoryCost < p.ARGON2_MEMORY_KIB ||
      o.timeCost < p.ARGON2_TIME_COST ||
      o.parallelism < p.ARGON2_PARALLELISM
    );
  } catch {
    return true;
  }
}

const dummies = new Map<string, Promise<string>>();

/**
 * Spends the same time as checking a real password, for accounts that do not exist, so the
 * response time says nothing about whether an account does.
 */
export async function dummyVerify(
  password: string,
  p: HashParams = defaultHashParams,
): Promise<void> {
  const key = `${p.ARGON2_MEMORY_KIB}/${p.ARGON2_TIME_COST}/${p.ARGON2_PARALLELISM}`;
  let dummy = dummies.get(key);
  if (!dummy) {
    dummy = hashPassword(randomBytes(24).toString('base64url'), p);
    dummies.set(key, dummy);
  }
  await verifyPassword(await dummy, password);
}

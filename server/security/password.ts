/**
 * Password hashes for HTTP Basic sign-in (`AUTH_BASIC_USERS`), made by `npm run hash-password`.
 *
 * Format: `scrypt.<N>.<r>.<p>.<salt>.<key>` — scrypt's cost parameters, then a random 16-byte salt
 * and the 32-byte derived key, both base64url without padding. Only characters that need no
 * quoting in a shell, a `.env` file or a compose file (no `$`, `:` or `,`), so a hash can be pasted
 * as it is. Defaults follow OWASP's Password Storage Cheat Sheet for scrypt (N=2^15, r=8, p=3:
 * 32 MiB per verification). Verification compares in constant time (`timingSafeEqual`).
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

export const SCRYPT_DEFAULTS = { N: 2 ** 15, r: 8, p: 3 } as const;
const SALT_BYTES = 16;
const KEY_BYTES = 32;

const HASH_FORMAT = /^scrypt\.(\d+)\.(\d+)\.(\d+)\.([A-Za-z0-9_-]{16,})\.([A-Za-z0-9_-]{32,})$/;

export interface PasswordHash {
  N: number;
  r: number;
  p: number;
  salt: Buffer;
  key: Buffer;
}

function derive(password: string, salt: Buffer, keyLength: number, options: ScryptOptions) {
  return new Promise<Buffer>((resolve, reject) => {
    // Room for scrypt's 128·N·r bytes (Node's default cap is 32 MiB, just short of N=2^15, r=8).
    const maxmem = 128 * (options.N ?? 0) * (options.r ?? 0) + 16 * 1024 * 1024;
    scrypt(password, salt, keyLength, { ...options, maxmem }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

/** A new hash of `password` with a fresh random salt. */
export async function hashPassword(
  password: string,
  params: { N: number; r: number; p: number } = SCRYPT_DEFAULTS,
): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, KEY_BYTES, params);
  return [
    'scrypt',
    params.N,
    params.r,
    params.p,
    salt.toString('base64url'),
    key.toString('base64url'),
  ].join('.');
}

/**
 * Reads a hash; null when it is not one this server made (or its cost is out of bounds: a hash
 * asking for gigabytes per sign-in would be a way to stop the server).
 */
export function parsePasswordHash(text: string): PasswordHash | null {
  const match = HASH_FORMAT.exec(text.trim());
  if (!match) return null;
  const [N, r, p] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const powerOfTwo = N > 1 && (N & (N - 1)) === 0;
  if (!powerOfTwo || N > 2 ** 20 || r < 1 || r > 32 || p < 1 || p > 16) return null;
  if (128 * N * r > 256 * 1024 * 1024) return null;
  const salt = Buffer.from(match[4]!, 'base64url');
  const key = Buffer.from(match[5]!, 'base64url');
  if (salt.length < SALT_BYTES || key.length < KEY_BYTES) return null;
  return { N, r, p, salt, key };
}

/** Whether `password` matches `hash`, compared in constant time. */
export async function verifyPassword(password: string, hash: PasswordHash): Promise<boolean> {
  const { N, r, p, salt, key } = hash;
  const candidate = await derive(password, salt, key.length, { N, r, p });
  return timingSafeEqual(candidate, key);
}

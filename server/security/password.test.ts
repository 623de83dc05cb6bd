import { describe, expect, it } from 'vitest';
import { hashPassword, parsePasswordHash, SCRYPT_DEFAULTS, verifyPassword } from './password.ts';

describe('password hashes', () => {
  it('are scrypt with the documented defaults, a random salt, and shell-safe characters', async () => {
    const [one, two] = await Promise.all([
      hashPassword('s3cret passphrase'),
      hashPassword('s3cret passphrase'),
    ]);
    expect(one).toMatch(/^scrypt\.32768\.8\.3\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}$/);
    expect(one).not.toBe(two);
    expect(parsePasswordHash(one)).toMatchObject(SCRYPT_DEFAULTS);
    expect(one).not.toContain('s3cret');
  });

  it('verify the right password only', async () => {
    const hash = parsePasswordHash(
      await hashPassword('s3cret passphrase', { N: 1024, r: 8, p: 1 }),
    )!;
    expect(await verifyPassword('s3cret passphrase', hash)).toBe(true);
    expect(await verifyPassword('s3cret passphrasE', hash)).toBe(false);
    expect(await verifyPassword('', hash)).toBe(false);
  });

  it('are refused when malformed or absurdly costly', () => {
    expect(parsePasswordHash('hunter2')).toBeNull();
    expect(
      parsePasswordHash(
        'scrypt.1000.8.1.AAAAAAAAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
      ),
    ).toBeNull();
    expect(
      parsePasswordHash(
        'scrypt.1048576.32.1.AAAAAAAAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
      ),
    ).toBeNull();
    expect(
      parsePasswordHash(
        'scrypt.1024.8.1.AAAAAAAAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
      ),
    ).not.toBeNull();
  });
});

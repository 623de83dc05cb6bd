/**
 * Who may use the server. Three modes, chosen by configuration (server/config.ts):
 *
 * - `basic`: HTTP Basic (RFC 7617) against `AUTH_BASIC_USERS`, every page, asset and `/api` route
 *   alike. Passwords are checked with scrypt (server/security/password.ts).
 * - `proxy`: a signing-in reverse proxy in front (oauth2-proxy and the like) names the user in
 *   `AUTH_PROXY_HEADER`. Anyone could send that header, so it counts only on connections from
 *   `TRUSTED_PROXIES`; every other peer is refused, with or without it.
 * - `none`: loopback only by default, or `AUTH=none` on purpose.
 *
 * Stateless: no sessions and no cookies; each request proves itself. Browsers send Basic
 * credentials with every request (a page is a dozen of them) while scrypt is deliberately slow, so
 * credentials that verified are remembered for a few minutes under a keyed hash (never the
 * password itself) — a cache any instance rebuilds on its own, not a session.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { BlockList, isIP } from 'node:net';
import type { Context, MiddlewareHandler } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import { fleetlogError } from '../backends/forwarding.ts';
import { SCRYPT_DEFAULTS, verifyPassword, type PasswordHash } from './password.ts';

export interface BasicUser {
  name: string;
  hash: PasswordHash;
}

export type SignIn =
  | { mode: 'none' }
  | { mode: 'basic'; users: readonly BasicUser[] }
  | { mode: 'proxy'; header: string; trustedProxies: readonly string[] };

/** `10.0.0.0/8`, `192.168.1.10`, `fd00::/8`: null when it is neither an address nor a CIDR block. */
export function parseAddressBlock(
  text: string,
): { address: string; prefix: number; family: 'ipv4' | 'ipv6' } | null {
  const [address = '', prefixText, ...rest] = text.trim().split('/');
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return null;
  const max = version === 4 ? 32 : 128;
  const prefix = prefixText === undefined ? max : Number(prefixText);
  if (!Number.isInteger(prefix) || prefix < 0 || prefix > max || prefixText === '') return null;
  return { address, prefix, family: version === 4 ? 'ipv4' : 'ipv6' };
}

function blockListOf(entries: readonly string[]): BlockList {
  const list = new BlockList();
  for (const entry of entries) {
    const block = parseAddressBlock(entry);
    if (block) list.addSubnet(block.address, block.prefix, block.family);
  }
  return list;
}

/** The connection's peer address, or null for requests made in-process (no socket). */
function peerAddress(c: Context): string | null {
  try {
    const address = getConnInfo(c).remote.address;
    if (!address) return null;
    // An IPv4 client on a dual-stack socket shows up as ::ffff:a.b.c.d.
    return address.startsWith('::ffff:') && isIP(address.slice(7)) === 4
      ? address.slice(7)
      : address;
  } catch {
    return null;
  }
}

const isApi = (c: Context) => c.req.path === '/api' || c.req.path.startsWith('/api/');

function refuse(
  c: Context,
  status: 401 | 403 | 503,
  message: string,
  headers: Record<string, string> = {},
) {
  const response = isApi(c)
    ? fleetlogError(
        status,
        status === 401 ? 'sign_in_required' : status === 503 ? 'busy' : 'forbidden',
        message,
      )
    : c.text(message, status);
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

/** At most this many scrypt checks at once; more wrong guesses at a time get 503 (Retry-After). */
const MAX_CONCURRENT_CHECKS = 4;
const VERIFIED_TTL_MS = 5 * 60_000;
const VERIFIED_MAX = 256;

function basicSignIn(users: readonly BasicUser[]): MiddlewareHandler {
  const byName = new Map(users.map((user) => [user.name, user]));
  // Checked for an unknown name, so it takes as long as a known one.
  const decoy: PasswordHash = {
    ...SCRYPT_DEFAULTS,
    salt: randomBytes(16),
    key: randomBytes(32),
  };
  const cacheKey = randomBytes(32);
  const verified = new Map<string, number>();
  const checking = new Map<string, Promise<boolean>>();
  /** `user:password` against the configured users, in constant time and as long for any name. */
  async function verify(decoded: string): Promise<boolean> {
    const colon = decoded.indexOf(':');
    if (colon < 0) return false;
    const user = byName.get(decoded.slice(0, colon));
    const matches = await verifyPassword(decoded.slice(colon + 1), user?.hash ?? decoy);
    return matches && user !== undefined;
  }
  const challenge = { 'www-authenticate': 'Basic realm="Fleetlog", charset="UTF-8"' };

  return async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const match = /^Basic[ ]+([A-Za-z0-9+/]+={0,2})[ ]*$/i.exec(header);
    if (!match) return refuse(c, 401, 'Sign in to use Fleetlog.', challenge);
    const fingerprint = createHmac('sha256', cacheKey).update(match[1]!).digest('base64');
    const known = verified.get(fingerprint);
    if (known !== undefined && known > Date.now()) return next();
    // The same credentials arriving together (a page's assets) share one check.
    let check = checking.get(fingerprint);
    if (!check) {
      if (checking.size >= MAX_CONCURRENT_CHECKS) {
        return refuse(c, 503, 'Too many sign-in attempts at once; try again in a moment.', {
          'retry-after': '1',
        });
      }
      check = verify(Buffer.from(match[1]!, 'base64').toString('utf8'));
      checking.set(fingerprint, check);
      const done = () => checking.delete(fingerprint);
      check.then(done, done);
    }
    const ok = await check;
    if (!ok) return refuse(c, 401, 'Wrong user name or password.', challenge);
    if (verified.size >= VERIFIED_MAX) verified.delete(verified.keys().next().value!);
    verified.set(fingerprint, Date.now() + VERIFIED_TTL_MS);
    return next();
  };
}

function proxySignIn(header: string, trustedProxies: readonly string[]): MiddlewareHandler {
  const trusted = blockListOf(trustedProxies);
  return async (c, next) => {
    const peer = peerAddress(c);
    const family = peer && isIP(peer) === 6 ? 'ipv6' : 'ipv4';
    if (!peer || !trusted.check(peer, family)) {
      return refuse(
        c,
        403,
        'Fleetlog is reached through its sign-in proxy; this connection does not come from it (TRUSTED_PROXIES).',
      );
    }
    const user = c.req.header(header)?.trim();
    if (!user) {
      return refuse(c, 403, `The sign-in proxy did not name a user (${header}).`);
    }
    return next();
  };
}

export function signIn(config: SignIn): MiddlewareHandler | null {
  switch (config.mode) {
    case 'basic':
      return basicSignIn(config.users);
    case 'proxy':
      return proxySignIn(config.header, config.trustedProxies);
    case 'none':
      return null;
  }
}

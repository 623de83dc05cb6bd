import { z } from 'zod';
import { DEFAULT_UPSTREAM_MAX_BODY_BYTES } from './backends/forwarding.ts';
import { defaultAllowedHosts, parseHost, type HostPattern } from './security/hosts.ts';
import { parsePasswordHash } from './security/password.ts';
import { parseAddressBlock, type BasicUser, type SignIn } from './security/sign-in.ts';

/** Server configuration, read once from the environment and validated; see `.env.example`. */
export interface Config {
  port: number;
  host: string;
  demo: boolean;
  upstreamTimeoutMs: number;
  /** Largest upstream answer the server reads; a larger one is refused with a 502. */
  upstreamMaxBodyBytes: number;
  /**
   * How long a page may take with its server-rendered first screen (upstream requests and
   * rendering); 0 serves pages without one.
   */
  firstScreenDeadlineMs: number;
  /** First screens rendered at once; a page beyond that goes out without one at once. */
  firstScreenConcurrency: number;
  /** Skip first screens while the event loop was busier than this share of any of the last three 100 ms (1: never). */
  firstScreenBusy: number;
  /** `Host` names the server answers to (server/security/hosts.ts). */
  allowedHosts: HostPattern[];
  /** Who may use the server (server/security/sign-in.ts). */
  signIn: SignIn;
  pelion: { apiUrl: string; apiKey: string } | null;
  aliyun: {
    endpoint: string;
    regionId: string;
    accessKeyId: string;
    accessKeySecret: string;
    iotInstanceId: string | null;
  } | null;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const blankToUndefined = (value: unknown) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;

const httpUrl = z
  .string()
  .trim()
  .url('must be an http(s) URL')
  .refine((v) => /^https?:\/\//i.test(v), 'must start with http:// or https://')
  .transform((v) => v.replace(/\/+$/, ''));

/**
 * An API base URL the server sends credentials to: https, or plain http to this machine only (a
 * local simulator or a tunnel). Over plain http anyone on the path reads the key or the signed
 * requests, and can rewrite the answers.
 */
const apiUrl = httpUrl.refine((v) => {
  const url = new URL(v);
  return url.protocol === 'https:' || isLoopbackHost(url.hostname);
}, 'must use https:// (plain http:// is accepted only for localhost, 127.0.0.1 or [::1])');

const envSchema = z.object({
  PORT: z.preprocess(
    blankToUndefined,
    z.coerce.number().int('must be a whole number').min(1).max(65535).default(5173),
  ),
  HOST: z.preprocess(blankToUndefined, z.string().trim().min(1).default('127.0.0.1')),
  DEMO: z.preprocess(
    (v) => (typeof v === 'string' ? v.trim().toLowerCase() : v),
    z.enum(['on', 'off', 'true', 'false', '1', '0', '']).default('on'),
  ),
  UPSTREAM_TIMEOUT_MS: z.preprocess(
    blankToUndefined,
    z.coerce.number().int().min(100, 'must be at least 100').max(300_000).default(15_000),
  ),
  FIRST_SCREEN_DEADLINE_MS: z.preprocess(
    blankToUndefined,
    z.coerce.number().int('must be a whole number').min(0).max(10_000).default(300),
  ),
  UPSTREAM_MAX_BODY_BYTES: z.preprocess(
    blankToUndefined,
    z.coerce
      .number()
      .int('must be a whole number of bytes')
      .min(65_536, 'must be at least 65536 (64 KiB)')
      .max(268_435_456, 'must be at most 268435456 (256 MiB)')
      .default(DEFAULT_UPSTREAM_MAX_BODY_BYTES),
  ),
  FIRST_SCREEN_CONCURRENCY: z.preprocess(
    blankToUndefined,
    z.coerce.number().int('must be a whole number').min(1).max(64).default(2),
  ),
  FIRST_SCREEN_BUSY: z.preprocess(
    blankToUndefined,
    z.coerce.number().gt(0, 'must be above 0').max(1, 'must be at most 1').default(0.3),
  ),
  ALLOWED_HOSTS: z.preprocess(blankToUndefined, z.string().optional()),
  AUTH: z.preprocess(
    (v) => (typeof v === 'string' ? v.trim().toLowerCase() || undefined : v),
    z.enum(['none'], { message: 'must be "none" (or unset)' }).optional(),
  ),
  AUTH_BASIC_USERS: z.preprocess(blankToUndefined, z.string().optional()),
  AUTH_PROXY_HEADER: z.preprocess(
    blankToUndefined,
    z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9-]+$/, 'must be a header name such as X-Forwarded-User')
      .refine(
        (name) => !RESERVED_HEADERS.has(name.toLowerCase()),
        'must be a header of its own (such as X-Forwarded-User), not a standard one',
      )
      .optional(),
  ),
  TRUSTED_PROXIES: z.preprocess(blankToUndefined, z.string().optional()),
  PELION_API_URL: z.preprocess(
    blankToUndefined,
    apiUrl.default('https://api.us-east-1.mbedcloud.com'),
  ),
  PELION_API_KEY: z.preprocess(
    blankToUndefined,
    z
      .string()
      .trim()
      .regex(/^ak_[A-Za-z0-9_-]+$/, 'must be an access key starting with ak_')
      .optional(),
  ),
  ALIYUN_ENDPOINT: z.preprocess(blankToUndefined, apiUrl.optional()),
  ALIYUN_REGION_ID: z.preprocess(
    blankToUndefined,
    z
      .string()
      .trim()
      .regex(/^[a-z]{2}-[a-z0-9-]+$/, 'must be a region id such as cn-shanghai')
      .optional(),
  ),
  ALIYUN_ACCESS_KEY_ID: z.preprocess(blankToUndefined, z.string().trim().optional()),
  ALIYUN_ACCESS_KEY_SECRET: z.preprocess(blankToUndefined, z.string().optional()),
  ALIYUN_IOT_INSTANCE_ID: z.preprocess(blankToUndefined, z.string().trim().optional()),
});

/** Headers a browser or this server sets itself: not a place for the proxy's user name. */
const RESERVED_HEADERS = new Set([
  'authorization',
  'cookie',
  'host',
  'origin',
  'referer',
  'user-agent',
  'content-type',
  'content-length',
]);

const list = (text: string | undefined) =>
  (text ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);

/** Loopback addresses and names: only this machine can connect. */
export function isLoopbackHost(host: string): boolean {
  const name = host
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, '');
  return (
    name === 'localhost' ||
    name.endsWith('.localhost') ||
    name === '::1' ||
    /^127(\.\d{1,3}){3}$/.test(name)
  );
}

function allowedHostsOf(
  text: string | undefined,
  host: string,
  port: number,
  problems: string[],
): HostPattern[] {
  if (text === undefined) return defaultAllowedHosts(host, port);
  const patterns: HostPattern[] = [];
  for (const entry of list(text)) {
    const pattern = parseHost(entry);
    if (pattern) patterns.push(pattern);
    else
      problems.push(
        `ALLOWED_HOSTS: "${entry}" is not a host name, host:port, or [IPv6 address] (no scheme or path)`,
      );
  }
  if (patterns.length === 0 && problems.length === 0)
    problems.push('ALLOWED_HOSTS: lists no host; leave it unset for the loopback names and HOST');
  return patterns;
}

function basicUsersOf(text: string, problems: string[]): BasicUser[] {
  const users: BasicUser[] = [];
  for (const entry of list(text)) {
    const colon = entry.indexOf(':');
    const name = colon > 0 ? entry.slice(0, colon) : '';
    if (!name) {
      problems.push(
        'AUTH_BASIC_USERS: each entry must be user:hash (the hash from `npm run hash-password`)',
      );
      continue;
    }
    const hash = parsePasswordHash(entry.slice(colon + 1));
    if (!hash) {
      problems.push(
        `AUTH_BASIC_USERS: the hash of user "${name}" is not one made by \`npm run hash-password\``,
      );
    } else if (users.some((user) => user.name === name)) {
      problems.push(`AUTH_BASIC_USERS: user "${name}" is listed twice`);
    } else {
      users.push({ name, hash });
    }
  }
  if (users.length === 0 && problems.length === 0) problems.push('AUTH_BASIC_USERS: lists no user');
  return users;
}

function signInOf(e: z.infer<typeof envSchema>, problems: string[]): SignIn {
  const basic = e.AUTH_BASIC_USERS !== undefined;
  const proxy = e.AUTH_PROXY_HEADER !== undefined || e.TRUSTED_PROXIES !== undefined;
  if (e.AUTH === 'none' && (basic || proxy)) {
    problems.push(
      `AUTH: is "none" but ${basic ? 'AUTH_BASIC_USERS' : 'AUTH_PROXY_HEADER/TRUSTED_PROXIES'} is set; choose one`,
    );
    return { mode: 'none' };
  }
  if (basic && proxy) {
    problems.push(
      'AUTH_BASIC_USERS: is set together with AUTH_PROXY_HEADER/TRUSTED_PROXIES; choose one way to sign in',
    );
    return { mode: 'none' };
  }
  if (basic) return { mode: 'basic', users: basicUsersOf(e.AUTH_BASIC_USERS!, problems) };
  if (proxy) {
    if (e.AUTH_PROXY_HEADER === undefined)
      problems.push('AUTH_PROXY_HEADER: is required with TRUSTED_PROXIES (e.g. X-Forwarded-User)');
    if (e.TRUSTED_PROXIES === undefined)
      problems.push(
        "TRUSTED_PROXIES: is required with AUTH_PROXY_HEADER (the sign-in proxy's addresses or CIDR blocks)",
      );
    const trustedProxies = list(e.TRUSTED_PROXIES);
    for (const entry of trustedProxies) {
      if (!parseAddressBlock(entry))
        problems.push(`TRUSTED_PROXIES: "${entry}" is not an IP address or CIDR block`);
    }
    return { mode: 'proxy', header: e.AUTH_PROXY_HEADER ?? '', trustedProxies };
  }
  if (e.AUTH !== 'none' && !isLoopbackHost(e.HOST)) {
    problems.push(
      `HOST: ${e.HOST} is reachable from other machines, and Fleetlog holds the API credentials: ` +
        'set AUTH_BASIC_USERS (users with hashes from `npm run hash-password`), or ' +
        'AUTH_PROXY_HEADER and TRUSTED_PROXIES (behind a sign-in proxy), or AUTH=none to serve ' +
        'without sign-in on purpose',
    );
  }
  return { mode: 'none' };
}

const ALIYUN_REQUIRED = [
  'ALIYUN_ENDPOINT',
  'ALIYUN_REGION_ID',
  'ALIYUN_ACCESS_KEY_ID',
  'ALIYUN_ACCESS_KEY_SECRET',
] as const;

/** Validates the environment; throws a ConfigError naming every bad variable. Never echoes secret values. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map(
        (issue) => `${String(issue.path[0] ?? 'environment')}: ${issue.message}`,
      ),
    );
  }
  const e = parsed.data;
  const problems: string[] = [];

  const aliyunSet = ALIYUN_REQUIRED.filter((name) => e[name] !== undefined);
  if (aliyunSet.length > 0 && aliyunSet.length < ALIYUN_REQUIRED.length) {
    for (const name of ALIYUN_REQUIRED) {
      if (e[name] === undefined) {
        problems.push(
          `${name}: is required when ${aliyunSet.join(', ')} ${aliyunSet.length > 1 ? 'are' : 'is'} set`,
        );
      }
    }
  }
  if (e.ALIYUN_IOT_INSTANCE_ID !== undefined && aliyunSet.length === 0) {
    problems.push(
      'ALIYUN_IOT_INSTANCE_ID: is set but the Alibaba Cloud account is not (set ALIYUN_ENDPOINT and friends)',
    );
  }
  const demo = ['on', 'true', '1', ''].includes(e.DEMO);
  if (!demo && e.PELION_API_KEY === undefined && aliyunSet.length === 0) {
    problems.push(
      'DEMO: is off and no real backend is configured (set PELION_API_KEY or the ALIYUN_* variables)',
    );
  }
  const allowedHosts = allowedHostsOf(e.ALLOWED_HOSTS, e.HOST, e.PORT, problems);
  const signIn = signInOf(e, problems);
  if (problems.length > 0) throw new ConfigError(problems);

  return {
    port: e.PORT,
    host: e.HOST,
    demo,
    upstreamTimeoutMs: e.UPSTREAM_TIMEOUT_MS,
    upstreamMaxBodyBytes: e.UPSTREAM_MAX_BODY_BYTES,
    firstScreenDeadlineMs: e.FIRST_SCREEN_DEADLINE_MS,
    firstScreenConcurrency: e.FIRST_SCREEN_CONCURRENCY,
    firstScreenBusy: e.FIRST_SCREEN_BUSY,
    allowedHosts,
    signIn,
    pelion: e.PELION_API_KEY ? { apiUrl: e.PELION_API_URL, apiKey: e.PELION_API_KEY } : null,
    aliyun:
      aliyunSet.length === ALIYUN_REQUIRED.length
        ? {
            endpoint: e.ALIYUN_ENDPOINT!,
            regionId: e.ALIYUN_REGION_ID!,
            accessKeyId: e.ALIYUN_ACCESS_KEY_ID!,
            accessKeySecret: e.ALIYUN_ACCESS_KEY_SECRET!,
            iotInstanceId: e.ALIYUN_IOT_INSTANCE_ID ?? null,
          }
        : null,
  };
}

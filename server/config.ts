import { z } from 'zod';
import { DEFAULT_UPSTREAM_MAX_BODY_BYTES } from './backends/forwarding.ts';

/** Server configuration, read once from the environment and validated; see `.env.example`. */
export interface Config {
  port: number;
  host: string;
  demo: boolean;
  upstreamTimeoutMs: number;
  /** Largest upstream answer the server reads; a larger one is refused with a 502. */
  upstreamMaxBodyBytes: number;
  /** How long a page waits for its server-rendered first screen; 0 serves pages without one. */
  firstScreenDeadlineMs: number;
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

/** localhost, 127.0.0.0/8 or ::1: traffic that never leaves the machine. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return (
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    host === '[::1]' ||
    /^127(\.\d{1,3}){3}$/.test(host)
  );
}

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
  if (problems.length > 0) throw new ConfigError(problems);

  return {
    port: e.PORT,
    host: e.HOST,
    demo,
    upstreamTimeoutMs: e.UPSTREAM_TIMEOUT_MS,
    upstreamMaxBodyBytes: e.UPSTREAM_MAX_BODY_BYTES,
    firstScreenDeadlineMs: e.FIRST_SCREEN_DEADLINE_MS,
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

/** The security settings of server/config.ts, and the server refusing to start exposed. */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config.ts';
import { hashPassword } from './password.ts';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

const cheapHash = (password: string) => hashPassword(password, { N: 2 ** 10, r: 8, p: 1 });

describe('who may come in (configuration)', () => {
  it('needs nothing on loopback: no sign-in, the loopback names and HOST on PORT', () => {
    const config = loadConfig({ PORT: '8080' });
    expect(config.signIn).toEqual({ mode: 'none' });
    expect(config.allowedHosts).toEqual([
      { hostname: '127.0.0.1', port: '8080' },
      { hostname: 'localhost', port: '8080' },
      { hostname: '[::1]', port: '8080' },
    ]);
    const lan = loadConfig({ HOST: '192.168.1.20', AUTH: 'none' });
    expect(lan.allowedHosts.map((h) => h.hostname)).toContain('192.168.1.20');
  });

  it('refuses a non-loopback HOST without sign-in, naming the ways out', () => {
    for (const host of ['0.0.0.0', '::', '192.168.1.20', 'fleetlog.example']) {
      const [problem, ...rest] = problemsOf({ HOST: host });
      expect(rest).toEqual([]);
      expect(problem).toMatch(/^HOST: /);
      for (const name of ['AUTH_BASIC_USERS', 'AUTH_PROXY_HEADER', 'TRUSTED_PROXIES', 'AUTH=none'])
        expect(problem).toContain(name);
    }
    for (const host of ['127.0.0.1', '127.0.1.1', 'localhost', '::1'])
      expect(loadConfig({ HOST: host }).signIn.mode).toBe('none');
    expect(loadConfig({ HOST: '0.0.0.0', AUTH: 'none' }).signIn).toEqual({ mode: 'none' });
  });

  it('reads Basic users with hashes from hash-password, and names a bad entry without its hash', async () => {
    const hash = await cheapHash('a long enough password');
    const config = loadConfig({ HOST: '0.0.0.0', AUTH_BASIC_USERS: `ops:${hash}, viewer:${hash}` });
    expect(config.signIn.mode === 'basic' && config.signIn.users.map((u) => u.name)).toEqual([
      'ops',
      'viewer',
    ]);
    const broken = problemsOf({ AUTH_BASIC_USERS: `ops:${hash.slice(0, -10)}` });
    expect(broken).toEqual([
      'AUTH_BASIC_USERS: the hash of user "ops" is not one made by `npm run hash-password`',
    ]);
    expect(problemsOf({ AUTH_BASIC_USERS: 'plain-password' })[0]).toMatch(/^AUTH_BASIC_USERS: /);
    expect(problemsOf({ AUTH_BASIC_USERS: `ops:${hash},ops:${hash}` })[0]).toContain('twice');
    // A hash asking for more memory per sign-in than the server should spend is refused.
    expect(
      problemsOf({ AUTH_BASIC_USERS: `ops:${hash.replace('.1024.', '.4194304.')}` }),
    ).toHaveLength(1);
  });

  it('trusts a sign-in proxy only with both its header and its addresses', () => {
    const config = loadConfig({
      HOST: '0.0.0.0',
      AUTH_PROXY_HEADER: 'X-Forwarded-User',
      TRUSTED_PROXIES: '10.0.0.5, 172.16.0.0/12, fd00::/8',
    });
    expect(config.signIn).toEqual({
      mode: 'proxy',
      header: 'X-Forwarded-User',
      trustedProxies: ['10.0.0.5', '172.16.0.0/12', 'fd00::/8'],
    });
    expect(problemsOf({ AUTH_PROXY_HEADER: 'X-Forwarded-User' })[0]).toMatch(/^TRUSTED_PROXIES: /);
    expect(problemsOf({ TRUSTED_PROXIES: '10.0.0.5' })[0]).toMatch(/^AUTH_PROXY_HEADER: /);
    expect(
      problemsOf({ AUTH_PROXY_HEADER: 'X-Forwarded-User', TRUSTED_PROXIES: '10.0.0.0/33,proxy' }),
    ).toEqual([
      'TRUSTED_PROXIES: "10.0.0.0/33" is not an IP address or CIDR block',
      'TRUSTED_PROXIES: "proxy" is not an IP address or CIDR block',
    ]);
    // A header the browser sets itself would let anyone in.
    expect(
      problemsOf({ AUTH_PROXY_HEADER: 'Authorization', TRUSTED_PROXIES: '10.0.0.5' })[0],
    ).toMatch(/^AUTH_PROXY_HEADER: /);
  });

  it('refuses two ways at once, or AUTH=none together with one', async () => {
    const hash = await cheapHash('a long enough password');
    expect(
      problemsOf({
        AUTH_BASIC_USERS: `ops:${hash}`,
        AUTH_PROXY_HEADER: 'X-Forwarded-User',
        TRUSTED_PROXIES: '10.0.0.5',
      })[0],
    ).toMatch(/^AUTH_BASIC_USERS: .*choose one/);
    expect(problemsOf({ AUTH: 'none', AUTH_BASIC_USERS: `ops:${hash}` })[0]).toMatch(/^AUTH: /);
    expect(problemsOf({ AUTH: 'off' })[0]).toMatch(/^AUTH: /);
  });

  it('takes ALLOWED_HOSTS as names with or without a port, and refuses URLs', () => {
    expect(
      loadConfig({ ALLOWED_HOSTS: 'Fleetlog.example, 10.0.0.7:5173, [::1]:5173' }).allowedHosts,
    ).toEqual([
      { hostname: 'fleetlog.example', port: null },
      { hostname: '10.0.0.7', port: '5173' },
      { hostname: '[::1]', port: '5173' },
    ]);
    expect(problemsOf({ ALLOWED_HOSTS: 'https://fleetlog.example/' })[0]).toMatch(
      /^ALLOWED_HOSTS: /,
    );
    expect(problemsOf({ ALLOWED_HOSTS: ' , ' })[0]).toMatch(/^ALLOWED_HOSTS: /);
  });
});

describe('load shedding of first screens', () => {
  it('defaults to 0.3 of the event loop, takes 1 as never, and refuses what is not a share', () => {
    expect(loadConfig({}).firstScreenBusy).toBe(0.3);
    expect(loadConfig({ FIRST_SCREEN_BUSY: '1' }).firstScreenBusy).toBe(1);
    for (const value of ['0', '1.5', 'busy'])
      expect(problemsOf({ FIRST_SCREEN_BUSY: value })[0]).toMatch(/^FIRST_SCREEN_BUSY: /);
  });
});

describe('the server at start', () => {
  it('stops with a message when it would listen beyond this machine without sign-in', () => {
    const root = path.resolve(import.meta.dirname, '..', '..');
    const result = spawnSync(
      process.execPath,
      ['--import', 'tsx', path.join(root, 'server', 'main.ts')],
      {
        cwd: root,
        env: { PATH: process.env.PATH, HOST: '0.0.0.0', PORT: '5229' },
        encoding: 'utf8',
        timeout: 50_000,
      },
    );
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Fleetlog cannot start');
    expect(result.stderr).toContain('AUTH_BASIC_USERS');
    expect(result.stderr).toContain('AUTH=none');
    expect(result.stdout).not.toContain('is running');
  }, 60_000);
});

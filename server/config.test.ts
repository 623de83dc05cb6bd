import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('needs nothing: demo on, 127.0.0.1:5173, no real backends', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 5173,
      host: '127.0.0.1',
      demo: true,
      pelion: null,
      aliyun: null,
      firstScreenDeadlineMs: 300,
    });
  });

  it('takes a first-screen deadline in milliseconds, 0 meaning none is rendered', () => {
    expect(loadConfig({ FIRST_SCREEN_DEADLINE_MS: '0' }).firstScreenDeadlineMs).toBe(0);
    expect(loadConfig({ FIRST_SCREEN_DEADLINE_MS: '1500' }).firstScreenDeadlineMs).toBe(1500);
    expect(problemsOf({ FIRST_SCREEN_DEADLINE_MS: '-1' })[0]).toMatch(
      /^FIRST_SCREEN_DEADLINE_MS: /,
    );
    expect(problemsOf({ FIRST_SCREEN_DEADLINE_MS: 'soon' })[0]).toMatch(
      /^FIRST_SCREEN_DEADLINE_MS: /,
    );
  });

  it('adds a real Pelion backend when PELION_API_KEY is set, with the documented default URL', () => {
    const config = loadConfig({ PELION_API_KEY: 'ak_0123456789abcdef' });
    expect(config.pelion).toEqual({
      apiUrl: 'https://api.us-east-1.mbedcloud.com',
      apiKey: 'ak_0123456789abcdef',
    });
  });

  it('strips a trailing slash from API URLs', () => {
    const config = loadConfig({
      PELION_API_KEY: 'ak_x',
      PELION_API_URL: 'https://api.example.test/',
    });
    expect(config.pelion?.apiUrl).toBe('https://api.example.test');
  });

  it('names the variable when a value is malformed', () => {
    expect(problemsOf({ PORT: 'eighty' })[0]).toMatch(/^PORT: /);
    expect(problemsOf({ PORT: '70000' })[0]).toMatch(/^PORT: /);
    expect(problemsOf({ PELION_API_URL: 'ftp://x', PELION_API_KEY: 'ak_x' })[0]).toMatch(
      /^PELION_API_URL: /,
    );
    expect(problemsOf({ PELION_API_KEY: 'not-a-key' })[0]).toMatch(/^PELION_API_KEY: .*ak_/);
    expect(problemsOf({ DEMO: 'maybe' })[0]).toMatch(/^DEMO: /);
  });

  it('sends credentials over plain http only to this machine', () => {
    for (const url of ['http://127.0.0.1:4010', 'http://localhost:4010/', 'http://[::1]:4010']) {
      expect(loadConfig({ PELION_API_KEY: 'ak_x', PELION_API_URL: url }).pelion?.apiUrl).toBe(
        url.replace(/\/$/, ''),
      );
    }
    for (const url of [
      'http://api.us-east-1.mbedcloud.com',
      'http://10.0.0.5:4010',
      'http://127.example.test',
    ]) {
      expect(problemsOf({ PELION_API_KEY: 'ak_x', PELION_API_URL: url })[0]).toMatch(
        /^PELION_API_URL: must use https:\/\//,
      );
    }
    expect(
      problemsOf({
        ALIYUN_ENDPOINT: 'http://iot.cn-shanghai.aliyuncs.com',
        ALIYUN_REGION_ID: 'cn-shanghai',
        ALIYUN_ACCESS_KEY_ID: 'id',
        ALIYUN_ACCESS_KEY_SECRET: 'secret',
      })[0],
    ).toMatch(/^ALIYUN_ENDPOINT: must use https:\/\//);
  });

  it('caps upstream answers at 8 MiB unless UPSTREAM_MAX_BODY_BYTES says otherwise', () => {
    expect(loadConfig({}).upstreamMaxBodyBytes).toBe(8 * 1024 * 1024);
    expect(loadConfig({ UPSTREAM_MAX_BODY_BYTES: '1048576' }).upstreamMaxBodyBytes).toBe(1048576);
    expect(problemsOf({ UPSTREAM_MAX_BODY_BYTES: '10' })[0]).toMatch(/^UPSTREAM_MAX_BODY_BYTES: /);
    expect(problemsOf({ UPSTREAM_MAX_BODY_BYTES: 'lots' })[0]).toMatch(
      /^UPSTREAM_MAX_BODY_BYTES: /,
    );
  });

  it('names every missing Alibaba variable when the account is half configured', () => {
    const problems = problemsOf({
      ALIYUN_ENDPOINT: 'https://iot.cn-shanghai.aliyuncs.com',
      ALIYUN_ACCESS_KEY_ID: 'id',
    });
    expect(problems.map((p) => p.split(':')[0]).sort()).toEqual([
      'ALIYUN_ACCESS_KEY_SECRET',
      'ALIYUN_REGION_ID',
    ]);
  });

  it('never repeats a secret value in its messages', () => {
    const secret = 'super-secret-value-123';
    const problems = problemsOf({ ALIYUN_ACCESS_KEY_SECRET: secret, PORT: 'x' });
    expect(problems.join('\n')).not.toContain(secret);
  });

  it('builds the Alibaba account with an optional instance id', () => {
    const config = loadConfig({
      ALIYUN_ENDPOINT: 'https://iot.cn-shanghai.aliyuncs.com',
      ALIYUN_REGION_ID: 'cn-shanghai',
      ALIYUN_ACCESS_KEY_ID: 'id',
      ALIYUN_ACCESS_KEY_SECRET: 'secret',
      ALIYUN_IOT_INSTANCE_ID: 'iot-cn-123',
    });
    expect(config.aliyun).toEqual({
      endpoint: 'https://iot.cn-shanghai.aliyuncs.com',
      regionId: 'cn-shanghai',
      accessKeyId: 'id',
      accessKeySecret: 'secret',
      iotInstanceId: 'iot-cn-123',
    });
  });

  it('refuses to start with the demo off and nothing else to show', () => {
    expect(problemsOf({ DEMO: 'off' })[0]).toMatch(/^DEMO: /);
    expect(loadConfig({ DEMO: 'off', PELION_API_KEY: 'ak_x' }).demo).toBe(false);
  });
});

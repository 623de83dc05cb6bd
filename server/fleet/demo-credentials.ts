/**
 * The demo simulators' published credentials (DESIGN.md). They open nothing but the in-process
 * simulators and exist so any standard API client can be pointed at `npm run sim`.
 */
export const DEMO_PELION_API_KEY = 'ak_demo_fleetlog';

export const DEMO_ALIYUN_CREDENTIALS = {
  accessKeyId: 'demo-access-key-id',
  accessKeySecret: 'demo-access-key-secret',
  regionId: 'cn-shanghai',
} as const;

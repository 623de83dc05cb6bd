import { Hono } from 'hono';
import type { AliyunFleet } from '../fleet/aliyun-fleet.ts';
import { ACTIONS } from './actions.ts';
import { createEventIndex } from './event-index.ts';
import { createGateway } from './gateway.ts';
import {
  BusinessError,
  businessResponse,
  gatewayErrors,
  gatewayResponse,
  newRequestId,
  successResponse,
} from './wire.ts';

export interface AliyunSimulatorOptions {
  fleet: AliyunFleet;
  credentials: { accessKeyId: string; accessKeySecret: string; regionId: string };
  now: () => number;
  /** Account-wide flow control (the service allows 50 queries per second). */
  throttlePerSecond?: number;
  /**
   * Test aid: when true, a request parameter `x_sim_fault` = `throttle` | `error` | `slow` forces
   * Throttling.User, a 503 ServiceUnavailable, or a 3 s delay. Signed like any other parameter.
   */
  faultInjection?: boolean;
}

/**
 * Wire-faithful simulator of the IoT Platform RPC API (2018-01-20) for the read actions Fleetlog uses:
 * GET or POST on `/`, signature V1 checked with the shared signer, nonce replay, clock skew,
 * 50 queries/s flow control, both error envelopes. Only Format=JSON is answered.
 */
export function createAliyunSimulator(options: AliyunSimulatorOptions): Hono {
  const { fleet, credentials, now, throttlePerSecond = 50, faultInjection = false } = options;
  const gateway = createGateway({ credentials, now, throttlePerSecond });
  const context = { fleet, index: createEventIndex(fleet), now };
  const app = new Hono();

  app.on(['GET', 'POST'], '/', async (c) => {
    // A null-prototype record: parameters named `__proto__` or `toString` stay plain, unknown keys.
    const params: Record<string, string> = Object.create(null) as Record<string, string>;
    for (const [name, value] of new URL(c.req.url).searchParams) params[name] = value;
    if (c.req.method === 'POST') {
      const body = new URLSearchParams(await c.req.text());
      for (const [name, value] of body) params[name] = value;
    }
    const requestId = newRequestId();
    const rejected = gateway.check(c.req.method, params);
    if (rejected) return gatewayResponse(rejected, requestId);

    if (faultInjection && params.x_sim_fault) {
      if (params.x_sim_fault === 'throttle')
        return gatewayResponse(gatewayErrors.throttled(), requestId);
      if (params.x_sim_fault === 'error')
        return gatewayResponse(gatewayErrors.unavailable(), requestId);
      if (params.x_sim_fault === 'slow') await new Promise((resolve) => setTimeout(resolve, 3000));
    }
    if (params.IotInstanceId) {
      // The demo account is a public instance without an id, so naming one is an error, as in the service.
      return businessResponse(
        new BusinessError('iot.system.InstanceNotFound', 'The instance does not exist.'),
        requestId,
      );
    }
    const name = params.Action as string;
    const action = Object.hasOwn(ACTIONS, name) ? ACTIONS[name] : undefined;
    if (!action) return gatewayResponse(gatewayErrors.action(), requestId);
    const result = action(params, context);
    if ('gateway' in result) return gatewayResponse(result.gateway, requestId);
    if ('business' in result) return businessResponse(result.business, requestId);
    return successResponse(result.body, requestId);
  });

  app.all('*', () => gatewayResponse(gatewayErrors.action()));
  return app;
}

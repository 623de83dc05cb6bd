import {
  callUpstream,
  copyUpstreamResponse,
  DEFAULT_UPSTREAM_MAX_BODY_BYTES,
  fleetlogError,
  upstreamFailure,
} from '../backends/forwarding.ts';
import { PELION_CAPABILITIES, type ConfiguredBackend, type Upstream } from '../backends/types.ts';
import { checkQuery } from './allowed-query.ts';

/**
 * The Device Management paths Fleetlog reads. Anything else (writes, other services, the deprecated
 * `/v3/devicelog/` alias) is refused so a stolen session cannot use the server as an open proxy.
 */
const ALLOWED_PATH = /^\/v3\/(devices|device-events)(\/[0-9A-Za-z_-]+)?\/?$/;

export interface PelionBackendOptions {
  id: string;
  label: string;
  demo: boolean;
  /** Base URL of the API, e.g. https://api.us-east-1.mbedcloud.com (no trailing slash). */
  apiUrl: string;
  apiKey: string;
  upstream: Upstream;
  timeoutMs: number;
  /** Largest upstream answer read (default DEFAULT_UPSTREAM_MAX_BODY_BYTES). */
  maxBodyBytes?: number;
}

export function createPelionBackend(options: PelionBackendOptions): ConfiguredBackend {
  const { id, label, demo, apiUrl, apiKey, upstream, timeoutMs } = options;
  const limits = {
    timeoutMs,
    maxBodyBytes: options.maxBodyBytes ?? DEFAULT_UPSTREAM_MAX_BODY_BYTES,
  };
  return {
    id,
    kind: 'pelion',
    label,
    demo,
    capabilities: PELION_CAPABILITIES,
    async forward(request, subPath, search) {
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        return fleetlogError(
          405,
          'method_not_allowed',
          'Fleetlog only reads from Device Management.',
        );
      }
      const path = ALLOWED_PATH.exec(subPath);
      if (!path) {
        return fleetlogError(404, 'not_found', `Fleetlog does not forward ${subPath}.`);
      }
      const query = checkQuery(
        path[1] as 'devices' | 'device-events',
        path[2] !== undefined,
        search,
        // The demo simulators' fault switch; a real API never sees it.
        { simFaults: demo },
      );
      if ('refused' in query) {
        return fleetlogError(
          400,
          'parameter_not_allowed',
          `Fleetlog does not forward the query parameter "${query.refused.slice(0, 100)}" on ${subPath}.`,
        );
      }
      // Only our own headers go upstream: the browser's Authorization, cookies and the like are dropped.
      const headers = new Headers({
        authorization: `Bearer ${apiKey}`,
        accept: 'application/json',
      });
      try {
        const { response, body } = await callUpstream(
          upstream,
          `${apiUrl}${subPath}${query.search}`,
          { method: request.method, headers },
          request.signal,
          limits,
        );
        return copyUpstreamResponse(response, request.method === 'HEAD' ? null : body, label);
      } catch (error) {
        return upstreamFailure(error, label, timeoutMs);
      }
    },
  };
}

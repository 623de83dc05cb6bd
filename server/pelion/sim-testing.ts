/** Shared set-up for the simulator's tests: one fleet at a fixed `now`, and a JSON GET helper. */
import { generatePelionFleet, type PelionFleet } from '../fleet/pelion-fleet.ts';
import { createPelionSimulator } from './simulator.ts';

/** A fixed anchor keeps every run identical (the server itself passes Date.now()). */
export const TEST_NOW = Date.UTC(2026, 0, 15, 12, 0, 0);
export const TEST_API_KEY = 'ak_demo_fleetlog';
export const AUTH = { Authorization: `Bearer ${TEST_API_KEY}` } as const;

let shared: PelionFleet | null = null;
/** Generated once per test file: histories are cached inside the fleet. */
export function testFleet(): PelionFleet {
  if (!shared) {
    shared = generatePelionFleet({ now: TEST_NOW });
    // Built while the file loads, not inside a test, so a busy machine cannot hit a test timeout.
    shared.eventsOf(shared.notable.longHistory);
  }
  return shared;
}

export function testSimulator(options: { faultInjection?: boolean } = {}) {
  return createPelionSimulator({ fleet: testFleet(), apiKey: TEST_API_KEY, ...options });
}

export interface JsonResponse {
  status: number;
  headers: Headers;
  // Tests narrow it with the wire schemas or read fields directly.
  body: Record<string, unknown> & { data?: Array<Record<string, unknown>> };
}

export async function getJson(
  app: ReturnType<typeof testSimulator>,
  path: string,
  headers: Record<string, string> = AUTH,
): Promise<JsonResponse> {
  const response = await app.request(path, { headers });
  return {
    status: response.status,
    headers: response.headers,
    body: (await response.json()) as JsonResponse['body'],
  };
}

export const query = (params: Record<string, string | number>): string =>
  new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)])).toString();

/** The id a client pages with: `id`, or `device_log_id` on old-style records. */
export const eventKey = (event: Record<string, unknown>): string =>
  String(event.id ?? event.device_log_id);

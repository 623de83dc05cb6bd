import { describeIssues } from './wire-check.ts';
import { BackendError } from './types.ts';

/**
 * Fetch helpers shared by the adapters. Everything that goes wrong on the way — a refused
 * connection, a non-2xx answer, a body that is not JSON — becomes a `BackendError` whose message
 * an operator can act on and which carries the request id to quote to support.
 */

export interface FetchJsonInit extends RequestInit {
  signal?: AbortSignal;
  /** Name of the server variable holding the credential, shown when the backend answers 401. */
  credentialVariable?: string;
  /** Sends the request; the browser's `fetch` unless the caller brings its own (server rendering). */
  transport?: Transport;
}

/** How an adapter's requests reach `/api/…`: `fetch` in the browser, the app itself on the server. */
export type Transport = (url: string, init: RequestInit) => Promise<Response>;

interface ErrorEnvelope {
  code?: string;
  message?: string;
  requestId?: string;
  fields: Array<{ name: string; message: string }>;
}

function text(value: unknown): string | undefined {
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

/**
 * Reads an error body without trusting its shape: Pelion-style (`type`, `message`, `request_id`,
 * `fields`), Fleetlog's own (same shape) or Alibaba-style (`Code`, `Message`, `RequestId`).
 * `code` may be numeric; `fields` entries may name the field as `name` or `field`.
 */
export function parseErrorEnvelope(body: unknown): ErrorEnvelope {
  if (typeof body !== 'object' || body === null) return { fields: [] };
  const record = body as Record<string, unknown>;
  const fields = Array.isArray(record.fields)
    ? record.fields.flatMap((entry: unknown) => {
        if (typeof entry !== 'object' || entry === null) return [];
        const field = entry as Record<string, unknown>;
        const name = text(field.name) ?? text(field.field);
        const message = text(field.message);
        return name && message ? [{ name, message }] : [];
      })
    : [];
  return {
    code: text(record.type) ?? text(record.Code) ?? text(record.code),
    message: text(record.message) ?? text(record.Message),
    requestId: text(record.request_id) ?? text(record.RequestId) ?? text(record.requestId),
    fields,
  };
}

/** `Retry-After` as seconds: either a delay in seconds or an HTTP date. */
export function parseRetryAfter(
  header: string | null,
  now: number = Date.now(),
): number | undefined {
  if (header === null || header.trim() === '') return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000));
}

function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || (status >= 500 && status !== 501);
}

function operatorMessage(
  status: number,
  envelope: ErrorEnvelope,
  retryAfter: number | undefined,
  init: FetchJsonInit,
): string {
  const detail = envelope.message;
  const fieldList = envelope.fields.map((field) => `${field.name}: ${field.message}`).join('; ');
  switch (true) {
    case status === 401:
      return `The backend rejected the server's credentials${detail ? ` (${detail})` : ''}. Check ${init.credentialVariable ?? 'the API key'} in the server's configuration.`;
    case status === 403:
      return `The server's credentials are not allowed to read this${detail ? ` (${detail})` : ''}.`;
    case status === 429:
      return retryAfter !== undefined
        ? `The backend is throttling requests. Retry in ${retryAfter} s.`
        : 'The backend is throttling requests. Retry in a moment.';
    case status >= 500:
      return detail ?? `The backend failed (HTTP ${status}). Try again.`;
    default:
      return [detail ?? `The request failed (HTTP ${status}).`, fieldList]
        .filter(Boolean)
        .join(' — ');
  }
}

/** Turns a non-2xx response into a `BackendError` (reads the body). */
export async function errorFromResponse(
  response: Response,
  init: FetchJsonInit = {},
): Promise<BackendError> {
  let body: unknown = null;
  try {
    body = JSON.parse(await response.text());
  } catch {
    // Not JSON (a proxy's HTML error page, an empty body): the status still says enough.
  }
  const envelope = parseErrorEnvelope(body);
  const retryAfter = parseRetryAfter(response.headers.get('retry-after'));
  return new BackendError(operatorMessage(response.status, envelope, retryAfter, init), {
    status: response.status,
    code: envelope.code,
    requestId: envelope.requestId ?? response.headers.get('x-request-id') ?? undefined,
    retryAfter,
    retryable: isRetryableStatus(response.status),
  });
}

function isAbort(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError';
}

/** GETs (or sends) a request and returns the parsed JSON body of a 2xx answer. */
export async function fetchJson(url: string, init: FetchJsonInit = {}): Promise<unknown> {
  const { credentialVariable: _credentialVariable, transport, ...requestInit } = init;
  let response: Response;
  try {
    response = await (transport ?? fetch)(url, {
      ...requestInit,
      headers: { accept: 'application/json', ...requestInit.headers },
    });
  } catch (error) {
    // A cancelled request is not a failure to report: let the caller (React Query) see the abort.
    if (isAbort(error) || init.signal?.aborted) throw error;
    throw new BackendError(
      'The Fleetlog server could not be reached. Check your network connection and try again.',
      {
        status: 0,
        code: 'network_error',
        retryable: true,
      },
    );
  }
  if (!response.ok) throw await errorFromResponse(response, init);
  const requestId = response.headers.get('x-request-id') ?? undefined;
  try {
    return JSON.parse(await response.text()) as unknown;
  } catch (error) {
    if (isAbort(error)) throw error;
    throw new BackendError('The backend sent a response that is not valid JSON.', {
      status: response.status,
      code: 'invalid_response',
      requestId,
      retryable: false,
    });
  }
}

/** For a response that parsed as JSON but not as the expected shape. */
export function invalidResponse(what: string, issues: string): BackendError {
  return new BackendError(`The backend sent an unexpected ${what}: ${issues}`, {
    status: 200,
    code: 'invalid_response',
    retryable: false,
  });
}

/** Validates a wire answer at the edge; a mismatch becomes `invalidResponse` naming each bad field. */
export function parseOrThrow<T>(schema: StandardSchema<T>, body: unknown, what: string): T {
  const result = schema['~standard'].validate(body);
  if (result instanceof Promise) throw new TypeError(`${what}: an asynchronous schema`);
  if (result.issues) throw invalidResponse(what, describeIssues(result.issues));
  return result.value;
}

/**
 * What `parseOrThrow` needs of a schema: Standard Schema's `validate` (https://standardschema.dev),
 * which zod's schemas and `wireSchema` (wire-check.ts) both have.
 */
export interface StandardSchema<T> {
  readonly '~standard': {
    validate(value: unknown):
      | { readonly value: T; readonly issues?: undefined }
      | {
          readonly issues: ReadonlyArray<{
            readonly message: string;
            readonly path?: ReadonlyArray<PropertyKey | { readonly key: PropertyKey }>;
          }>;
        }
      | Promise<unknown>;
  };
}

/** Device Management's error envelope and request ids, as the simulator sends them. */

export type PelionErrorType =
  | 'bad_request'
  | 'validation_error'
  | 'invalid_auth'
  | 'not_found'
  | 'method_not_allowed'
  | 'too_many_requests'
  | 'internal_server_error';

export interface FieldProblem {
  name: string;
  message: string;
}

export interface PelionErrorBody {
  object: 'error';
  code: number;
  type: PelionErrorType;
  message: string;
  fields?: FieldProblem[];
  request_id: string;
}

/** Same shape as the real ids: 12 hex digits of ms timestamp, then 20 random hex digits. */
export function newRequestId(now: number = Date.now()): string {
  const random = new Uint8Array(10);
  crypto.getRandomValues(random);
  const tail = Array.from(random, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${now.toString(16).padStart(12, '0')}${tail}`;
}

export function errorBody(
  code: number,
  type: PelionErrorType,
  message: string,
  requestId: string,
  fields?: FieldProblem[],
): PelionErrorBody {
  return {
    object: 'error',
    code,
    type,
    message,
    ...(fields ? { fields } : {}),
    request_id: requestId,
  };
}

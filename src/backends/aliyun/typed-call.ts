import type * as z from 'zod/mini';
import { parseOrThrow } from '../http.ts';
import type { RpcCall } from './rpc.ts';

/** One action whose answer (its `Data`, or the whole body) is validated by a zod schema. */
export type TypedCall = <T extends z.ZodMiniType>(
  schema: T,
  params: Record<string, string>,
  what: string,
  signal?: AbortSignal,
  part?: 'Data' | 'body',
) => Promise<z.output<T>>;

export function createTypedCall(rpc: RpcCall): TypedCall {
  return async (schema, params, what, signal, part = 'Data') => {
    const body = (await rpc(params, signal)) as { Data?: unknown } | null;
    return parseOrThrow(schema, part === 'body' ? body : body?.Data, what);
  };
}

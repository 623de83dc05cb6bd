import { BackendError } from '../../backends/types.ts';
import { Button } from './button.tsx';

export interface ErrorPanelProps {
  title: string;
  error: unknown;
  onRetry?: () => void;
  retrying?: boolean;
}

/** A failed request, with what an operator needs to act or to report it (status, code, request id). */
export function ErrorPanel({ title, error, onRetry, retrying = false }: ErrorPanelProps) {
  const details = error instanceof BackendError ? error.details : undefined;
  const message = error instanceof Error ? error.message : 'Something went wrong.';
  return (
    <div
      role="alert"
      className="rounded-md border border-red-200 bg-red-50 p-4 text-sm text-red-900"
    >
      <p className="font-semibold">{title}</p>
      <p className="mt-1">{message}</p>
      {details && (details.requestId || details.status > 0) ? (
        <p className="mt-1 text-xs text-red-800">
          {details.status > 0 ? `HTTP ${details.httpStatus ?? details.status}` : null}
          {details.code ? ` · ${details.code}` : null}
          {details.requestId ? (
            <>
              {' · Request id '}
              <code className="font-mono select-all">{details.requestId}</code>
            </>
          ) : null}
        </p>
      ) : null}
      {onRetry ? (
        <Button className="mt-3" onClick={onRetry} disabled={retrying}>
          {retrying ? 'Retrying…' : 'Retry'}
        </Button>
      ) : null}
    </div>
  );
}

import { useEffect, useState } from 'react';
import { BackendError } from '../../../backends/types.ts';

export interface EventErrorBannerProps {
  error: unknown;
  /** What failed, e.g. "Could not load more events". */
  title: string;
  onRetry: () => void;
  retrying: boolean;
}

/**
 * A failed request, with what an operator needs to report it (message, HTTP status, code, request
 * id). Throttling retries on its own after the delay the backend asked for.
 */
export function EventErrorBanner({ error, title, onRetry, retrying }: EventErrorBannerProps) {
  const details = error instanceof BackendError ? error.details : undefined;
  const message = error instanceof Error ? error.message : String(error);
  const retryAfter =
    details?.retryable && details.retryAfter !== undefined ? details.retryAfter : undefined;
  const [secondsLeft, setSecondsLeft] = useState(retryAfter);
  const [trackedError, setTrackedError] = useState(error);
  if (trackedError !== error) {
    setTrackedError(error);
    setSecondsLeft(retryAfter);
  }

  useEffect(() => {
    if (secondsLeft === undefined || retrying) return;
    const timer = setTimeout(() => {
      if (secondsLeft <= 1) {
        setSecondsLeft(undefined);
        onRetry();
      } else setSecondsLeft(secondsLeft - 1);
    }, 1000);
    return () => clearTimeout(timer);
  }, [secondsLeft, retrying, onRetry]);

  return (
    <div
      role="alert"
      className="flex flex-wrap items-start gap-3 rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900"
    >
      <div className="min-w-0 flex-1">
        <p className="font-semibold">{title}</p>
        <p>{message}</p>
        {details && (
          <p className="font-mono text-xs">
            HTTP {details.httpStatus ?? details.status}
            {details.code ? ` · code ${details.code}` : ''}
            {details.requestId ? ` · request id ${details.requestId}` : ''}
          </p>
        )}
        {retryAfter !== undefined && (
          <p>
            The backend is throttling requests.{' '}
            {secondsLeft !== undefined ? `Retrying in ${secondsLeft} s…` : 'Retrying…'}
          </p>
        )}
      </div>
      <button
        type="button"
        onClick={onRetry}
        disabled={retrying}
        className="rounded border border-red-400 bg-white px-3 py-1 font-medium hover:bg-red-100 disabled:opacity-60"
      >
        {retrying ? 'Retrying…' : 'Retry'}
      </button>
    </div>
  );
}

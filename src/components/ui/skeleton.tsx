export interface SkeletonProps {
  className?: string;
}

/** A placeholder block the size of the content it stands for, so nothing jumps when data arrives. */
export function Skeleton({ className = '' }: SkeletonProps) {
  return (
    <span aria-hidden="true" className={`block animate-pulse rounded bg-slate-200 ${className}`} />
  );
}

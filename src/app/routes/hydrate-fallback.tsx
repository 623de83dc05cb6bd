/** Shown while the first route's data (the backend list) loads: the shell's frame, no content jump. */
export function HydrateFallback() {
  return (
    <div className="flex min-h-screen flex-col" aria-busy="true">
      <div className="h-[61px] border-b border-slate-200 bg-white" />
      <p className="sr-only" role="status">
        Loading Fleetlog…
      </p>
    </div>
  );
}

/** `/` when the server has no backend configured (DEMO=off and no credentials). */
export function NoBackends() {
  return (
    <section className="max-w-2xl rounded-lg border border-slate-200 bg-white p-6">
      <h1 className="text-xl font-semibold">No backend is configured</h1>
      <p className="mt-2 text-sm text-slate-600">
        Start the server with <code className="font-mono">DEMO=on</code> for the demo fleets, or set{' '}
        <code className="font-mono">PELION_API_KEY</code> or the{' '}
        <code className="font-mono">ALIYUN_*</code> variables (see{' '}
        <code className="font-mono">.env.example</code>).
      </p>
    </section>
  );
}

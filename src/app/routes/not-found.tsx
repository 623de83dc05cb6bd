import { Link } from 'react-router';
import { useDocumentTitle } from '../../lib/use-document-title.ts';

export function NotFound() {
  useDocumentTitle(['Page not found']);
  return (
    <section className="max-w-2xl rounded-lg border border-slate-200 bg-white p-6">
      <h1 className="text-xl font-semibold">Page not found</h1>
      <p className="mt-2 text-sm text-slate-600">Fleetlog has no page at this address.</p>
      <Link to="/" className="mt-3 inline-block text-sm font-medium text-sky-800 hover:underline">
        Go to the device list
      </Link>
    </section>
  );
}

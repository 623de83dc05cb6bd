import { startBackendsRequest } from '../backends/backends-query.ts';
import { adapterFor } from '../backends/registry.ts';
import { matchAppPath } from '../config/paths.ts';

// Imported first by main.tsx: module code runs in import order, so the backend list is on its way
// while the rest of the entry chunk (React, the router, the app) is still being evaluated. As soon
// as it answers, the adapter chunk of the backend in the URL starts downloading too (adapterFor
// caches it per backend, so the route loaders get the same promise); other kinds are not fetched.
const backendId = matchAppPath(location.pathname)?.params.backendId;
void startBackendsRequest()
  .then((backends) => {
    const info = backends.find((backend) => backend.id === backendId);
    if (info) void adapterFor(info).catch(() => undefined);
  })
  .catch(() => undefined);

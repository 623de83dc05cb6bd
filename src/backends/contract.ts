import {
  array,
  boolean,
  looseObject,
  nullable,
  number,
  object,
  string,
  wireSchema,
} from './wire-check.ts';

/**
 * What the Fleetlog server and the SPA agree on, written once and imported by both: the shape of
 * `GET /api/backends` (and of the same list inlined into the page), the capability flags, and the
 * ids of the elements and globals the server writes into a page for the app to read.
 *
 * A backend's `kind` is an open string on purpose. The server lists whatever kinds it is
 * configured with; the SPA's adapter registry (`registry.ts`) says which of them this build can
 * read, so a kind it does not know costs only that backend ("this version cannot read it"), never
 * the whole list. Keep this module free of React, the DOM and `node:` imports.
 */

/** What a backend can do, independent of what its vendor calls things. */
export interface BackendCapabilities {
  /** Events can be filtered by level (the kind's vocabulary names the levels). */
  levelFilter: boolean;
  /** Events can be filtered by code, with the choices the device's model declares. */
  codeFilter: boolean;
  /** Days of history the API can return, counted back from now; null = whole history. */
  retentionDays: number | null;
  /** The API can report the number of matching events. */
  totalCount: boolean;
  /** Largest page the API returns. */
  maxPageSize: number;
}

/** One entry of `GET /api/backends`: public, no secrets. */
export interface PublicBackend {
  id: string;
  /** Names the adapter that reads this backend (`pelion`, `aliyun`, …). */
  kind: string;
  label: string;
  demo: boolean;
  capabilities: BackendCapabilities;
}

const readCapabilities = looseObject({
  levelFilter: boolean,
  codeFilter: boolean,
  retentionDays: nullable(number()),
  totalCount: boolean,
  maxPageSize: number({ above: 0 }),
});

/** The body of `GET /api/backends`. Any non-empty kind is accepted (see above). */
export const backendListSchema = wireSchema(
  object({
    backends: array(
      looseObject({
        id: string(1),
        kind: string(1),
        label: string(),
        demo: boolean,
        capabilities: readCapabilities,
      }),
    ),
  }),
);

/** Id of the inline JSON element holding the backend list (same shape as `GET /api/backends`). */
export const BACKENDS_ELEMENT_ID = 'fleetlog-backends';

/** Id of the inline JSON element holding the queries a server-rendered first screen shows. */
export const SERVER_STATE_ELEMENT_ID = 'fleetlog-state';

/** Attribute on `#root` when it holds a server-rendered first screen. */
export const FIRST_SCREEN_ATTRIBUTE = 'data-first-screen';

/** Global function through which a first screen hands over the input it held back. */
export const EARLY_INPUT_GLOBAL = '__fleetlogEarlyInput';

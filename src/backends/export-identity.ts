import type { BackendInfo } from './types.ts';

/** How an export file names the backend its events came from. */
export interface ExportIdentity {
  backendId: string;
  /** The backend's kind, so the file can be opened again with that kind's vocabulary. */
  kind: string;
  backendLabel: string;
}

/**
 * What an export's first line says about its backend. Kept beside the port because the kind is
 * the port's business: features write and read it through here, never by asking it.
 */
export function exportIdentity(info: BackendInfo): ExportIdentity {
  return { backendId: info.id, kind: info.kind, backendLabel: info.label };
}

/** The kind and label an export context or header names, leaving out what it does not name. */
export function identityFields(
  identity: Partial<ExportIdentity>,
): Partial<Pick<ExportIdentity, 'kind' | 'backendLabel'>> {
  return {
    ...(identity.kind === undefined ? {} : { kind: identity.kind }),
    ...(identity.backendLabel === undefined ? {} : { backendLabel: identity.backendLabel }),
  };
}

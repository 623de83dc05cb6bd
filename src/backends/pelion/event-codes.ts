/**
 * The Device Management event codes (`event_type`) and their Message types
 * (`event_type_description`), as listed in api/pelion.md (141 codes from the public spec).
 *
 * Pure data and pure helpers: imported by the SPA (labels, the Message type filter) and by the
 * server's simulator, so no DOM and no `node:` imports.
 *
 * Meanings come in three grades, kept apart in `source` so the UI never presents a guess as the
 * portal's own wording:
 * - `portal`: the portal text, as the vendor docs give it;
 * - `enum`: the device update client's documented enum meaning the number matches;
 * - `generic`: no public description exists (all SYS_* codes and a few update codes), so the label
 *   only names the code.
 */

export type MessageType = 'SUCCESS' | 'FAIL' | 'SKIPPED' | 'INFO';
/** What the wire may carry: UNDETERMINED is the deprecated predecessor of INFO. */
export type WireMessageType = MessageType | 'UNDETERMINED';

export const MESSAGE_TYPES: readonly MessageType[] = ['SUCCESS', 'FAIL', 'SKIPPED', 'INFO'];

export const MESSAGE_TYPE_MEANINGS: Readonly<Record<WireMessageType, string>> = {
  SUCCESS: 'The device reached the desired state.',
  FAIL: 'The device did not reach the desired state.',
  SKIPPED: 'The device is already at the desired state.',
  INFO: 'Other information on the device, such as device state or lifecycle events.',
  UNDETERMINED: 'Deprecated; replaced by INFO.',
};

type MeaningSource = 'portal' | 'enum' | 'generic';

interface EventCodeInfo {
  code: string;
  messageType: MessageType;
  meaning: string;
  source: MeaningSource;
}

const range = (from: number, to: number): number[] =>
  Array.from({ length: to - from + 1 }, (_, i) => from + i);

const PORTAL_TEXTS: Readonly<Record<string, string>> = {
  UPD4_OK_100: 'Update succeeded event',
  UPD4_FAIL_101: 'Update error, nonspecific network error',
  UPD4_FAIL_102: 'Update error, nonspecific payload error',
  UPD4_FAIL_103: 'Update error, nonspecific system error',
  UPD4_FAIL_200: 'Manifest validation, nonspecific error',
  UPD4_FAIL_201: 'Manifest network error, nonspecific network error',
  UPD4_FAIL_202: 'Manifest network error, time out',
  UPD2_FAIL_3: 'Manifest rejected, URI invalid',
  UPD2_FAIL_4: 'Manifest rejected, integrity check failed',
  UPD2_FAIL_6: 'Manifest rejected, certificate not found',
  UPD2_FAIL_7: 'Manifest rejected, signature verification failed',
  UPD2_FAIL_11: 'Connection lost during download',
  UPD2_FAIL_12: 'Asset failed integrity check',
  UPD2_FAIL_13: 'Unsupported asset type',
  UPD2_FAIL_14: 'Invalid asset URI',
  UPD2_FAIL_15: 'Timed out downloading asset',
};

/** Update client manifest errors 203–226 (200–202 have portal texts above). */
const MANIFEST_ERRORS: Readonly<Record<number, string>> = {
  203: 'connection failure',
  204: 'DNS lookup failure',
  205: 'connection loss',
  206: 'not found',
  207: 'integrity check failed',
  208: 'certificate not found',
  209: 'invalid certificate',
  210: 'invalid signature',
  211: 'dependent manifest not found',
  212: 'already processing',
  213: 'resource already present',
  214: 'unsupported manifest version',
  215: 'wrong vendor id',
  216: 'wrong class id',
  217: 'invalid manifest size',
  218: 'invalid manifest format',
  219: 'invalid crypto mode',
  220: 'missing field',
  221: 'rollback protection',
  222: 'missing item',
  223: 'corrupted keytable',
  224: 'invalid keytable encoding',
  225: 'insufficient storage',
  226: 'insufficient memory',
};

const UPD2_STATES = [
  'uninitialised',
  'idle',
  'processing manifest',
  'awaiting download approval',
  'downloading',
  'downloaded',
  'awaiting application approval',
  'updating',
  'rebooting',
];
const UPD1_STATES = ['idle', 'downloading', 'downloaded', 'updating'];
const UPD1_FAILURES: Readonly<Record<number, string>> = {
  2: 'not enough flash',
  3: 'out of RAM',
  4: 'connection lost during download',
  5: 'integrity check failure',
  6: 'unsupported package type',
  7: 'invalid URI',
  8: 'firmware update failed',
  9: 'unsupported protocol',
};

const generic = (code: string): string => `System event ${code}`;
const genericUpdate = (code: string): string => `Update client event ${code}`;

function entry(code: string, messageType: MessageType, enumMeaning?: string): EventCodeInfo {
  const portal = PORTAL_TEXTS[code];
  if (portal !== undefined) return { code, messageType, meaning: portal, source: 'portal' };
  if (enumMeaning !== undefined) return { code, messageType, meaning: enumMeaning, source: 'enum' };
  const meaning = code.startsWith('SYS_') ? generic(code) : genericUpdate(code);
  return { code, messageType, meaning, source: 'generic' };
}

const sys = (numbers: number[], type: MessageType) => numbers.map((n) => entry(`SYS_${n}`, type));

const SUCCESS_CODES: EventCodeInfo[] = [
  ...sys([112], 'SUCCESS'),
  entry('UPD1_OK_1', 'SUCCESS', 'Firmware updated successfully'),
  entry('UPD2_OK_1', 'SUCCESS'),
  entry('UPD2_OK_18', 'SUCCESS'),
  entry('UPD2_OK_19', 'SUCCESS'),
  entry('UPD4_OK_M1', 'SUCCESS', 'Update initial value (no event)'),
  entry('UPD4_OK_100', 'SUCCESS'),
];

const FAIL_CODES: EventCodeInfo[] = [
  ...sys([101, 103, 104, 111, 123, 124], 'FAIL'),
  ...range(2, 9).map((n) => entry(`UPD1_FAIL_${n}`, 'FAIL', `Update failed, ${UPD1_FAILURES[n]}`)),
  ...range(2, 17).map((n) => entry(`UPD2_FAIL_${n}`, 'FAIL')),
  ...range(101, 103).map((n) => entry(`UPD4_FAIL_${n}`, 'FAIL')),
  ...range(200, 226).map((n) => {
    const what = MANIFEST_ERRORS[n];
    return entry(
      `UPD4_FAIL_${n}`,
      'FAIL',
      what === undefined ? undefined : `Manifest error, ${what}`,
    );
  }),
  ...range(300, 316).map((n) => entry(`UPD4_FAIL_${n}`, 'FAIL', `Update fetcher error ${n}`)),
  ...range(400, 409).map((n) => entry(`UPD4_FAIL_${n}`, 'FAIL', `Update processor error ${n}`)),
  ...range(500, 512).map((n) => entry(`UPD4_FAIL_${n}`, 'FAIL', `Update writer error ${n}`)),
  entry('UPD4_FAIL_22', 'FAIL'),
];

const INFO_CODES: EventCodeInfo[] = [
  ...sys([100, 105, 106, 107, 108, 113, 114, 115, 116, 120, 125], 'INFO'),
  ...UPD1_STATES.map((s, n) => entry(`UPD1_STATE_${n}`, 'INFO', `Update state: ${s}`)),
  entry('UPD1_REPORT_HASH', 'INFO', 'Firmware hash reported'),
  entry('UPD1_REPORT_VERSION', 'INFO', 'Firmware version reported'),
  ...UPD2_STATES.map((s, n) => entry(`UPD2_STATE_${n}`, 'INFO', `Update state: ${s}`)),
  entry('UPD2_REPORT_HASH', 'INFO', 'Firmware hash reported'),
  entry('UPD2_REPORT_VERSION', 'INFO', 'Firmware version reported'),
];

const SKIPPED_CODES: EventCodeInfo[] = sys([110, 117, 118, 121, 122], 'SKIPPED');

/** Every known code, grouped by Message type. */
export const EVENT_CODES_BY_MESSAGE_TYPE: Readonly<Record<MessageType, readonly EventCodeInfo[]>> =
  {
    SUCCESS: SUCCESS_CODES,
    FAIL: FAIL_CODES,
    SKIPPED: SKIPPED_CODES,
    INFO: INFO_CODES,
  };

export const EVENT_CODES: readonly EventCodeInfo[] = MESSAGE_TYPES.flatMap(
  (type) => EVENT_CODES_BY_MESSAGE_TYPE[type],
);

const BY_CODE: ReadonlyMap<string, EventCodeInfo> = new Map(
  EVENT_CODES.map((info) => [info.code, info]),
);

/** A human label for any code; unknown codes are named, never guessed at. */
export function describeEventCode(code: string): string {
  return BY_CODE.get(code)?.meaning ?? `Unknown event ${code}`;
}

export function messageTypeOfCode(code: string): MessageType | undefined {
  return BY_CODE.get(code)?.messageType;
}

/** UNDETERMINED is shown as INFO (its replacement); anything unrecognised yields undefined. */
export function normaliseMessageType(value: string): MessageType | undefined {
  const upper = value.toUpperCase();
  if (upper === 'UNDETERMINED') return 'INFO';
  return (MESSAGE_TYPES as readonly string[]).includes(upper) ? (upper as MessageType) : undefined;
}

/**
 * Every known code NOT of the given Message types. The API cannot filter on Message type, so the
 * SPA sends these as `event_type__nin`; codes the table does not know still come back and are
 * dropped client-side by their `event_type_description`.
 */
export function codesOtherThan(types: readonly MessageType[]): string[] {
  const keep = new Set(types);
  return EVENT_CODES.filter((info) => !keep.has(info.messageType)).map((info) => info.code);
}

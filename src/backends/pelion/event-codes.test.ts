import { describe, expect, it } from 'vitest';
import {
  EVENT_CODES,
  EVENT_CODES_BY_MESSAGE_TYPE,
  MESSAGE_TYPE_MEANINGS,
  codesOtherThan,
  describeEventCode,
  messageTypeOfCode,
  normaliseMessageType,
} from './event-codes.ts';

describe('Pelion event codes', () => {
  it('lists the 141 documented codes, each once, grouped as the spec groups them', () => {
    expect(EVENT_CODES).toHaveLength(141);
    expect(new Set(EVENT_CODES.map((c) => c.code)).size).toBe(141);
    expect(EVENT_CODES_BY_MESSAGE_TYPE.SUCCESS).toHaveLength(7);
    expect(EVENT_CODES_BY_MESSAGE_TYPE.FAIL).toHaveLength(101);
    expect(EVENT_CODES_BY_MESSAGE_TYPE.INFO).toHaveLength(28);
    expect(EVENT_CODES_BY_MESSAGE_TYPE.SKIPPED).toHaveLength(5);
  });

  it('maps codes to their message type', () => {
    expect(messageTypeOfCode('UPD4_OK_100')).toBe('SUCCESS');
    expect(messageTypeOfCode('UPD4_FAIL_22')).toBe('FAIL');
    expect(messageTypeOfCode('UPD4_FAIL_512')).toBe('FAIL');
    expect(messageTypeOfCode('UPD2_STATE_8')).toBe('INFO');
    expect(messageTypeOfCode('SYS_121')).toBe('SKIPPED');
    expect(messageTypeOfCode('SYS_112')).toBe('SUCCESS');
    expect(messageTypeOfCode('NOPE_1')).toBeUndefined();
  });

  it('uses portal texts where documented and generic labels for SYS codes', () => {
    expect(describeEventCode('UPD4_FAIL_101')).toBe('Update error, nonspecific network error');
    expect(describeEventCode('UPD2_FAIL_15')).toBe('Timed out downloading asset');
    expect(describeEventCode('UPD4_FAIL_225')).toBe('Manifest error, insufficient storage');
    expect(describeEventCode('SYS_112')).toBe('System event SYS_112');
    expect(describeEventCode('XYZ_9')).toBe('Unknown event XYZ_9');
  });

  it('codesOtherThan returns every known code of the other message types only', () => {
    const notFail = codesOtherThan(['FAIL']);
    expect(notFail).toHaveLength(40);
    expect(notFail).toContain('UPD4_OK_100');
    expect(notFail).not.toContain('UPD4_FAIL_101');
    expect(codesOtherThan(['SUCCESS', 'FAIL', 'SKIPPED', 'INFO'])).toEqual([]);
    // The event_type__nin list for the largest exclusion stays far below the API's 4096-char URL limit.
    expect(codesOtherThan(['SUCCESS']).join(',').length).toBeLessThan(2000);
  });

  it('shows UNDETERMINED as INFO and explains every message type', () => {
    expect(normaliseMessageType('UNDETERMINED')).toBe('INFO');
    expect(normaliseMessageType('fail')).toBe('FAIL');
    expect(normaliseMessageType('OTHER')).toBeUndefined();
    expect(Object.keys(MESSAGE_TYPE_MEANINGS)).toEqual([
      'SUCCESS',
      'FAIL',
      'SKIPPED',
      'INFO',
      'UNDETERMINED',
    ]);
  });
});

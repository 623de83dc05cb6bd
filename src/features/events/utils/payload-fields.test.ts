import { describe, expect, it } from 'vitest';
import type { EventDefinition } from '../../../backends/types.ts';
import { summarisePayload } from '../../../lib/payload-summary.ts';
import { describePayload } from './payload-fields.ts';

const definitions: EventDefinition[] = [
  {
    code: 'OverVoltage',
    name: 'Over-voltage',
    level: 'error',
    payloadFields: [
      { key: 'voltage', name: 'Voltage', unit: 'V' },
      {
        key: 'reason',
        name: 'Reason',
        valueLabels: { '0': 'unknown', '1': 'grid', '2': 'manual' },
      },
    ],
  },
];

describe('payload fields from the thing model', () => {
  it('names fields, adds units and enum labels, keeps undeclared keys as they are', () => {
    const payload = { voltage: 243.5, reason: 2, extra: 'x' };
    expect(describePayload({ code: 'OverVoltage', payload }, definitions)).toEqual([
      { key: 'voltage', name: 'Voltage', value: '243.5', unit: 'V' },
      { key: 'reason', name: 'Reason', value: 'manual (2)' },
      { key: 'extra', name: 'extra', value: 'x' },
    ]);
  });

  it('keeps a 64-bit counter exact in the details and the grid summary', () => {
    const payload = { energyTotalWh: 9007199254740993n, since: 1700000000000 };
    expect(describePayload({ code: 'EnergyReport', payload }, definitions)?.[0]?.value).toBe(
      '9007199254740993',
    );
    expect(summarisePayload(payload)).toBe('energyTotalWh=9007199254740993 · since=1700000000000');
  });

  it('is null for a payload that is not an object, and the summary says what it is', () => {
    expect(describePayload({ code: 'X', payload: 'not json' }, definitions)).toBeNull();
    expect(summarisePayload('not json')).toBe('not json');
    expect(summarisePayload(undefined)).toBe('');
  });
});

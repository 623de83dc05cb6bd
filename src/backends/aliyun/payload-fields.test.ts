import { describe, expect, it } from 'vitest';
import { parseOutputData, mapPayloadFields } from './map.ts';
import { tslSchema } from './wire.ts';
import * as z from 'zod/mini';

describe('payload fields from a published TSL', () => {
  it('reads names, number units and enum/bool labels from outputData', () => {
    const tsl = z.parse(tslSchema, {
      events: [
        {
          identifier: 'OverVoltage',
          name: 'Over-voltage',
          type: 'error',
          outputData: [
            {
              identifier: 'voltage',
              name: 'Voltage',
              dataType: {
                type: 'float',
                specs: { min: '0', max: '500', unit: 'V', unitName: 'Volt' },
              },
            },
            {
              identifier: 'reason',
              name: 'Reason',
              dataType: { type: 'enum', specs: { '0': 'unknown', '2': 'manual' } },
            },
            { identifier: 'note', name: '', dataType: { type: 'text', specs: { length: '64' } } },
          ],
        },
      ],
    });
    expect(mapPayloadFields(tsl.events[0]?.outputData)).toEqual([
      { key: 'voltage', name: 'Voltage', unit: 'V' },
      { key: 'reason', name: 'Reason', valueLabels: { '0': 'unknown', '2': 'manual' } },
      { key: 'note', name: 'note' },
    ]);
  });

  it('an unreadable outputData leaves the event without fields, not the model unread', () => {
    const tsl = z.parse(tslSchema, {
      events: [{ identifier: 'X', name: 'X', type: 'info', outputData: 'nonsense' }],
    });
    expect(mapPayloadFields(tsl.events[0]?.outputData)).toEqual([]);
  });

  it('OutputData keeps a counter beyond 2^53 exact', () => {
    expect(parseOutputData('{"energyTotalWh":9007199254740993}')).toEqual({
      energyTotalWh: 9007199254740993n,
    });
  });
});

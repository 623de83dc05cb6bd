import { describe, expect, it } from 'vitest';
import type { DeviceEvent } from '../../../backends/types.ts';
import { filterEventsByText } from './match-text.ts';

const base: DeviceEvent = {
  id: '016c03d40a4e000000000001001003b4',
  time: 0,
  timeText: '',
  level: 'FAIL',
  isFailure: true,
  code: 'UPD4_FAIL_101',
  category: 'FAIL_NETWORK',
  description: 'Update error, nonspecific network error',
  payload: { campaign_id: 'camp-42' },
  raw: {},
};

describe('filterEventsByText', () => {
  const other: DeviceEvent = {
    ...base,
    id: 'other',
    code: 'SYS_100',
    category: undefined,
    description: 'Registered',
    payload: undefined,
  };

  it.each([['upd4_fail'], ['NONSPECIFIC'], ['fail_network'], ['03b4'], ['camp-42']])(
    'matches %s case-insensitively',
    (needle) => {
      expect(filterEventsByText([base, other], needle)).toEqual([base]);
    },
  );

  it('returns every event for blank text', () => {
    expect(filterEventsByText([base, other], '  ')).toHaveLength(2);
  });
});

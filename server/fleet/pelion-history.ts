/**
 * Generates one device's event history from its own seed, so histories can be built lazily (on
 * first access) and still be identical whatever order devices are visited in.
 */
import { describeEventCode, messageTypeOfCode } from '../../src/backends/pelion/event-codes.ts';
import { createRng, type Rng } from './prng.ts';
import type { GeneratedDevice } from './pelion-devices.ts';
import { eventIdMinter, hex } from './pelion-ids.ts';
import type { StoredPelionEvent } from './pelion-model.ts';

type Category = 'FAIL_SERVICE' | 'FAIL_NETWORK' | 'FAIL_MANIFEST_REJECTED';

const PERIODIC_INFO = [
  'SYS_105',
  'SYS_106',
  'SYS_107',
  'SYS_108',
  'SYS_113',
  'SYS_114',
  'SYS_115',
  'SYS_116',
  'SYS_120',
  'SYS_125',
];
const SYS_FAILURES = ['SYS_101', 'SYS_103', 'SYS_104', 'SYS_111', 'SYS_123', 'SYS_124'];
const SKIPPED = ['SYS_110', 'SYS_117', 'SYS_118', 'SYS_121', 'SYS_122'];

/** Failure codes with a portal text, by the update stage they end, with their category. */
const MANIFEST_FAILURES: ReadonlyArray<[string, Category]> = [
  ['UPD2_FAIL_3', 'FAIL_MANIFEST_REJECTED'],
  ['UPD2_FAIL_4', 'FAIL_MANIFEST_REJECTED'],
  ['UPD2_FAIL_6', 'FAIL_MANIFEST_REJECTED'],
  ['UPD2_FAIL_7', 'FAIL_MANIFEST_REJECTED'],
  ['UPD4_FAIL_200', 'FAIL_MANIFEST_REJECTED'],
];
const DOWNLOAD_FAILURES: ReadonlyArray<[string, Category]> = [
  ['UPD2_FAIL_11', 'FAIL_NETWORK'],
  ['UPD2_FAIL_14', 'FAIL_NETWORK'],
  ['UPD2_FAIL_15', 'FAIL_NETWORK'],
  ['UPD4_FAIL_101', 'FAIL_NETWORK'],
  ['UPD4_FAIL_201', 'FAIL_NETWORK'],
  ['UPD4_FAIL_202', 'FAIL_NETWORK'],
  ['UPD2_FAIL_12', 'FAIL_SERVICE'],
  ['UPD2_FAIL_13', 'FAIL_SERVICE'],
];
const INSTALL_FAILURES: ReadonlyArray<[string, Category]> = [
  ['UPD4_FAIL_102', 'FAIL_SERVICE'],
  ['UPD4_FAIL_103', 'FAIL_SERVICE'],
];

/** Raw, not yet timed events: offsets are later stretched onto the device's history span. */
interface Draft {
  offsets: number[];
  codes: string[];
  categories: Array<Category | undefined>;
  stateChanges: boolean[];
  campaigns: number[];
}

export function generateHistory(device: GeneratedDevice, seed: number): StoredPelionEvent[] {
  const { plan, index, record } = device;
  if (plan.targetEvents === 0) return [];
  const rng = createRng(`${seed}:${record.id}`);
  const draft = draftHistory(rng, plan.targetEvents, plan.bursty);

  const count = draft.codes.length;
  const lastOffset = draft.offsets[count - 1] ?? 0;
  const startMs = plan.endMs - plan.spanMs;
  const stretch = lastOffset > 0 ? plan.spanMs / lastOffset : 0;
  const campaignIds = new Map<number, string>();
  const events: StoredPelionEvent[] = new Array(count);
  const mintId = eventIdMinter(index);

  for (let i = 0; i < count; i++) {
    // Equal offsets stay equal (bursts share one millisecond); order is preserved, so the
    // sequence number makes id order agree with (date_time, id) order.
    const time = lastOffset > 0 ? startMs + Math.floor(draft.offsets[i]! * stretch) : plan.endMs;
    const code = draft.codes[i]!;
    const campaign = draft.campaigns[i]!;
    let campaignId: string | undefined;
    if (campaign >= 0) {
      campaignId = campaignIds.get(campaign);
      if (campaignId === undefined) {
        campaignId = `${hex(time, 12)}0000000000010010${hex(rng.int(0, 0xffff), 4)}`;
        campaignIds.set(campaign, campaignId);
      }
    }
    const legacy = i < plan.legacyEvents;
    let messageType: StoredPelionEvent['messageType'] = messageTypeOfCode(code) ?? 'INFO';
    // Old records predate INFO: some still say UNDETERMINED.
    if (messageType === 'INFO' && (legacy ? rng.chance(0.5) : rng.chance(0.0005)))
      messageType = 'UNDETERMINED';
    events[i] = {
      key: mintId(time, i),
      legacy,
      time,
      storedAfterMs: rng.int(5, 400),
      deviceId: record.id,
      eventType: code,
      messageType,
      category: draft.categories[i],
      description: describeEventCode(code),
      stateChange: draft.stateChanges[i]!,
      campaignId,
    };
  }
  if (plan.calmSpell) calm(events, plan.calmSpell.fromNewest, plan.calmSpell.rows);
  return events;
}

/**
 * Turns the failures of a run of events into routine reports, after the history is drawn, so
 * every other event (times, ids, the random draws behind them) stays what it was.
 */
function calm(events: StoredPelionEvent[], fromNewest: number, rows: number) {
  const end = Math.max(0, events.length - fromNewest);
  const start = Math.max(0, end - rows);
  for (let i = start; i < end; i++) {
    const event = events[i]!;
    if (event.messageType !== 'FAIL') continue;
    const code = PERIODIC_INFO[i % PERIODIC_INFO.length]!;
    events[i] = {
      ...event,
      eventType: code,
      messageType: 'INFO',
      category: undefined,
      description: describeEventCode(code),
    };
  }
}

function draftHistory(rng: Rng, target: number, bursty: boolean): Draft {
  const draft: Draft = { offsets: [], codes: [], categories: [], stateChanges: [], campaigns: [] };
  let t = 0;
  let campaigns = 0;
  const emit = (
    code: string,
    opts: { category?: Category; stateChange?: boolean; campaign?: number } = {},
  ) => {
    draft.offsets.push(t);
    draft.codes.push(code);
    draft.categories.push(opts.category);
    draft.stateChanges.push(opts.stateChange ?? false);
    draft.campaigns.push(opts.campaign ?? -1);
  };
  const wait = (minMs: number, maxMs: number) => {
    t += rng.int(minMs, maxMs);
  };

  const register = () => {
    emit('SYS_100', { stateChange: true });
    wait(500, 5_000);
    emit('UPD2_REPORT_VERSION');
    wait(0, 2_000);
    emit('UPD2_REPORT_HASH');
  };

  const campaign = () => {
    const id = campaigns++;
    emit(rng.chance(0.3) ? 'UPD2_STATE_0' : 'UPD2_STATE_1', { campaign: id });
    const failAt = rng.chance(0.4) ? rng.int(2, 8) : -1;
    for (let state = 2; state <= 8; state++) {
      wait(state === 5 ? 30_000 : 200, state === 5 ? 600_000 : 40_000);
      emit(`UPD2_STATE_${state}`, { campaign: id, stateChange: state === 8 });
      if (state === failAt) {
        const pool =
          state === 2 ? MANIFEST_FAILURES : state <= 5 ? DOWNLOAD_FAILURES : INSTALL_FAILURES;
        const [code, category] = rng.pick(pool);
        wait(100, 20_000);
        emit(code, { campaign: id, category });
        return;
      }
    }
    wait(20_000, 90_000);
    emit('UPD4_OK_100', { campaign: id, stateChange: true });
    wait(500, 5_000);
    emit('UPD2_REPORT_VERSION', { campaign: id });
    wait(0, 2_000);
    emit('UPD2_REPORT_HASH', { campaign: id });
  };

  const skippedCampaign = () => {
    const id = campaigns++;
    emit('UPD2_STATE_2', { campaign: id });
    wait(100, 3_000);
    emit(rng.pick(SKIPPED), { campaign: id });
  };

  // A reconnect storm: the device's whole queue lands in one millisecond.
  const burst = () => {
    const size = rng.int(50, 120);
    for (let i = 0; i < size; i++) {
      if (rng.chance(0.04)) emit(rng.pick(SYS_FAILURES), { category: 'FAIL_SERVICE' });
      else emit(rng.pick(PERIODIC_INFO));
    }
  };

  // Typical gap between episodes; the whole history is stretched onto its span afterwards anyway.
  const gapMs = 3 * 3_600_000;
  const burstEvery = Math.max(25, Math.round(target / 10));
  let episode = 0;
  register();
  while (draft.codes.length < target) {
    episode++;
    wait(gapMs * 0.2, gapMs * 1.8);
    if (bursty && (episode % burstEvery === burstEvery >> 1 || rng.chance(0.002))) {
      burst();
      continue;
    }
    const roll = rng.next();
    if (roll < 0.58) emit(rng.pick(PERIODIC_INFO));
    else if (roll < 0.66) register();
    else if (roll < 0.8) campaign();
    else if (roll < 0.85) skippedCampaign();
    else if (roll < 0.96) emit(rng.pick(SYS_FAILURES), { category: 'FAIL_SERVICE' });
    else emit('SYS_112', { stateChange: true });
  }
  return draft;
}

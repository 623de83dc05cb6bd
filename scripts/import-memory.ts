/**
 * What an opened 200 MB export costs the worker that holds it: streams Pelion-shaped export lines
 * (~720 bytes each, as e2e/import.spec.ts writes them) through the same `ExportReader` in 64 KiB
 * chunks, keeps what the import worker keeps (the events without `raw`, each line's offset and
 * length, the index with one filtered view) and prints the V8 heap it takes after a full GC.
 *
 *   node --expose-gc node_modules/tsx/dist/cli.mjs scripts/import-memory.ts [megabytes]
 */
import { createEventIndex, type StoredEvent } from '../src/backends/event-index.ts';
import { ExportReader } from '../src/features/events/import/export-reader.ts';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('Run with node --expose-gc.');
const megabytes = Number(process.argv[2] ?? 200);

gc();
const before = process.memoryUsage().heapUsed;
const reader = new ExportReader();
const events: StoredEvent[] = [];
const offsets: number[] = [];
const encoder = new TextEncoder();
const header = JSON.stringify({
  type: 'fleetlog-export',
  version: 1,
  backendId: 'demo-pelion',
  kind: 'pelion',
  deviceId: 'big-device',
});
let text = `${header}\n`;
let bytes = 0;
const padding = 'x'.repeat(400);
const start = Date.UTC(2026, 0, 1);
const total = Math.ceil((megabytes * 1e6) / 720);
const feed = (chunk: string) => {
  for (const record of reader.push(encoder.encode(chunk))) {
    events.push(record.event);
    offsets.push(record.offset, record.length);
  }
  bytes += chunk.length;
};
for (let n = total; n > 0; n--) {
  const time = new Date(start + n * 1000).toISOString();
  const id = `0172${String(n).padStart(28, '0')}`;
  const level = n % 7 === 0 ? 'FAIL' : 'INFO';
  text += `{"id":"${id}","time":"${time}","timeText":"${time}","level":"${level}","isFailure":${level === 'FAIL'},"code":"UPD4_FAIL_101","category":"FAILED_UPDATE","description":"Big file event","deviceId":"big-device","raw":{"id":"${id}","date_time":"${time}","event_type":"UPD4_FAIL_101","event_type_description":"${level}","device_id":"big-device","data":{"note":"${padding}"}}}\n`;
  if (text.length >= 65_536) {
    feed(text);
    text = '';
  }
}
feed(text);
reader.finish();
const spans = Float64Array.from(offsets);
offsets.length = 0;
const index = createEventIndex(events.reverse(), 'big-device');
index.page({ deviceId: 'big-device', levels: [], order: 'desc' }, null, 200);
gc();
const after = process.memoryUsage().heapUsed;
console.log(
  `${(bytes / 1e6).toFixed(0)} MB export, ${events.length} events: ${((after - before) / 1e6).toFixed(1)} MB of heap held (${((after - before) / events.length) | 0} B per event; spans ${(spans.byteLength / 1e6).toFixed(1)} MB outside the heap)`,
);

/**
 * Everything an export runs, in one module the Event log loads when Export is clicked: paging,
 * the CSV/NDJSON encoders and the file sinks stay out of the script an Event log link waits for.
 */
export { exportEvents } from './export-events.ts';
export { exportFileName } from './export-format.ts';
export { canPickFile, downloadSink, pickedFileSink } from './export-sinks.ts';
export { threadSliceReaders } from './thread-slice-reader.ts';

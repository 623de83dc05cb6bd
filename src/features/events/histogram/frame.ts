/**
 * The histogram's box, shared with the placeholder that holds its place until it loads. A strip
 * in the status row, beside the buttons: the Events grid starts no lower for it (on a 720 px
 * window every row counts), and it takes a line of its own where the row wraps (phones).
 */
export const HISTOGRAM_FRAME = 'h-8 min-w-72 flex-1 basis-72';

/**
 * Height of every Events grid row in CSS pixels: rows are never measured, a row's offset is its
 * index times this. 32 px (a 20 px line and padding) lets a 1440×900 screen show 20 rows below
 * the header and filters. Its own module so tests (and e2e specs) can import it without React.
 */
export const ROW_HEIGHT = 32;

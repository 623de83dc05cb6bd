/** Bytes of one Blob part: about a page of NDJSON (docs/performance.md, "Export throughput, third round"). */
export const PART_BYTES = 1 << 20;

/**
 * Text turned into Blobs of UTF-8 bytes of about PART_BYTES each, through one buffer used again
 * for every part (`TextEncoder.encodeInto`; the Blob constructor copies what it is given). Against
 * a Blob per 64 KB piece made from `TextEncoder.encode`, this allocates no ArrayBuffer per piece
 * and hands the browser a twentieth of the parts, which took Chromium about half the time in a
 * page microbenchmark.
 */
export class BlobParts {
  private readonly encoder = new TextEncoder();
  private buffer = new Uint8Array(PART_BYTES);
  private used = 0;
  private parts: Blob[] = [];

  add(text: string): void {
    // A UTF-16 code unit takes at most 3 bytes of UTF-8 (a surrogate pair 4 for 2 units).
    const most = text.length * 3;
    if (most > this.buffer.length - this.used) {
      this.flush();
      if (most > this.buffer.length) this.buffer = new Uint8Array(most);
    }
    this.used += this.encoder.encodeInto(text, this.buffer.subarray(this.used)).written;
  }

  /** The text added since the last `take`, as Blobs (none when nothing was added). */
  take(): Blob[] {
    this.flush();
    const parts = this.parts;
    this.parts = [];
    return parts;
  }

  private flush() {
    if (this.used === 0) return;
    this.parts.push(new Blob([this.buffer.subarray(0, this.used)]));
    this.used = 0;
  }
}

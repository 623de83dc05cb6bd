import { describe, expect, it } from 'vitest';
import { BlobParts, PART_BYTES } from './blob-parts.ts';

describe('BlobParts', () => {
  it('keeps every byte of the text in order across parts, though its buffer is used again', async () => {
    const parts = new BlobParts();
    const pieces = Array.from(
      { length: 60 },
      (_, n) => `${String(n).padStart(4, '0')} ${'x'.repeat(20_000 + n * 997)} é “quoted” 𝄞 ${n}\n`,
    );
    for (const piece of pieces) parts.add(piece);
    const blobs = parts.take();
    expect(blobs.length).toBeGreaterThan(1);
    for (const blob of blobs) expect(blob.size).toBeLessThanOrEqual(PART_BYTES);
    expect(await new Blob(blobs).text()).toBe(pieces.join(''));
    expect(parts.take()).toEqual([]);
  });

  it('takes a piece larger than its buffer whole', async () => {
    const parts = new BlobParts();
    parts.add('a');
    const big = 'ü'.repeat(PART_BYTES);
    parts.add(big);
    parts.add('z');
    expect(await new Blob(parts.take()).text()).toBe(`a${big}z`);
  });
});

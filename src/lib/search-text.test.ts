import { describe, expect, it } from 'vitest';
import { SEARCH_TEXT_MAX, searchCapMessage, searchTextParam } from './search-text.ts';

describe('search text cap', () => {
  it('names the cap as an English reader writes the number', () => {
    expect(searchCapMessage).toContain(
      ` limited to ${SEARCH_TEXT_MAX.toLocaleString('en')} characters`,
    );
  });

  it('keeps text up to the cap, trimmed', () => {
    expect(searchTextParam(`  ${'x'.repeat(SEARCH_TEXT_MAX + 20)}`)).toHaveLength(SEARCH_TEXT_MAX);
    expect(searchTextParam(undefined)).toBeUndefined();
  });
});

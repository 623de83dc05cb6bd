import { describe, expect, it } from 'vitest';
import { fakeBackendInfo } from '../testing/fake-backend.ts';
import { inlineBackends } from './backends-query.ts';

const listed = fakeBackendInfo({ id: 'demo-pelion', label: 'Demo fleet' });

function pageWith(json: string | null): Document {
  const doc = document.implementation.createHTMLDocument('Fleetlog');
  if (json !== null) {
    const script = doc.createElement('script');
    script.type = 'application/json';
    script.id = 'fleetlog-backends';
    script.textContent = json;
    doc.head.append(script);
  }
  return doc;
}

describe('inlineBackends', () => {
  it('reads the list the server wrote into the page', () => {
    // Escaped the way server/shell.ts writes it.
    const json = JSON.stringify({ backends: [{ ...listed, label: 'A <b> & C' }] })
      .replace(/</g, '\\u003c')
      .replace(/>/g, '\\u003e')
      .replace(/&/g, '\\u0026');
    expect(inlineBackends(pageWith(json))).toEqual([{ ...listed, label: 'A <b> & C' }]);
  });

  it('keeps a backend of a kind this version does not know, for the app to explain', () => {
    const odd = { ...listed, id: 'odd', kind: 'thingworx' };
    expect(inlineBackends(pageWith(JSON.stringify({ backends: [listed, odd] })))).toEqual([
      listed,
      odd,
    ]);
  });

  it('falls back to asking the API when the page has no list or a broken one', () => {
    expect(inlineBackends(pageWith(null))).toBeNull();
    expect(inlineBackends(pageWith('{"backends": ['))).toBeNull();
    expect(inlineBackends(pageWith(JSON.stringify({ backends: [{ id: 'x' }] })))).toBeNull();
  });
});

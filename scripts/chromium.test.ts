import { describe, expect, it } from 'vitest';
import {
  CHROMIUM_ARGS,
  HARNESS_DISABLED_FEATURES,
  HARNESS_JS_FLAGS,
  withDisabledFeatures,
  withJsFlags,
} from './chromium.ts';

const switchesOf = (args: readonly string[]) =>
  args.filter((arg) => arg.startsWith('--disable-features='));

describe('withDisabledFeatures', () => {
  it("keeps the launcher's disabled features and adds the harness's in the one switch Chromium reads", () => {
    const launcher = ['--headless', '--disable-features=Translate,MediaRouter', '--mute-audio'];
    const args = withDisabledFeatures(CHROMIUM_ARGS, launcher);
    // Chromium keeps only the last --disable-features: ours must carry every name.
    expect(switchesOf(args)).toHaveLength(1);
    const listed = switchesOf(args)[0]!.slice('--disable-features='.length).split(',');
    expect(listed).toEqual(['Translate', 'MediaRouter', ...HARNESS_DISABLED_FEATURES]);
    // The other flags pass through unchanged; the launcher's own are not repeated.
    expect(args.slice(0, -1)).toEqual(CHROMIUM_ARGS);
  });

  it('folds a --disable-features of the given args into the same switch, without repeats', () => {
    const args = withDisabledFeatures(
      ['--no-sandbox', '--disable-features=MediaRouter,Foo'],
      ['--disable-features=Translate,MediaRouter'],
      ['Foo', 'Bar'],
    );
    expect(args).toEqual(['--no-sandbox', '--disable-features=Translate,MediaRouter,Foo,Bar']);
  });

  it('adds the switch when the launcher passes none', () => {
    expect(withDisabledFeatures(['--no-sandbox'], [], ['A'])).toEqual([
      '--no-sandbox',
      '--disable-features=A',
    ]);
  });
});

describe('withJsFlags', () => {
  it('adds the harness V8 flags in a --js-flags of their own when the launcher passes none', () => {
    const args = withJsFlags(['--no-sandbox', '--disable-features=A'], ['--headless']);
    expect(args).toEqual([
      '--no-sandbox',
      '--disable-features=A',
      `--js-flags=${HARNESS_JS_FLAGS.join(' ')}`,
    ]);
    expect(HARNESS_JS_FLAGS).toContain('--no-enable-lazy-source-positions');
  });

  it("keeps the launcher's V8 flags in the one --js-flags Chromium reads, space-separated", () => {
    const args = withJsFlags(
      ['--no-sandbox', '--js-flags=--expose-gc'],
      ['--js-flags=--max-old-space-size=512 --expose-gc'],
      ['--no-enable-lazy-source-positions'],
    );
    expect(args.filter((arg) => arg.startsWith('--js-flags='))).toEqual([
      '--js-flags=--max-old-space-size=512 --expose-gc --no-enable-lazy-source-positions',
    ]);
  });
});

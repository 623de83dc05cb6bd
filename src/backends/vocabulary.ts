import type { DeviceEvent, EventLevel } from './types.ts';

/**
 * How a backend kind talks about its events, described as data so the Event log renders any kind
 * without asking which one it is — the way log viewers map every source's levels onto one set and
 * style by that set, not by the source's words. Each adapter brings its own (`adapter.vocabulary`).
 */

/** What a level means to a reader; colours and emphasis follow from it, never from the word. */
export type LevelTone = 'failure' | 'warning' | 'success' | 'neutral' | 'info';

export interface LevelDescription {
  /** As in the URL and in `DeviceEvent.level` (`FAIL`, `error`, …). */
  value: EventLevel;
  /** On badges and filter checkboxes. */
  label: string;
  /** One sentence for the details panel. */
  meaning: string;
  tone: LevelTone;
}

/**
 * A column of the Events grid after Time and the level. `value` is the plain text (usable by the
 * cell, its tooltip, sorting or an export); the feature decides how a `format` is rendered.
 */
export interface EventField {
  id: string;
  title: string;
  value: (event: DeviceEvent) => string;
  /** `code`: monospace and narrow; `label`: a short word; `text`: takes the spare width; `flag`: yes/no. */
  format: 'code' | 'label' | 'text' | 'flag';
  /** A sentence explaining the value, shown after it in the details panel. */
  meaning?: (event: DeviceEvent) => string;
  /** Whether the details panel lists it: always, only when it has a value, or never (grid only). */
  details: 'always' | 'when-set' | 'never';
}

export interface EventVocabulary {
  levels: {
    /** The URL parameter of the level filter, a comma list of level values. */
    param: string;
    /** Names the level filter group, the level column and its row in the details panel. */
    title: string;
    /** Every level, in the order the filter lists them. */
    values: readonly [LevelDescription, ...LevelDescription[]];
    /** The level "Failures only" selects. */
    failure: EventLevel;
  };
  /** The grid's columns after Time and the level, in order. */
  fields: readonly EventField[];
  /**
   * Names these columns in what the browser remembers of the grid (columns shown, widths): one
   * per backend kind, so both demos keep their own choices.
   */
  storageKey: string;
  /**
   * The filter by event code, offered when the backend has `capabilities.codeFilter` and the
   * adapter lists the choices (`listEventDefinitions`).
   */
  codeFilter?: {
    /** The URL parameter. */
    param: string;
    label: string;
    /** What a code may look like; anything else in a link is dropped with a notice. */
    pattern: RegExp;
  };
}

/** The description of a level; a level the vocabulary does not list reads as itself, neutrally. */
export function levelDescription(vocabulary: EventVocabulary, level: EventLevel): LevelDescription {
  return (
    vocabulary.levels.values.find((described) => described.value === level) ?? {
      value: level,
      label: level,
      meaning: '',
      tone: 'neutral',
    }
  );
}

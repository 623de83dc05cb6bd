import { summarisePayload } from '../../lib/payload-summary.ts';
import type { EventVocabulary } from '../vocabulary.ts';

/**
 * Alibaba Cloud IoT's words for its events: the thing model's EventType is the level, the event's
 * `Identifier` (`module:Identifier` in a custom module) the code and `Name` its description.
 */
export const ALIYUN_VOCABULARY: EventVocabulary = {
  levels: {
    param: 'eventType',
    title: 'EventType',
    values: [
      {
        value: 'info',
        label: 'info',
        meaning: 'An informational event reported by the device.',
        tone: 'info',
      },
      {
        value: 'alert',
        label: 'alert',
        meaning: 'A warning the device raised; it may need attention.',
        tone: 'warning',
      },
      { value: 'error', label: 'error', meaning: 'A fault the device reported.', tone: 'failure' },
    ],
    failure: 'error',
  },
  storageKey: 'aliyun',
  fields: [
    {
      id: 'code',
      title: 'Identifier',
      value: (event) => event.code,
      format: 'code',
      // The event's meaning is the name its thing model gives it.
      meaning: (event) => event.description || `Event ${event.code}`,
      details: 'always',
    },
    {
      id: 'description',
      title: 'Name',
      value: (event) => event.description,
      format: 'text',
      details: 'always',
    },
    {
      // OutputData, parsed (big integers exact): what the operator needs at a glance. The
      // details panel lists it as named fields.
      id: 'payload',
      title: 'OutputData',
      value: (event) => summarisePayload(event.payload),
      format: 'text',
      details: 'never',
    },
  ],
  codeFilter: {
    param: 'identifier',
    label: 'Identifier',
    // `Identifier`, or `module:Identifier` for an event of a custom TSL module.
    pattern: /^(?=.{1,128}$)[A-Za-z0-9_]+(?::[A-Za-z0-9_]+)?$/,
  },
};

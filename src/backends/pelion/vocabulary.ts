import type { EventVocabulary } from '../vocabulary.ts';
import { MESSAGE_TYPE_MEANINGS, describeEventCode } from './event-codes.ts';

/**
 * Izuma/Pelion's words for its events: the Message type (`event_type_description`) is the level,
 * `event_type` the code. Meanings are the portal's (see event-codes.ts).
 */
export const PELION_VOCABULARY: EventVocabulary = {
  levels: {
    param: 'type',
    title: 'Message type',
    values: [
      {
        value: 'SUCCESS',
        label: 'SUCCESS',
        meaning: MESSAGE_TYPE_MEANINGS.SUCCESS,
        tone: 'success',
      },
      { value: 'FAIL', label: 'FAIL', meaning: MESSAGE_TYPE_MEANINGS.FAIL, tone: 'failure' },
      {
        value: 'SKIPPED',
        label: 'SKIPPED',
        meaning: MESSAGE_TYPE_MEANINGS.SKIPPED,
        tone: 'neutral',
      },
      { value: 'INFO', label: 'INFO', meaning: MESSAGE_TYPE_MEANINGS.INFO, tone: 'info' },
    ],
    failure: 'FAIL',
  },
  storageKey: 'pelion',
  fields: [
    {
      id: 'code',
      title: 'Code',
      value: (event) => event.code,
      format: 'code',
      // Codes have a published table; unknown ones are named, never guessed at.
      meaning: (event) => describeEventCode(event.code),
      details: 'always',
    },
    {
      id: 'category',
      title: 'Category',
      value: (event) => event.category ?? '',
      format: 'label',
      details: 'when-set',
    },
    {
      id: 'description',
      title: 'Description',
      value: (event) => event.description,
      format: 'text',
      details: 'always',
    },
    {
      id: 'stateChange',
      title: 'State change',
      value: (event) => (event.stateChange === undefined ? '' : event.stateChange ? 'Yes' : 'No'),
      format: 'flag',
      details: 'never',
    },
  ],
};

import type { EventVocabulary } from '../../backends/vocabulary.ts';

/**
 * The words of a made-up third backend kind, unlike either real one: alarm severities, a
 * different filter parameter, different columns. Nothing under src/features/ knows them.
 */
export const MEMORY_VOCABULARY: EventVocabulary = {
  levels: {
    param: 'severity',
    title: 'Severity',
    values: [
      { value: 'critical', label: 'CRITICAL', meaning: 'Service is down.', tone: 'failure' },
      { value: 'major', label: 'MAJOR', meaning: 'Service is degraded.', tone: 'warning' },
      { value: 'minor', label: 'MINOR', meaning: 'Worth a look.', tone: 'info' },
    ],
    failure: 'critical',
  },
  storageKey: 'memory',
  fields: [
    {
      id: 'alarm',
      title: 'Alarm',
      value: (event) => event.code,
      format: 'code',
      meaning: (event) => `Alarm ${event.code.toLowerCase().replaceAll('_', ' ')}`,
      details: 'always',
    },
    {
      id: 'source',
      title: 'Source',
      value: (event) => event.category ?? '',
      format: 'label',
      details: 'when-set',
    },
    {
      id: 'message',
      title: 'Message',
      value: (event) => event.description,
      format: 'text',
      details: 'always',
    },
  ],
  codeFilter: { param: 'alarm', label: 'Alarm', pattern: /^[A-Z_]{1,40}$/ },
};

import type { DeviceEvent, EventDefinition } from '../../../backends/types.ts';
import { formatPayloadValue, payloadEntries } from '../../../lib/payload-summary.ts';

export interface DescribedPayloadField {
  key: string;
  /** The model's name for the field, else its key. */
  name: string;
  /** The value as text, exact (big integers in full); a coded value with its label. */
  value: string;
  unit?: string;
}

/**
 * An event's payload as named fields, using what the device's model declares for its code (the
 * adapter's `listEventDefinitions`); fields the model does not declare keep their key as name.
 * Null when the payload is not an object.
 */
export function describePayload(
  event: Pick<DeviceEvent, 'code' | 'payload'>,
  definitions: readonly EventDefinition[] | undefined,
): DescribedPayloadField[] | null {
  const entries = payloadEntries(event.payload);
  if (!entries) return null;
  const declared = definitions?.find((definition) => definition.code === event.code);
  return entries.map(([key, raw]) => {
    const field = declared?.payloadFields?.find((candidate) => candidate.key === key);
    const text = formatPayloadValue(raw);
    const label = field?.valueLabels?.[text];
    return {
      key,
      name: field?.name ?? key,
      value: label === undefined ? text : `${label} (${text})`,
      ...(field?.unit ? { unit: field.unit } : {}),
    };
  });
}

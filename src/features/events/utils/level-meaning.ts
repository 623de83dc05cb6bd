import type { BackendInfo, EventLevel } from '../../../backends/types.ts';

/**
 * What each level means, for the details panel. Pelion's texts are the portal's Message type
 * meanings (api/pelion.md); Alibaba's follow the TSL event types.
 */
const LEVEL_MEANINGS: Record<EventLevel, string> = {
  SUCCESS: 'The device reached the desired state.',
  FAIL: 'The device did not reach the desired state.',
  SKIPPED: 'The device is already at the desired state.',
  INFO: 'Other information on the device, such as device state or lifecycle events.',
  info: 'An informational event reported by the device.',
  alert: 'A warning the device raised; it may need attention.',
  error: 'A fault the device reported.',
};

export function describeLevel(level: EventLevel): string {
  return LEVEL_MEANINGS[level];
}

/** The level that "Failures only" selects for the backend's kind. */
export function failureLevel(info: BackendInfo): 'FAIL' | 'error' {
  return info.kind === 'pelion' ? 'FAIL' : 'error';
}

export function levelColumnTitle(info: BackendInfo): string {
  return info.kind === 'pelion' ? 'Message type' : 'EventType';
}

export function codeColumnTitle(info: BackendInfo): string {
  return info.kind === 'pelion' ? 'Code' : 'Identifier';
}

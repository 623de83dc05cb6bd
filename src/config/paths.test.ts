import { describe, expect, it } from 'vitest';
import { matchAppPath, paths } from './paths.ts';

describe('paths', () => {
  it('builds every link with its segments encoded', () => {
    expect(paths.devices.href('my fleet', '?q=a')).toBe('/my%20fleet/devices?q=a');
    expect(paths.device.href('b', 'a/b=')).toBe('/b/devices/a%2Fb%3D');
    expect(paths.eventLog.href('b', 'd')).toBe('/b/devices/d/events');
    expect(paths.eventLog.href('b', 'd', 'x y', '?type=FAIL')).toBe(
      '/b/devices/d/events/x%20y?type=FAIL',
    );
  });

  it('reads back every link it builds, with the router’s patterns', () => {
    expect(matchAppPath(paths.home.href())).toEqual({ route: 'home', params: {} });
    expect(matchAppPath(paths.devices.href('my fleet'))).toEqual({
      route: 'devices',
      params: { backendId: 'my fleet' },
    });
    expect(matchAppPath(paths.device.href('b', 'a/b='))).toEqual({
      route: 'device',
      params: { backendId: 'b', deviceId: 'a/b=' },
    });
    expect(matchAppPath(`${paths.eventLog.href('b', 'd', 'e 1')}/`)).toEqual({
      route: 'eventLog',
      params: { backendId: 'b', deviceId: 'd', eventId: 'e 1' },
    });
    expect(matchAppPath(paths.eventLog.href('b', 'd'))).toEqual({
      route: 'eventLog',
      params: { backendId: 'b', deviceId: 'd', eventId: undefined },
    });
    expect(matchAppPath(paths.importedLog.href())).toEqual({
      route: 'importedLog',
      params: {},
    });
    expect(matchAppPath(paths.importedEvent.href('a/b c'))).toEqual({
      route: 'importedEvent',
      params: { eventId: 'a/b c' },
    });
  });

  it('names no page for paths outside the scheme, and none for a broken backend segment', () => {
    expect(matchAppPath('/b/settings')).toEqual({ route: 'notFound', params: { backendId: 'b' } });
    expect(matchAppPath('/b/devices/d/events/e/more')?.route).toBe('notFound');
    expect(matchAppPath('/b/devices/%E0%A4%A')).toEqual({
      route: 'notFound',
      params: { backendId: 'b' },
    });
    expect(matchAppPath('/%E0%A4%A/devices')).toBeNull();
  });
});

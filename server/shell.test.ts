import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ADAPTERS } from '../src/backends/registry.ts';
import { modulesForPath, ROUTE_MODULES } from './page-needs.ts';
import { createShell, SERVER_STATE_ELEMENT_ID } from './shell.ts';
import { ALIYUN_CAPABILITIES, PELION_CAPABILITIES, type PublicBackend } from './backends/types.ts';

const backends: PublicBackend[] = [
  { id: 'fleet', kind: 'pelion', label: 'Fleet', demo: false, capabilities: PELION_CAPABILITIES },
  { id: 'ali', kind: 'aliyun', label: 'Ali', demo: false, capabilities: ALIYUN_CAPABILITIES },
];
const ADAPTER_MODULES = { pelion: ADAPTERS.pelion!.module, aliyun: ADAPTERS.aliyun!.module };
const HTML = '<!doctype html><html><head><title>Fleetlog</title>\n  </head><body></body></html>';

describe('modulesForPath', () => {
  it('names the page chunks and the adapter of the backend in the URL', () => {
    expect(modulesForPath('/ali/devices/d1/events', backends)).toEqual({
      backend: backends[1],
      modules: [ADAPTER_MODULES.aliyun, ...ROUTE_MODULES.eventLog],
    });
    expect(modulesForPath('/fleet/devices/d1', backends).modules).toEqual([
      ADAPTER_MODULES.pelion,
      ...ROUTE_MODULES.eventLog,
    ]);
    expect(modulesForPath('/fleet/devices/d1/events/e1', backends).modules).toEqual([
      ADAPTER_MODULES.pelion,
      ...ROUTE_MODULES.eventLog,
      ...ROUTE_MODULES.eventDetails,
    ]);
    expect(modulesForPath('/fleet/devices', backends).modules).toEqual([
      ADAPTER_MODULES.pelion,
      ...ROUTE_MODULES.deviceList,
    ]);
  });

  it('names the import page for /import and its events, with no backend and no adapter', () => {
    expect(modulesForPath('/import', backends)).toEqual({
      backend: undefined,
      modules: [...ROUTE_MODULES.importedLog],
    });
    expect(modulesForPath('/import/events/e%201', backends).modules).toEqual([
      ...ROUTE_MODULES.importedLog,
    ]);
  });

  it('follows the redirects of "/" and "/<backend>" to the device list', () => {
    expect(modulesForPath('/', backends)).toEqual({
      backend: backends[0],
      modules: [ADAPTER_MODULES.pelion, ...ROUTE_MODULES.deviceList],
    });
    expect(modulesForPath('/ali/', backends).modules).toEqual([
      ADAPTER_MODULES.aliyun,
      ...ROUTE_MODULES.deviceList,
    ]);
  });

  it('decodes ids and names nothing for unknown or malformed paths', () => {
    const spaced = [{ ...backends[0]!, id: 'my fleet' }];
    expect(modulesForPath('/my%20fleet/devices', spaced).backend?.id).toBe('my fleet');
    expect(modulesForPath('/nope/devices', backends).modules).toEqual([]);
    expect(modulesForPath('/%E0%A4%A/devices', backends).modules).toEqual([]);
    // A malformed section is not the device list: only the adapter is worth preloading.
    expect(modulesForPath('/fleet/%E0%A4%A', backends).modules).toEqual([ADAPTER_MODULES.pelion]);
    // A page the router does not know still gets the adapter, nothing else.
    expect(modulesForPath('/fleet/settings', backends).modules).toEqual([ADAPTER_MODULES.pelion]);
  });

  it('preloads nothing for a backend of a kind this build cannot read', () => {
    const odd: PublicBackend = { ...backends[0]!, id: 'odd', kind: 'thingworx' };
    expect(modulesForPath('/odd/devices', [odd])).toEqual({ backend: odd, modules: [] });
  });

  it('names modules that exist in the source tree', () => {
    const adapters = Object.values(ADAPTERS).map((entry) => entry.module);
    const all = [...adapters, ...Object.values(ROUTE_MODULES).flat()];
    for (const module of all) expect(existsSync(path.resolve(module)), module).toBe(true);
  });
});

describe('createShell', () => {
  it('inlines the backend list so that no label can close the script element', () => {
    const hostile: PublicBackend[] = [
      { ...backends[0]!, label: '</script><script>alert(1)</script> & <!--' },
    ];
    const html = createShell(HTML, null, hostile).htmlFor('/fleet/devices');
    const script = /<script type="application\/json" id="fleetlog-backends">(.*?)<\/script>/s.exec(
      html,
    );
    expect(script).not.toBeNull();
    expect(script?.[1]).not.toMatch(/[<>&]/);
    expect(JSON.parse(script?.[1] ?? '')).toEqual({ backends: hostile });
    expect(html.indexOf('fleetlog-backends')).toBeLessThan(html.indexOf('</head>'));
  });

  it('adds no preloads without a manifest, and none the entry already loads', () => {
    expect(createShell(HTML, null, backends).htmlFor('/fleet/devices')).not.toContain(
      'modulepreload',
    );
    const html = createShell(
      HTML,
      {
        'index.html': { file: 'assets/index.js', isEntry: true, imports: ['_shared.js'] },
        '_shared.js': { file: 'assets/shared.js' },
        [ADAPTER_MODULES.pelion]: { file: 'assets/adapter.js', imports: ['_shared.js'] },
      },
      backends,
    ).htmlFor('/fleet/devices');
    expect(html).toContain('<link rel="modulepreload" crossorigin href="/assets/adapter.js">');
    expect(html).not.toContain('shared.js');
  });

  it('puts a first screen into #root with its state, which no event text can break out of', () => {
    const WITH_ROOT = '<!doctype html><html><head></head><body><div id="root"></div></body></html>';
    const html = createShell(WITH_ROOT, null, backends).htmlFor('/fleet/devices/d1/events', '', {
      html: '<h1>Device $& $1</h1>',
      state: { queries: [{ description: '</script><script>alert(1)</script> <!--' }] },
      localTimes: false,
    });
    expect(html).toContain('<div id="root" data-first-screen><h1>Device $& $1</h1></div>');
    const script = new RegExp(
      `<script type="application/json" id="${SERVER_STATE_ELEMENT_ID}">(.*?)</script>`,
      's',
    ).exec(html);
    expect(script?.[1]).not.toMatch(/[<>&]/);
    expect(JSON.parse(script?.[1] ?? '')).toEqual({
      queries: [{ description: '</script><script>alert(1)</script> <!--' }],
    });
    expect(html).not.toContain('time[datetime]');
    expect(
      createShell(WITH_ROOT, null, backends).htmlFor('/fleet/devices/d1/events', '', {
        html: '',
        state: {},
        localTimes: true,
      }),
    ).toContain('time[datetime]');
  });

  it('splits a page at #root: head now, the rest with the first screen or the data preloads', () => {
    const WITH_ROOT =
      '<!doctype html><html><head><meta charset="UTF-8">' +
      '<script type="module" src="/assets/index.js"></script></head>' +
      '<body><div id="root"></div></body></html>';
    const shell = createShell(WITH_ROOT, null, backends);
    const link = '/fleet/devices/01682647e01e00000000000100100000/events';
    const first = { html: '<main>rows</main>', state: { queries: [] }, localTimes: false };
    const parts = shell.streamFor(link, '', 'n1', 'dark');
    expect(parts).not.toBeNull();
    expect(parts!.head).toContain('<html data-theme="dark">');
    expect(parts!.head).toContain('<script nonce="n1" type="module"');
    expect(parts!.head).not.toContain('id="root"');
    // Rendered: byte for byte the page served whole.
    expect(parts!.head + parts!.rest(first)).toBe(shell.htmlFor(link, '', first, 'n1', 'dark'));
    // Not rendered: the same data preloads the whole page has in its head, before #root.
    const plain = parts!.head + parts!.rest(null);
    const preloads = (html: string) => html.match(/<link rel="preload" as="fetch"[^>]*>/g) ?? [];
    expect(preloads(plain).length).toBeGreaterThan(0);
    expect(preloads(plain)).toEqual(preloads(shell.htmlFor(link, '', null, 'n1', 'dark')));
    expect(plain.indexOf('rel="preload"')).toBeLessThan(plain.indexOf('<div id="root"></div>'));
    expect(createShell(HTML, null, backends).streamFor(link, '', 'n1', null)).toBeNull();
  });
});

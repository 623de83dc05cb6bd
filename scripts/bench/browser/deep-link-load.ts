/**
 * One cold load of a deep link: when the first event row is on screen, when the app itself shows
 * rows (after a server-rendered first screen, that is when the page responds to input), how many
 * gzip bytes of JavaScript had been downloaded by then, and which /api requests the page made.
 * Shared by the bench and the budgets spec, so both measure the same thing.
 */
import { gzipSync } from 'node:zlib';
import type { Page, Response } from '@playwright/test';
import { SERVER_STATE_ELEMENT_ID } from '../../../src/backends/contract.ts';
import { BOOT_MARKS, type BootStep } from '../../../src/app/boot-marks.ts';
import { NOTABLE_PELION_DEVICES } from '../../../server/fleet/pelion-fleet.ts';
import { watchFirstRow } from './launch.ts';

/** The A/B and profiling scripts' cold deep link: the 100k-event Pelion device's Event log. */
export const LONG_LOG_LINK = `/demo-pelion/devices/${encodeURIComponent(NOTABLE_PELION_DEVICES.longHistory)}/events`;

export interface JsFile {
  url: string;
  bytes: number;
  /** node:zlib gzip at its default level (6) of the decoded body: the budgeted figure. */
  gzipBytes: number;
  /** Body bytes as the server sent them (its own compression), from Resource Timing. */
  servedBytes: number;
}

export interface ApiRequest {
  method: string;
  /** Path and query, plus the RPC Action of an Alibaba POST (its parameters travel in the body). */
  what: string;
}

export interface DeepLinkLoad {
  /** ms from navigation start to the first frame showing an event row. */
  firstRowMs: number;
  /** ms from navigation start to the first frame showing a row the app rendered (interactive). */
  appRowMs: number;
  /** The server sent the page with a first screen (rows before any script). */
  firstScreen: boolean;
  /** Scripts whose download finished before the app's first row. */
  js: JsFile[];
  jsGzipBytes: number;
  jsServedBytes: number;
  /** /api requests sent before the app's first row was shown. */
  apiBeforeFirstRow: ApiRequest[];
  /** /api requests sent until the network went quiet after it. */
  api: ApiRequest[];
  /**
   * Where the time to the takeover went, in ms from navigation start: the page's HTML and its
   * last script downloaded, then the app's start-up marks (src/app/boot-marks.ts).
   */
  steps: Partial<Record<'html' | 'scripts' | BootStep, number>>;
}

const isScript = (response: Response): boolean =>
  response.request().resourceType() === 'script' ||
  (response.headers()['content-type'] ?? '').includes('javascript');

function describeApiRequest(method: string, url: URL, body: string | null): ApiRequest {
  const action = body ? new URLSearchParams(body).get('Action') : null;
  return { method, what: `${url.pathname}${url.search}${action ? ` Action=${action}` : ''}` };
}

export async function loadDeepLink(page: Page, path: string): Promise<DeepLinkLoad> {
  const scripts: Response[] = [];
  const api: ApiRequest[] = [];
  page.on('response', (response) => {
    if (isScript(response)) scripts.push(response);
  });
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname === '/api' || url.pathname.startsWith('/api/')) {
      api.push(describeApiRequest(request.method(), url, request.postData()));
    }
  });

  const firstRow = watchFirstRow(page);
  const appRow = watchFirstRow(page, 30_000, 'app');
  await page.goto(path, { waitUntil: 'commit' });
  const firstRowMs = await firstRow();
  const appRowMs = await appRow();
  const apiBeforeFirstRow = [...api];
  // Resource Timing shares the page's clock, so "finished before the app's first row" is exact.
  const finishedBefore = new Map(
    (await page.evaluate(
      `performance.getEntriesByType('resource')
        .filter((entry) => entry.responseEnd <= window.__bench.appRowAt)
        .map((entry) => [entry.name, entry.encodedBodySize])`,
    )) as Array<[string, number]>,
  );
  const js: JsFile[] = [];
  for (const response of scripts) {
    const servedBytes = finishedBefore.get(response.url());
    if (servedBytes === undefined) continue;
    const body = await response.body();
    js.push({
      url: response.url(),
      bytes: body.length,
      gzipBytes: gzipSync(body).length,
      servedBytes,
    });
  }
  const firstScreen = (await page.evaluate(
    `document.getElementById('${SERVER_STATE_ELEMENT_ID}') !== null`,
  )) as boolean;
  const steps = (await page.evaluate(
    `(() => {
      const steps = {};
      const nav = performance.getEntriesByType('navigation')[0];
      if (nav) steps.html = nav.responseEnd;
      const scripts = performance.getEntriesByType('resource')
        .filter((entry) => entry.initiatorType !== 'fetch' && /\\.js$/.test(new URL(entry.name).pathname))
        .filter((entry) => entry.responseEnd <= window.__bench.appRowAt);
      if (scripts.length > 0) steps.scripts = Math.max(...scripts.map((entry) => entry.responseEnd));
      for (const [step, name] of Object.entries(${JSON.stringify(BOOT_MARKS)})) {
        const mark = performance.getEntriesByName(name, 'mark')[0];
        if (mark) steps[step] = mark.startTime;
      }
      return steps;
    })()`,
  )) as DeepLinkLoad['steps'];
  await page.waitForLoadState('networkidle');
  return {
    steps,
    firstRowMs,
    appRowMs,
    firstScreen,
    js,
    jsGzipBytes: js.reduce((sum, file) => sum + file.gzipBytes, 0),
    jsServedBytes: js.reduce((sum, file) => sum + file.servedBytes, 0),
    apiBeforeFirstRow,
    api: [...api],
  };
}

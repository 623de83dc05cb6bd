/**
 * A production server of a test's own (server/main.ts in a child process, as `npm start` runs it),
 * with the environment the test chooses and its whole output captured to a file, plus loopback
 * stand-ins for the real APIs: the two simulators on ports of their own, with credentials of their
 * own, reached over real HTTP. Nothing leaves the machine.
 */
import { serve } from '@hono/node-server';
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import path from 'node:path';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

export interface StandIn {
  origin: string;
  /** Authorization headers and query strings it received, to show the credentials were used. */
  seen: string[];
  close(): Promise<void>;
}

/** Serves an in-process app (a simulator) on a loopback port, recording what reached it. */
export async function standIn(app: {
  fetch: (request: Request) => Response | Promise<Response>;
}): Promise<StandIn> {
  const seen: string[] = [];
  const port = await freePort();
  const server = serve({
    port,
    hostname: '127.0.0.1',
    fetch: async (request) => {
      seen.push(`${request.headers.get('authorization') ?? ''} ${new URL(request.url).search}`);
      if (request.method === 'POST') seen.push(await request.clone().text());
      return app.fetch(request);
    },
  });
  return {
    origin: `http://127.0.0.1:${port}`,
    seen,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        (server as { closeAllConnections?: () => void }).closeAllConnections?.();
      }),
  };
}

export interface OwnServer {
  origin: string;
  stop(): Promise<void>;
}

export async function startOwnServer(
  env: Record<string, string>,
  logFile: string,
): Promise<OwnServer> {
  const port = await freePort();
  const log = createWriteStream(logFile);
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', path.resolve('server', 'main.ts')],
    {
      env: { PATH: process.env.PATH ?? '', PORT: String(port), HOST: '127.0.0.1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  // Never outlive the test worker, even when it is torn down without running afterAll.
  const kill = () => child.kill('SIGKILL');
  process.once('exit', kill);
  child.once('exit', () => process.off('exit', kill));
  child.stdout?.pipe(log, { end: false });
  child.stderr?.pipe(log, { end: false });
  const origin = `http://127.0.0.1:${port}`;
  const stop = () =>
    new Promise<void>((resolve) => {
      const done = () => log.end(() => resolve());
      if (child.exitCode !== null) return done();
      child.once('exit', done);
      child.kill('SIGTERM');
    });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`The server exited (${child.exitCode}); see ${logFile}.`);
    // Any answer (401 included: it may require sign-in) means it listens.
    const answered = await fetch(`${origin}/api/backends`).then(
      () => true,
      () => false,
    );
    if (answered) return { origin, stop };
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await stop();
  throw new Error(`The server did not listen within 60 s; see ${logFile}.`);
}

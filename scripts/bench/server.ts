/**
 * Starts the production server (build first when dist/ is missing or stale) on a loopback port for
 * the bench, and stops it again. One Node process (`node --import tsx`) so a signal reaches it.
 * It serves a verified snapshot of dist/, so another build during the run cannot swap the assets.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';

export interface RunningServer {
  origin: string;
  stop(): Promise<void>;
}

const root = process.cwd();

export function ensureBuild(): void {
  const result = spawnSync(
    process.execPath,
    ['--import', 'tsx', path.join(root, 'scripts', 'ensure-build.ts')],
    {
      stdio: 'inherit',
    },
  );
  if (result.status !== 0) throw new Error('The production build failed; see the output above.');
}

const dist = path.join(root, 'dist');

/** Every /assets/ file the shell and the scripts name, so a half-copied build is detected. */
function missingAssets(dir: string): string[] {
  const texts = [path.join(dir, 'index.html')];
  const assets = path.join(dir, 'assets');
  if (existsSync(assets)) {
    for (const name of readdirSync(assets))
      if (name.endsWith('.js')) texts.push(path.join(assets, name));
  }
  const missing = new Set<string>();
  for (const file of texts) {
    if (!existsSync(file)) {
      missing.add(path.relative(dir, file));
      continue;
    }
    for (const [name] of readFileSync(file, 'utf8').matchAll(/assets\/[\w.-]+\.(?:js|css)/g)) {
      if (!existsSync(path.join(dir, name))) missing.add(name);
    }
  }
  return [...missing];
}

/** Copies dist/ aside; retries while a concurrent build is rewriting it. */
export async function snapshotDist(): Promise<{ dir: string; remove(): void }> {
  const dir = path.join(root, 'node_modules', '.cache', 'fleetlog-bench', `dist-${process.pid}`);
  for (let attempt = 1; attempt <= 10; attempt += 1) {
    rmSync(dir, { recursive: true, force: true });
    const before = existsSync(path.join(dist, 'index.html'))
      ? statSync(path.join(dist, 'index.html')).mtimeMs
      : 0;
    try {
      cpSync(dist, dir, { recursive: true });
    } catch {
      // a file vanished mid-copy: someone is rebuilding
    }
    const after = existsSync(path.join(dist, 'index.html'))
      ? statSync(path.join(dist, 'index.html')).mtimeMs
      : -1;
    if (before === after && missingAssets(dir).length === 0) {
      return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
    }
    await new Promise((resolve) => setTimeout(resolve, 2000));
  }
  throw new Error(
    'dist/ kept changing while the bench copied it (another build running?); try again.',
  );
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

async function waitUntilReady(
  origin: string,
  child: ChildProcess,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The server exited with code ${child.exitCode}.`);
    try {
      const response = await fetch(`${origin}/api/backends`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`The server did not answer ${origin}/api/backends within ${timeoutMs} ms.`);
}

export async function startServer(requestedPort: number): Promise<RunningServer> {
  const port = requestedPort === 0 ? await freePort() : requestedPort;
  const origin = `http://127.0.0.1:${port}`;
  const snapshot = await snapshotDist();
  const entry = path.join(root, 'scripts', 'bench', 'serve-snapshot.ts');
  const child = spawn(process.execPath, ['--import', 'tsx', entry], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DEMO: 'on',
      BENCH_STATIC_DIR: snapshot.dir,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.once('exit', () => snapshot.remove());
  const output: string[] = [];
  child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  try {
    await waitUntilReady(origin, child, 60_000);
  } catch (error) {
    child.kill('SIGKILL');
    throw new Error(`${(error as Error).message}\n${output.join('')}`);
  }
  return {
    origin,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}

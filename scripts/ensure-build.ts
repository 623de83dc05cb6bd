/** `npm start` builds the SPA only when dist/ is missing or older than its sources. */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const root = process.cwd();
const builtAt = (() => {
  const shell = path.join(root, 'dist', 'index.html');
  return existsSync(shell) ? statSync(shell).mtimeMs : 0;
})();

function newestMtime(entry: string): number {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(entry).reduce(
    (max, name) => Math.max(max, newestMtime(path.join(entry, name))),
    0,
  );
}

const sources = [
  'src',
  'public',
  'index.html',
  'vite.config.ts',
  'scripts/precompress-plugin.ts',
  'package-lock.json',
].map((p) => path.join(root, p));
const sourcesAt = Math.max(...sources.map(newestMtime));
if (sourcesAt > builtAt) {
  console.log(
    builtAt === 0
      ? 'Building Fleetlog (first start)…'
      : 'Sources changed since the last build; rebuilding…',
  );
  execFileSync(
    process.execPath,
    [path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'],
    {
      stdio: 'inherit',
    },
  );
}

/**
 * Builds the web app with Vite when it is missing or older than its sources, so that
 * `npm install && npm start` needs no third command. The build runs in a child process: the
 * server does not keep the bundler's memory (an in-process build left it at almost 1 GB).
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { projectRoot } from '../services/config.js';

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'dist' || entry.name === 'node_modules') continue;
    const full = path.join(dir, entry.name);
    const t = entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs;
    if (t > newest) newest = t;
  }
  return newest;
}

export function webBuildIsStale(root = projectRoot): boolean {
  const index = path.join(root, 'web', 'dist', 'index.html');
  if (!existsSync(index)) return true;
  const built = statSync(index).mtimeMs;
  const sources = Math.max(
    newestMtime(path.join(root, 'web')),
    statSync(path.join(root, 'vite.config.ts')).mtimeMs,
  );
  return sources > built;
}

/** Builds web/dist when needed; prints what it does on stderr. */
export async function ensureWebBuilt(
  log: (line: string) => void = (l) => process.stderr.write(`${l}\n`),
): Promise<void> {
  if (!webBuildIsStale()) return;
  log('Building the web app (first start, or sources changed) ...');
  const started = Date.now();
  const vite = path.join(
    path.dirname(createRequire(import.meta.url).resolve('vite/package.json')),
    'bin',
    'vite.js',
  );
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [vite, 'build', '--config', path.join(projectRoot, 'vite.config.ts'), '--logLevel', 'warn'],
      // The web app is always built as it ships (vitest sets NODE_ENV=test).
      { cwd: projectRoot, stdio: ['ignore', 2, 2], env: { ...process.env, NODE_ENV: 'production' } },
    );
    child.on('error', reject);
    child.on('exit', resolve);
  });
  if (code !== 0) throw new Error(`the web app build failed (vite exited with ${code})`);
  log(`Web app built in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}

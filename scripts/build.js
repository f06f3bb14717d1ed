#!/usr/bin/env node
/**
 * Compiles the server and the CLI (src/) into dist/ with esbuild: one ES module for the entry
 * (dist/cli/main.js) and one chunk per lazily imported command or the server, npm packages left
 * as imports. Runs as `npm run build:server`, from `prepare` (so `npm install` / `npm ci` build it)
 * and from bin/pathways.js when dist/ is missing or older than src/.
 *
 * Safe to run from several processes at once (parallel CLI tests after an edit): a lock file lets
 * one build while the others wait, and every output file is written to a temporary name and
 * renamed into place, so a running `pathways` never reads a half-written file.
 *
 * Type checking is not done here: that is `npm run typecheck` (tsc --noEmit).
 */
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const distDir = path.join(root, 'dist');
/** The compiled entry point; its modification time is the build's. */
export const entryOut = path.join(distDir, 'cli', 'main.js');
const lockFile = path.join(root, '.dist-build.lock');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    // Tests are not compiled: editing one does not make dist/ stale.
    if (/\.test\.tsx?$/.test(entry.name)) continue;
    const full = path.join(dir, entry.name);
    const t = entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs;
    if (t > newest) newest = t;
  }
  return newest;
}

/** True when dist/ is missing or any file under src/ (or this script) is newer than it. */
export function distIsStale() {
  if (!existsSync(entryOut)) return true;
  // An installed copy without sources runs what it was shipped with.
  if (!existsSync(path.join(root, 'src'))) return false;
  const built = statSync(entryOut).mtimeMs;
  return (
    Math.max(newestMtime(path.join(root, 'src')), statSync(fileURLToPath(import.meta.url)).mtimeMs) > built
  );
}

const sleep = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

function acquireLock() {
  const started = Date.now();
  for (;;) {
    try {
      closeSync(openSync(lockFile, 'wx'));
      return true;
    } catch (e) {
      if (e.code !== 'EEXIST') throw e;
      // A lock older than two minutes was left by a killed build.
      try {
        if (Date.now() - statSync(lockFile).mtimeMs > 120_000) rmSync(lockFile, { force: true });
      } catch {
        /* removed meanwhile */
      }
      if (Date.now() - started > 180_000) throw new Error(`timed out waiting for ${lockFile}`, { cause: e });
      sleep(100);
    }
  }
}

export async function build({ quiet = false } = {}) {
  acquireLock();
  try {
    // Another process may have built while this one waited for the lock.
    if (!process.argv.includes('--force') && !distIsStale()) return;
    const started = Date.now();
    const esbuild = await import('esbuild');
    const result = await esbuild.build({
      absWorkingDir: root,
      entryPoints: { 'cli/main': 'src/cli/main.ts' },
      outdir: distDir,
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'node',
      target: 'node20.19',
      packages: 'external',
      sourcemap: 'linked',
      chunkNames: 'chunks/[name]-[hash]',
      legalComments: 'none',
      logLevel: 'warning',
      write: false,
    });
    const written = new Set();
    for (const file of result.outputFiles) {
      mkdirSync(path.dirname(file.path), { recursive: true });
      const tmp = `${file.path}.${process.pid}.tmp`;
      writeFileSync(tmp, file.contents);
      written.add(file.path);
      // The entry last, so its time stamp marks a complete build.
      if (file.path !== entryOut) renameSync(tmp, file.path);
    }
    renameSync(`${entryOut}.${process.pid}.tmp`, entryOut);
    // Chunks of earlier builds (names carry a content hash), once no running command started
    // from that build is likely to import them any more.
    const chunks = path.join(distDir, 'chunks');
    for (const name of existsSync(chunks) ? readdirSync(chunks) : []) {
      const full = path.join(chunks, name);
      if (!written.has(full) && Date.now() - statSync(full).mtimeMs > 3_600_000)
        rmSync(full, { force: true });
    }
    if (!quiet)
      process.stderr.write(
        `Compiled src/ into dist/ (${result.outputFiles.length} files) in ${((Date.now() - started) / 1000).toFixed(1)} s.\n`,
      );
  } finally {
    rmSync(lockFile, { force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    await build();
  } catch (e) {
    process.stderr.write(`pathways: could not compile src/ into dist/: ${e.message}\n`);
    process.exit(1);
  }
}

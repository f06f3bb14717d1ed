#!/usr/bin/env node
// Entry point of the `pathways` command (and of `npm start`): runs the compiled JavaScript in
// dist/. `npm install` compiles it (`prepare`); when dist/ is missing or older than src/ (someone
// edited the sources), it is rebuilt first in a separate process, so this one keeps no compiler
// in memory. Development with reload on change is `npm run dev` (tsx).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { distIsStale, entryOut, root } from '../scripts/build.js';

if (distIsStale()) {
  const result = spawnSync(process.execPath, [path.join(root, 'scripts', 'build.js')], {
    stdio: ['ignore', 2, 2],
  });
  if (result.status !== 0) process.exit(1);
}
await import(pathToFileURL(entryOut).href);

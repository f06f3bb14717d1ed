#!/usr/bin/env node
// `npm run dev`: the API with reload on change (tsx watch) on API_PORT (3001) and the Vite dev
// server with hot reload on 5173, proxying /api to the API.
import { spawn } from 'node:child_process';

const apiPort = process.env.API_PORT ?? '3001';
const children = [
  spawn(
    'npx',
    ['tsx', 'watch', '--clear-screen=false', 'src/cli/main.ts', 'serve', '--no-web-build', '--port', apiPort],
    {
      stdio: 'inherit',
      env: { ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'info' },
    },
  ),
  spawn('npx', ['vite'], { stdio: 'inherit', env: { ...process.env, API_PORT: apiPort } }),
];
const stop = () => children.forEach((c) => c.kill('SIGTERM'));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
for (const c of children) c.on('exit', (code) => code && code !== 0 && stop());

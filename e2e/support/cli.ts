/** Runs the `pathways` command as a person does: a real process, its exit code and its output. */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { expect } from 'vitest';

export const root = path.resolve(import.meta.dirname, '..', '..');
export const bin = path.join(root, 'bin', 'pathways.js');

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

export function runPathways(args: string[], env: NodeJS.ProcessEnv = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [bin, ...args],
      {
        cwd: root,
        env: { ...process.env, LOG_LEVEL: 'warn', ...env },
        timeout: 60_000,
        maxBuffer: 20 * 1024 * 1024,
      },
      (err, stdout, stderr) =>
        resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

/** No stack trace lines ("    at ...") in what a person sees. */
export function expectNoStack(s: string): void {
  expect(s).not.toMatch(/^\s+at /m);
}

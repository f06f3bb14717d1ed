import { describe, expect, it } from 'vitest';
import { ApiError } from './client';
import { CaseFileProblem, caseProblemsOf, maxCaseBytes, readCaseFile } from './framework';

const fileOf = (text: string, size?: number) =>
  ({ size: size ?? text.length, text: async () => text }) as unknown as File;

describe('readCaseFile', () => {
  it('parses a JSON file', async () => {
    expect(await readCaseFile(fileOf('{"CFItems": []}'))).toEqual({ CFItems: [] });
  });

  it('refuses a file that is not JSON or over 2 MB, as problems', async () => {
    await expect(readCaseFile(fileOf('CFDocument: yaml'))).rejects.toBeInstanceOf(CaseFileProblem);
    const big = await readCaseFile(fileOf('{}', maxCaseBytes + 1)).catch((e: unknown) => e);
    expect(caseProblemsOf(big)).toEqual([
      { path: '', message: expect.stringContaining('the limit is 2 MB') },
    ]);
  });
});

describe('caseProblemsOf', () => {
  it("reads the server's invalid_case details and ignores anything else", () => {
    const details = [{ path: 'CFItems[3].identifier', message: 'missing' }, { nonsense: true }];
    expect(caseProblemsOf(new ApiError(400, 'invalid_case', 'bad', details))).toEqual([details[0]]);
    expect(caseProblemsOf(new ApiError(400, 'invalid_json', 'bad', { issues: [] }))).toEqual([]);
    expect(caseProblemsOf(new Error('x'))).toEqual([]);
  });
});

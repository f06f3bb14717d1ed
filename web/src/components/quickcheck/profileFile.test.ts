import { describe, expect, it } from 'vitest';
import { loadProfileFile, readProfileFile } from './profileFile';

/** The problems of a file, as the page lists them. */
function problems(text: string, filename = 'profile.json'): { message: string; issues: string[] } {
  const result = loadProfileFile(text, filename);
  if (!('error' in result)) throw new Error('expected the file to be refused');
  return result.error;
}

const profile = (fields: Record<string, unknown>) =>
  JSON.stringify({ format: 'hm-pathways/profile@1', ...fields });

describe('reading an uploaded profile file', () => {
  it('reads YAML and JSON', () => {
    const yaml = [
      'format: hm-pathways/profile@1',
      'positions:',
      '  - title: Nurse Manager',
      '    start: 2020-07',
      '    fte: 0.5',
      '    kinds: [healthcare, nurse_manager]',
    ].join('\n');
    const expected = [
      {
        title: 'Nurse Manager',
        start: '2020-07',
        end: '',
        current: true,
        fte: 0.5,
        kinds: ['healthcare', 'nurse_manager'],
      },
    ];
    expect(readProfileFile(yaml, 'me.yaml').positions).toEqual(expected);
    expect(
      readProfileFile(
        profile({
          positions: [
            { title: 'Nurse Manager', start: '2020-07', fte: 0.5, kinds: ['healthcare', 'nurse_manager'] },
          ],
        }),
        'me.json',
      ).positions,
    ).toEqual(expected);
  });

  it('names each problem by its path', () => {
    const error = problems(
      profile({
        positions: [
          { title: 'Nurse', start: 'yesterday', fte: 2 },
          { start: '2020-01', titel: 'Typo' },
        ],
        education: [{ level: 'masters' }],
      }),
    );
    expect(error.issues).toEqual([
      'education[0].level: must be one of: high_school, associate, bachelor, master, doctorate',
      'positions[0].start: not a date (YYYY-MM-DD or YYYY-MM)',
      'positions[0].fte: must be at most 1.0 (full time is 1.0; overlapping jobs are separate positions)',
      'positions[1].title: is required',
      'positions[1].titel: unknown field (check the spelling)',
    ]);
    expect(error.message).toBe(
      'The profile has 5 problems: education[0].level: must be one of: high_school, associate, bachelor, master, doctorate',
    );
  });

  it('names a job that ends before it starts', () => {
    expect(
      problems(profile({ positions: [{ title: 'Nurse', start: '2020-05', end: '2020-01' }] })).issues,
    ).toEqual(['positions[0].end: must not be before start']);
  });

  it('refuses text that is not JSON, not YAML, or not a profile', () => {
    expect(problems('{not json').message).toMatch(/^The file is not valid JSON \(line 1, column 2\)/);
    expect(problems('a: [1, 2', 'me.yaml').message).toContain('not valid YAML or JSON');
    expect(problems('', 'me.yaml').message).toBe('The file is empty.');
    expect(problems('[1, 2]').message).toContain('does not hold a profile');
    expect(problems('{"format": "hm-pathways/profile@2"}')).toEqual({
      message: 'The file is not a profile: its "format" must be "hm-pathways/profile@1".',
      issues: ['format: must be "hm-pathways/profile@1"'],
    });
  });

  it('refuses YAML aliases and keys given twice', () => {
    const alias = [
      'format: hm-pathways/profile@1',
      'name: &n Jo',
      'positions:',
      '  - title: *n',
      '    start: 2020-01',
    ];
    expect(problems(alias.join('\n'), 'me.yaml').message).toContain('uses the YAML alias *n');
    const twice = problems('{"format": "hm-pathways/profile@1", "name": "A", "name": "B"}');
    expect(twice.message).toContain('given twice');
    expect(twice.issues).toEqual(['line 1: a field given twice']);
  });

  it('refuses a file over 1 MB', () => {
    expect(problems(profile({ name: 'x'.repeat(1024 * 1024) })).message).toMatch(/a profile is at most 1 MB/);
  });
});

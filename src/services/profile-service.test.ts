import { describe, expect, it } from 'vitest';
import { builtinCatalog } from '../../test/support/catalog.js';
import { checkEligibility } from './eligibility-service.js';
import { AppError, ValidationError } from './errors.js';
import { ProfileError, parseProfileText, profileSyntax, serializeProfile } from './profile-service.js';

const catalog = await builtinCatalog();

const yaml = (lines: string[]) => `format: hm-pathways/profile@1\n${lines.join('\n')}\n`;

/** The problems reported for a document, as `path: message`. */
function problems(text: string, filename = 'p.yaml'): string[] {
  try {
    parseProfileText(catalog, text, { filename });
  } catch (e) {
    expect(e).toBeInstanceOf(ProfileError);
    const err = e as ProfileError;
    expect(err.code).toBe('invalid_profile');
    expect(err.status).toBe(400);
    return err.issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message));
  }
  throw new Error('expected the profile to be refused');
}

describe('parseProfileText', () => {
  it('reads YAML and JSON to the same profile, with defaults', () => {
    const fromYaml = parseProfileText(
      catalog,
      yaml(['positions:', '  - {title: Analyst, start: 2020-01, kinds: [healthcare]}']),
    );
    const fromJson = parseProfileText(
      catalog,
      '{"format": "hm-pathways/profile@1", "positions": [{"title": "Analyst", "start": "2020-01", "kinds": ["healthcare"]}]}',
      { contentType: 'application/json' },
    );
    expect(fromJson).toEqual(fromYaml);
    expect(fromYaml.positions[0]).toEqual({
      title: 'Analyst',
      start: '2020-01',
      fte: 1,
      kinds: ['healthcare'],
    });
    expect(fromYaml.education).toEqual([]);
  });

  it('names the syntax from the file name, the content type or the first character', () => {
    expect(profileSyntax('{}', { filename: 'me.YAML' })).toBe('yaml');
    expect(profileSyntax('a: 1', { filename: 'me.json' })).toBe('json');
    expect(profileSyntax('a: 1', { contentType: 'application/json; charset=utf-8' })).toBe('json');
    expect(profileSyntax('{"a": 1}')).toBe('json');
    expect(profileSyntax('a: 1')).toBe('yaml');
  });

  it('lists every problem with its path, in file order', () => {
    expect(
      problems(
        yaml([
          'positions:',
          '  - {title: A, start: 2020-01, end: 2019-06, fte: 0, kinds: [helicopter]}',
          '  - {title: B, start: 2020-13, fte: 3}',
          '  - {title: C}',
          'credentials: [{id: cphq}]',
          'memberships: [{id: ACHE, since: 2020-01, until: 2019-01}]',
          'attestations: [FACHE_REFERENCE]',
          'colour: blue',
        ]),
      ),
    ).toEqual([
      'colour: unknown field (check the spelling)',
      'positions[0].fte: must be at least 0.05 (full time is 1.0)',
      'positions[0].end: must not be before start',
      expect.stringMatching(
        /^positions\[0\]\.kinds\[0\]: unknown experience kind "helicopter" \(known: healthcare, /,
      ),
      'positions[1].start: not a date (YYYY-MM-DD or YYYY-MM)',
      'positions[1].fte: must be at most 1.0 (full time is 1.0; overlapping jobs are separate positions)',
      'positions[2].start: is required: a date (YYYY-MM-DD or YYYY-MM)',
      'memberships[0].until: must not be before since',
      expect.stringMatching(
        /^attestations\[0\]: unknown attestation "FACHE_REFERENCE" \(known: FACHE_REFERENCES, /,
      ),
    ]);
  });

  it('checks CE categories, credit units and membership types against the catalog', () => {
    expect(
      problems(
        yaml([
          'ce:',
          '  - date: 2025-01-10',
          '    hours: 3',
          '    category: leadership',
          '    credits: [{unit: PDU, amount: 3, category: PMI_POWER_SKILLS}]',
          'memberships: [{id: ACHEE, type: gold}]',
        ]),
      ),
    ).toEqual([
      expect.stringMatching(/^ce\[0\]\.category: unknown CE category "leadership" \(known: general, /),
      expect.stringMatching(
        /^ce\[0\]\.credits\[0\]\.unit: unknown credit unit "PDU" \(known: contact_hour, /,
      ),
      'ce[0].credits[0].category: unknown CE category "PMI_POWER_SKILLS" (did you mean "pmi_power_skills"?)',
      expect.stringMatching(/^memberships\[0\]\.id: unknown organization "ACHEE" \(known: ACHE, /),
      expect.stringMatching(/^memberships\[0\]\.type: unknown membership type "gold" \(known: member, /),
    ]);
  });

  it('says plainly when a value is missing, empty or of the wrong kind', () => {
    expect(problems('name: Jo\n')).toEqual(['format: is required and must be "hm-pathways/profile@1"']);
    expect(problems(yaml(['name:']))).toEqual(['name: has no value (give one, or leave the field out)']);
    expect(problems(yaml(['positions:', '  - {title: A, start: 2020-01, end:}']))).toEqual([
      'positions[0].end: has no value: a date (YYYY-MM-DD or YYYY-MM)',
    ]);
    expect(
      problems(yaml(['education: [{level: phd}]', 'collegeCreditHours: 1.5', 'positions: nurse'])),
    ).toEqual([
      'education[0].level: must be one of: high_school, associate, bachelor, master, doctorate',
      'collegeCreditHours: must be a whole number, not a number',
      'positions: must be a list, not text',
    ]);
    expect(problems('- a\n- b\n')).toEqual([
      'the profile must be a set of fields (format, education, positions, ...), not a list',
    ]);
    expect(problems('   \n')).toEqual(['the profile is empty']);
  });

  it('refuses duplicate keys in YAML and JSON with the lines', () => {
    expect(problems(yaml(['name: A', 'name: B']))).toEqual([
      'name: given twice (lines 2 and 3); a field may appear only once',
    ]);
    expect(
      problems(
        '{"format": "hm-pathways/profile@1",\n "positions": [{"title": "A",\n "title": "B"}]}',
        'p.json',
      ),
    ).toEqual(['positions[0].title: given twice (lines 2 and 3); a field may appear only once']);
    expect(problems('{"format": "x", "__proto__": {"a": 1}}', 'p.json')).toEqual([
      '__proto__: a field named __proto__ is not allowed',
    ]);
  });

  it('refuses YAML aliases before expanding anything (billion laughs)', () => {
    const lines = ['a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
    for (const [prev, name] of ['ab', 'bc', 'cd', 'de', 'ef', 'fg', 'gh', 'hi', 'ij']) {
      lines.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(', ')}]`);
    }
    const started = performance.now();
    expect(problems(`${lines.join('\n')}\n`)).toEqual([
      'b[0]: uses the YAML alias *a (line 2); aliases are not allowed in a profile, write the value out in full (81 aliases found)',
    ]);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(problems(yaml(['positions:', '  - &job {title: A, start: 2020-01}', '  - *job']))).toEqual([
      'positions[1]: uses the YAML alias *job (line 4); aliases are not allowed in a profile, write the value out in full',
    ]);
  });

  it('reports syntax errors with their line and refuses deep nesting and documents over 1 MB', () => {
    expect(problems(yaml(['positions: [']))).toEqual([
      expect.stringMatching(/^not valid YAML \(line \d+, column \d+\): /),
    ]);
    expect(problems('{"format": ', 'p.json')).toEqual([expect.stringMatching(/^not valid JSON/)]);
    expect(problems(`{"a": ${'['.repeat(100)}${']'.repeat(100)}}`, 'p.json')).toEqual([
      'nested more than 32 levels deep; a profile never is',
    ]);
    const big = () => parseProfileText(catalog, yaml([`name: ${'x'.repeat(1024 * 1024)}`]));
    expect(big).toThrow(AppError);
    expect(big).toThrow(/the limit is 1 MB/);
  });

  it('prefixes paths for a request body', () => {
    const err = new ProfileError([
      { path: 'positions[1].start', message: 'not a date (YYYY-MM-DD or YYYY-MM)' },
      { path: '', message: 'the profile is empty' },
    ]).prefixed('profile');
    expect(err.issues.map((i) => i.path)).toEqual(['profile.positions[1].start', 'profile']);
    expect(err.message).toBe(
      'profile.positions[1].start: not a date (YYYY-MM-DD or YYYY-MM) (and 1 more problem)',
    );
  });
});

describe('serializeProfile', () => {
  it('writes YAML and JSON that read back to the same profile', () => {
    const profile = parseProfileText(
      catalog,
      yaml([
        'name: Jo',
        'positions: [{title: A, start: 2020-01, end: 2021-06-30, fte: 0.5, kinds: [healthcare, quality]}]',
        'ce: [{date: 2025-04-10, hours: 6, provider: ACHE, category: ache_in_person}]',
      ]),
    );
    const text = serializeProfile(profile, 'yaml');
    expect(text).toMatch(/^format: hm-pathways\/profile@1$/m);
    expect(parseProfileText(catalog, text, { filename: 'x.yaml' })).toEqual(profile);
    expect(parseProfileText(catalog, serializeProfile(profile, 'json'), { filename: 'x.json' })).toEqual(
      profile,
    );
  });
});

describe('checkEligibility', () => {
  const profile = parseProfileText(catalog, yaml(['education: [{level: bachelor}]']));

  it('answers for the as-of date, defaulting to today', () => {
    expect(checkEligibility(catalog, profile, {}, '2026-11-27').asOf).toBe('2026-11-27');
    expect(checkEligibility(catalog, profile, { asOf: '2027-01-31' }, '2026-11-27').asOf).toBe('2027-01-31');
  });

  it('narrows to certifications in any case; empty means all', () => {
    const some = checkEligibility(catalog, profile, { certifications: ['cphq', 'PMP'] }, '2026-11-27');
    expect(some.results.map((r) => r.certification)).toEqual(['CPHQ', 'PMP']);
    const all = checkEligibility(catalog, profile, { certifications: [] }, '2026-11-27');
    expect(all.results).toHaveLength(catalog.certifications.length);
  });

  it('refuses an unknown certification and a bad asOf, naming them', () => {
    const bad = () => checkEligibility(catalog, profile, { certifications: ['CPHQ', 'XYZ'] }, '2026-11-27');
    expect(bad).toThrow(ValidationError);
    expect(bad).toThrow('certifications: unknown certification "XYZ"');
    for (const asOf of ['2026-02-30', '2026-11', '27/11/2026', '']) {
      expect(() => checkEligibility(catalog, profile, { asOf }, '2026-11-27')).toThrow(
        'asOf: not a date (YYYY-MM-DD)',
      );
    }
  });
});

describe('a profile with very many problems', () => {
  it('lists the first hundred and counts the rest', () => {
    const text = ['format: hm-pathways/profile@1', ...Array.from({ length: 150 }, (_, i) => `k${i}: 1`)].join(
      '\n',
    );
    const listed = problems(text);
    expect(listed).toHaveLength(101);
    expect(listed[0]).toBe('k0: unknown field (check the spelling)');
    expect(listed[100]).toBe('50 more problems not listed');
  });
});

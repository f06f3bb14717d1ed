import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { profileSchema } from '../../../../src/core/profile';
import { draftFromStorage, profileFileText } from './profile';
import { readProfileFile } from './profileFile';
import {
  credentialsFor,
  draftProblems,
  fromProfile,
  keptSummary,
  missingEndMessage,
  newJob,
  OTHER_CREDENTIAL,
  toProfile,
  unansweredSections,
  updateJob,
  type JobDraft,
  type ProfileDraft,
} from './profileMapping';

const optionalMonth = (month: fc.Arbitrary<string>) => fc.oneof(fc.constant(''), month);

/** Download, then upload: the draft the form gets back from the file it offered. */
const roundTrip = (draft: ProfileDraft) => readProfileFile(profileFileText(draft), 'profile.json');

const nurseManager: ProfileDraft = {
  education: [
    { level: 'bachelor', field: 'Nursing', completed: '2014-05' },
    { level: 'master', field: 'Health administration', completed: '' },
  ],
  positions: [
    {
      title: 'Staff Nurse',
      start: '2014-07',
      end: '2018-06',
      current: false,
      fte: 0.6,
      kinds: ['healthcare', 'clinical', 'registered_nurse'],
    },
    {
      title: 'Nurse Manager, Med-Surg',
      start: '2018-07',
      end: '',
      current: true,
      fte: 1,
      kinds: ['healthcare', 'healthcare_management', 'nurse_manager', 'supervisory'],
    },
  ],
  credentials: [{ id: 'RN_LICENSE' }, { id: 'CPHQ' }],
  memberships: [
    { id: 'ACHE', since: '2023-11' },
    { id: 'NAHQ', since: '' },
  ],
};

const nurseManagerProfile = {
  format: 'hm-pathways/profile@1',
  education: [
    { level: 'bachelor', field: 'Nursing', completed: '2014-05' },
    { level: 'master', field: 'Health administration' },
  ],
  positions: [
    {
      title: 'Staff Nurse',
      start: '2014-07',
      end: '2018-06',
      fte: 0.6,
      kinds: ['healthcare', 'clinical', 'registered_nurse'],
    },
    {
      title: 'Nurse Manager, Med-Surg',
      start: '2018-07',
      fte: 1,
      kinds: ['healthcare', 'healthcare_management', 'nurse_manager', 'supervisory'],
    },
  ],
  credentials: [{ id: 'RN_LICENSE' }, { id: 'CPHQ' }],
  memberships: [{ id: 'ACHE', since: '2023-11' }, { id: 'NAHQ' }],
};

describe('form -> profile', () => {
  it('writes degrees, past and current jobs with their FTE and kinds, credentials and memberships', () => {
    expect(toProfile(nurseManager)).toEqual(nurseManagerProfile);
    expect(profileSchema.safeParse(toProfile(nurseManager)).success).toBe(true);
  });

  it('writes a current job without an end, a past one with its end month', () => {
    const [past, current] = toProfile(nurseManager).positions as Array<Record<string, unknown>>;
    expect(past).toHaveProperty('end', '2018-06');
    expect(current).not.toHaveProperty('end');
  });

  it('trims text and leaves out empty optional fields', () => {
    const profile = toProfile({
      ...nurseManager,
      education: [{ level: 'associate', field: '   ', completed: '' }],
      positions: [{ ...newJob(), title: '  Unit Clerk ', start: '2020-01' }],
    });
    expect(profile.education).toEqual([{ level: 'associate' }]);
    expect(profile.positions).toEqual([{ title: 'Unit Clerk', start: '2020-01', fte: 1, kinds: [] }]);
  });
});

describe('profile -> form', () => {
  it('reads every field back', () => {
    expect(fromProfile(nurseManagerProfile)).toEqual(nurseManager);
  });

  it('reads a job without an end as current, with FTE 1 when the file leaves it out', () => {
    const draft = fromProfile({
      format: 'hm-pathways/profile@1',
      positions: [{ title: 'Nurse', start: '2020-01', kinds: ['healthcare'] }],
    });
    expect(draft.positions).toEqual([
      { title: 'Nurse', start: '2020-01', end: '', current: true, fte: 1, kinds: ['healthcare'] },
    ]);
  });

  it('refuses a document that is not a profile', () => {
    expect(() => fromProfile([])).toThrow('does not hold a profile');
    expect(() => fromProfile({ format: 'something/else' })).toThrow(
      'its "format" must be "hm-pathways/profile@1"',
    );
  });
});

describe('download -> upload gives back the same form', () => {
  it('for a full draft: part-time FTE, several kinds, credentials, memberships', () => {
    expect(roundTrip(nurseManager)).toEqual(nurseManager);
  });

  it('for an empty draft', () => {
    const empty: ProfileDraft = { education: [], positions: [], credentials: [], memberships: [] };
    expect(roundTrip(empty)).toEqual(empty);
  });

  it('for every draft the form lets through (property)', () => {
    const month = fc
      .tuple(fc.integer({ min: 1960, max: 2030 }), fc.integer({ min: 1, max: 12 }))
      .map(([y, m]) => `${y}-${String(m).padStart(2, '0')}`);
    const text = fc.string({ minLength: 1, maxLength: 20 }).map((s) => s.trim() || 'x');
    const id = fc.stringMatching(/^[A-Z][A-Z0-9_]{0,8}$/);
    const job = fc
      .record({
        title: text,
        start: month,
        end: month,
        current: fc.boolean(),
        fte: fc.integer({ min: 5, max: 100 }).map((n) => n / 100),
        kinds: fc.uniqueArray(
          fc.constantFrom('healthcare', 'clinical', 'quality', 'finance', 'health_it', 'supervisory'),
        ),
        role: fc.option(fc.constantFrom('charge-nurse', 'nurse-manager', 'ops-vp'), { nil: undefined }),
      })
      .map((j): JobDraft => {
        const [start, end] = [j.start, j.end].sort();
        const { role, ...rest } = j;
        return { ...rest, ...(role ? { role } : {}), start: start!, end: j.current ? '' : end! };
      });
    const day = fc
      .tuple(month, fc.integer({ min: 1, max: 28 }))
      .map(([m, d]) => `${m}-${String(d).padStart(2, '0')}`);
    const dayOrMonth = fc.oneof(day, month);
    const optionalText = fc.oneof(fc.constant(''), text);
    const amount = fc.integer({ min: 0, max: 400 }).map((n) => n / 4);
    const ce = fc.record({
      date: dayOrMonth,
      hours: amount,
      provider: optionalText,
      title: optionalText,
      category: fc.constantFrom('', 'ache_qualifying', 'nahq_approved'),
      credits: fc.array(
        fc.record({
          unit: fc.constantFrom('ache_credit', 'nahq_ce'),
          amount,
          category: fc.constantFrom('', 'general'),
        }),
        { maxLength: 2 },
      ),
    });
    const project = fc.record({
      title: text,
      completed: fc.oneof(fc.constant(''), dayOrMonth),
      kind: fc.constantFrom('six_sigma' as const, 'project' as const, 'quality_improvement' as const),
      role: fc.constantFrom('lead' as const, 'member' as const),
    });
    const volunteering = fc.record({
      kind: fc.constantFrom('healthcare' as const, 'community' as const),
      date: dayOrMonth,
      title: optionalText,
    });
    /** A list section: absent or non-empty, as the form holds it. */
    const section = <T>(item: fc.Arbitrary<T>) =>
      fc.option(fc.array(item, { minLength: 1, maxLength: 3 }), { nil: undefined });
    const draft = fc.record({
      education: fc.array(
        fc.record({
          level: fc.constantFrom('high_school', 'associate', 'bachelor', 'master', 'doctorate'),
          field: fc.oneof(fc.constant(''), text),
          completed: fc.oneof(fc.constant(''), month),
        }),
        { maxLength: 3 },
      ),
      positions: fc.array(job, { maxLength: 4 }),
      credentials: fc
        .uniqueArray(
          id.filter((i) => i !== OTHER_CREDENTIAL),
          { maxLength: 4 },
        )
        .map((ids) => ids.map((i) => ({ id: i }))),
      memberships: fc.array(
        fc
          .record({
            id,
            since: fc.oneof(fc.constant(''), month),
            type: fc.option(fc.constantFrom('member', 'faculty', 'student'), { nil: undefined }),
          })
          .map(({ type, ...m }) => (type ? { ...m, type } : m)),
        { maxLength: 3 },
      ),
      ce: section(ce),
      projects: section(project),
      volunteering: section(volunteering),
      attestations: fc.option(fc.uniqueArray(id, { minLength: 1, maxLength: 3 }), { nil: undefined }),
    });
    const withoutAbsent = <T extends object>(d: T): T =>
      Object.fromEntries(Object.entries(d).filter(([, v]) => v !== undefined)) as T;
    fc.assert(
      fc.property(draft.map(withoutAbsent), (d) => {
        expect(draftProblems(d)).toEqual([]);
        expect(roundTrip(d)).toEqual(d);
      }),
    );

    // Other credentials (`{id: OTHER, name, ...}`): through the file once the profile format takes them.
    const other = fc.record({
      name: text,
      issuer: optionalText,
      earned: optionalMonth(month),
      expires: optionalMonth(month),
    });
    const otherAccepted = profileSchema.safeParse({
      format: 'hm-pathways/profile@1',
      credentials: [{ id: OTHER_CREDENTIAL, name: 'x' }],
    }).success;
    fc.assert(
      fc.property(draft.map(withoutAbsent), fc.array(other, { minLength: 1, maxLength: 3 }), (d, others) => {
        const withOthers = { ...d, otherCredentials: others };
        expect(draftProblems(withOthers)).toEqual([]);
        expect(fromProfile(toProfile(withOthers))).toEqual(withOthers);
        if (otherAccepted) expect(roundTrip(withOthers)).toEqual(withOthers);
      }),
    );
  });

  it('keeps what the form does not show, and full dates while their month is unchanged', () => {
    const profile = {
      format: 'hm-pathways/profile@1',
      name: 'Jordan Lee',
      education: [{ level: 'bachelor', field: 'nursing', completed: '2014-05-20' }],
      positions: [
        { title: 'Nurse', role: 'staff_nurse', start: '2014-07-07', end: '2020-06-30', fte: 0.8, kinds: [] },
      ],
      credentials: [{ id: 'CPHQ', earned: '2019-04', status: 'lapsed' }],
      ce: [{ date: '2025-03-14', hours: 6, provider: 'ANA' }],
      memberships: [{ id: 'HFMA', since: '2015-09-01', until: '2024-01', type: 'regular' }],
      goals: { targetRole: 'director_of_quality' },
    };
    const draft = fromProfile(profile);
    expect(draft.positions[0]).toMatchObject({ start: '2014-07', end: '2020-06', role: 'staff_nurse' });
    expect(draft.positions[0]!.kept).toBeUndefined();
    expect(draft.ce).toEqual([
      { date: '2025-03-14', hours: 6, provider: 'ANA', title: '', category: '', credits: [] },
    ]);
    expect(draft.memberships[0]).toMatchObject({ type: 'regular', kept: { until: '2024-01' } });
    expect(toProfile(draft)).toEqual(profile);
    expect(roundTrip(draft)).toEqual(draft);
    // The job's role, the CE activity and the membership type are on the form now.
    expect(keptSummary(draft)).toEqual([
      'your name (Jordan Lee)',
      'goals',
      'details of credential CPHQ (earned, status)',
      'details of membership 1 (until)',
    ]);

    // A changed month forgets the day it came with.
    const moved = updateJob(draft.positions[0]!, { end: '2020-07' });
    expect(moved.exactDates).toEqual({ start: '2014-07-07' });
    expect(toProfile({ ...draft, positions: [moved] }).positions).toMatchObject([
      { start: '2014-07-07', end: '2020-07' },
    ]);
  });

  it('keeps the details of a credential still held when others are added or removed', () => {
    const before = [{ id: 'CPHQ', kept: { status: 'lapsed' } }, { id: 'RN_LICENSE' }];
    expect(credentialsFor(['RN_LICENSE', 'CPHQ', 'PMP'], before)).toEqual([
      { id: 'RN_LICENSE' },
      { id: 'CPHQ', kept: { status: 'lapsed' } },
      { id: 'PMP' },
    ]);
  });

  it('gives every example profile back unchanged (after the format fills in its defaults)', async () => {
    const { readFile, readdir } = await import('node:fs/promises');
    const dir = new URL('../../../../examples/', import.meta.url);
    const files = (await readdir(dir)).filter((f) => /\.(ya?ml|json)$/.test(f));
    expect(files.length).toBeGreaterThanOrEqual(6);
    for (const file of files) {
      const text = await readFile(new URL(file, dir), 'utf8');
      const draft = readProfileFile(text, file);
      const written = JSON.parse(profileFileText(draft)) as unknown;
      const original = profileSchema.parse(
        file.endsWith('.json') ? JSON.parse(text) : (await import('yaml')).parse(text),
      );
      expect(profileSchema.parse(written), file).toEqual(original);
      expect(roundTrip(draft), file).toEqual(draft);
    }
  });
});

describe('a job is current or has an end month', () => {
  const past: JobDraft = { ...newJob(), title: 'Staff Nurse', start: '2014-07', current: false };

  it('a past job without an end month is a problem the server could not see', () => {
    expect(draftProblems({ ...nurseManager, positions: [past] })).toEqual([
      { field: 'positions.0.end', where: 'Job 1, Ended (month)', message: missingEndMessage, silent: true },
    ]);
    expect(missingEndMessage).toBe("Add the month this job ended, or tick 'I still work here'");
  });

  it('ticking "I still work here" clears the end month; unticking leaves it to be filled in', () => {
    const ended = updateJob(past, { end: '2018-06' });
    expect(draftProblems({ ...nurseManager, positions: [ended] })).toEqual([]);
    const current = updateJob(ended, { current: true });
    expect(current).toMatchObject({ current: true, end: '' });
    const unticked = updateJob(current, { current: false });
    expect(unticked).toMatchObject({ current: false, end: '' });
    expect(draftProblems({ ...nurseManager, positions: [unticked] }).map((p) => p.field)).toEqual([
      'positions.0.end',
    ]);
  });

  it('names every other problem that would make the file unreadable', () => {
    const draft: ProfileDraft = {
      education: [{ level: 'bachelor', field: '', completed: '2014' }],
      positions: [
        { ...newJob(), fte: 0 },
        { ...past, end: '2013-01', fte: '' },
        { ...past, end: '2015-01', fte: 1.5 },
      ],
      credentials: [],
      memberships: [{ id: '', since: '' }],
    };
    expect(draftProblems(draft).map((p) => `${p.where}: ${p.message}${p.silent ? ' (silent)' : ''}`)).toEqual(
      [
        'Degree 1, Completed (month): Enter a month',
        'Job 1, Job title: Enter the job title',
        'Job 1, Started (month): Enter the month you started',
        'Job 1, Share of full time (FTE): Enter a share of full time from 0.05 to 1 (1 = full time)',
        'Job 2, Ended (month): The job cannot end before it started',
        'Job 2, Share of full time (FTE): Enter a share of full time from 0.05 to 1 (1 = full time)',
        'Job 3, Share of full time (FTE): Enter a share of full time from 0.05 to 1 (1 = full time)',
        'Membership 1, Organization: Choose the organization',
      ],
    );
  });
});

describe('the form kept in this browser', () => {
  it('comes back from storage exactly, a half-filled past job included', () => {
    const draft: ProfileDraft = {
      ...nurseManager,
      positions: [
        ...nurseManager.positions,
        { ...newJob(), title: 'Charge Nurse', current: false, fte: '0.' },
      ],
    };
    expect(draftFromStorage(JSON.parse(JSON.stringify(draft)))).toEqual(draft);
  });

  it('turns anything odd into empty fields', () => {
    expect(draftFromStorage('nonsense')).toEqual({
      education: [],
      positions: [],
      credentials: [],
      memberships: [],
    });
    expect(
      draftFromStorage({ positions: [{ title: 3, current: true, end: '2020-01', kinds: ['a', 1] }] })
        .positions,
    ).toEqual([{ title: '', start: '', end: '', current: true, fte: 1, kinds: ['a'] }]);
  });
});

describe('sections not answered yet', () => {
  const base: ProfileDraft = { education: [], positions: [], credentials: [], memberships: [] };

  it('are the empty ones the person did not mark "I have none"', () => {
    expect(unansweredSections(base)).toEqual([
      'memberships',
      'ce',
      'volunteering',
      'projects',
      'attestations',
    ]);
    expect(
      unansweredSections({
        ...base,
        ce: [{ date: '2026-01', hours: 2, provider: '', title: '', category: '', credits: [] }],
        none: ['projects', 'memberships'],
        attestations: ['FACHE_REFERENCES'],
      }),
    ).toEqual(['volunteering']);
  });

  it('"I have none", a role and "none of these" survive a reload but are not written to the profile', () => {
    const draft: ProfileDraft = {
      ...base,
      positions: [{ ...newJob(), title: 'Unit Clerk', start: '2020-01', noRole: true }],
      none: ['ce'],
    };
    expect(draftFromStorage(JSON.parse(JSON.stringify(draft)))).toEqual(draft);
    const profile = toProfile(draft);
    expect(profile).not.toHaveProperty('none');
    expect((profile.positions as object[])[0]).not.toHaveProperty('noRole');
  });
});

import { describe, expect, it } from 'vitest';
import type { SectionItem } from '../../api/recordTypes';
import {
  blankDraft,
  draftOf,
  draftProblemsOf,
  EDITED_SECTIONS,
  idLabels,
  itemOf,
  summaryOf,
  type EditedSection,
} from './recordDrafts';

const items: Record<EditedSection, Record<string, unknown>> = {
  education: { level: 'master', field: 'health administration (MHA)', completed: '2007-05-20' },
  positions: {
    title: 'Nurse Manager',
    role: 'nurse-manager',
    start: '2020-07',
    end: '2024-06-15',
    fte: 0.8,
    kinds: ['healthcare', 'nurse_manager'],
  },
  credentials: { id: 'FACHE', earned: '2021-01', expires: '2027-12-31', status: 'active' },
  ce: {
    date: '2026-02-05',
    hours: 6,
    provider: 'ACHE',
    title: 'Virtual panel',
    category: 'ache_virtual_interactive',
    credits: [{ unit: 'pmi_pdu', amount: 6, category: 'pmi_power_skills' }],
  },
  memberships: { id: 'ACHE', since: '2009-03', until: '2030-01', type: 'member' },
  projects: { title: 'Reduce ED boarding', completed: '2023-09', kind: 'six_sigma', role: 'lead' },
  volunteering: { kind: 'community', date: '2024-10', title: 'Food bank' },
};

describe('drafts of record items', () => {
  it.each(EDITED_SECTIONS)(
    '%s: an item read into its editor and saved unchanged is the same item',
    (section) => {
      const item = items[section];
      const draft = draftOf(section, item as unknown as SectionItem);
      expect(itemOf(section, draft, item as unknown as SectionItem)).toEqual(item);
    },
  );

  it('leaves out empty optional fields and trims text', () => {
    const ce = { ...blankDraft.ce(), date: '2026-01-10', hours: '3', provider: '  NAHQ ', title: '' };
    expect(itemOf('ce', ce)).toEqual({ date: '2026-01-10', hours: 3, provider: 'NAHQ' });
    const credential = { ...blankDraft.credentials(), id: 'CPHQ' };
    expect(itemOf('credentials', credential)).toEqual({ id: 'CPHQ', status: 'active' });
  });

  it('sends hours that are missing or not a number for the server to name', () => {
    expect(itemOf('ce', { ...blankDraft.ce(), date: '2026-01-10' })).not.toHaveProperty('hours');
    expect(itemOf('ce', { ...blankDraft.ce(), date: '2026-01-10', hours: 'six' })).toMatchObject({
      hours: 'six',
    });
  });

  it('a current job has no end; a changed month forgets the full date it came from', () => {
    const job = draftOf('positions', items.positions as unknown as SectionItem);
    expect(itemOf('positions', { ...job, current: true, end: '' })).not.toHaveProperty('end');
    expect(itemOf('positions', { ...job, end: '2024-07' })).toMatchObject({ end: '2024-07' });
  });

  it('keeps fields an editor does not show', () => {
    const before = { ...items.credentials, extra: 'kept' } as unknown as SectionItem;
    const draft = draftOf('credentials', before);
    expect(itemOf('credentials', { ...draft, expires: '' }, before)).toEqual({
      id: 'FACHE',
      earned: '2021-01',
      status: 'active',
      extra: 'kept',
    });
  });
});

describe('problems seen before sending', () => {
  it("names a past job's missing end month on its field, as the quick check does", () => {
    const job = { ...blankDraft.positions(), title: 'Analyst', start: '2020-01', current: false };
    expect(draftProblemsOf('positions', job)).toEqual({
      end: "Add the month this job ended, or tick 'I still work here'",
    });
    expect(draftProblemsOf('positions', { ...job, current: true })).toEqual({});
  });

  it('leaves other sections to the server', () => {
    expect(draftProblemsOf('ce', blankDraft.ce())).toEqual({});
  });
});

describe('summaries', () => {
  it('describes items in plain words', () => {
    const job = summaryOf('positions', items.positions as unknown as SectionItem, idLabels);
    expect(job).toEqual({
      title: 'Nurse Manager',
      details: ['Role: nurse-manager', 'Jul 2020 – 15 Jun 2024', '0.8 of full time'],
      tags: ['healthcare', 'nurse_manager'],
    });
    const ce = summaryOf('ce', items.ce as unknown as SectionItem, idLabels);
    expect(ce.details).toEqual([
      '5 Feb 2026',
      '6 hours',
      'ACHE',
      'ache_virtual_interactive',
      '6 × pmi_pdu (pmi_power_skills)',
    ]);
    expect(summaryOf('education', items.education as unknown as SectionItem, idLabels).title).toBe(
      "Master's degree, health administration (MHA)",
    );
  });
});

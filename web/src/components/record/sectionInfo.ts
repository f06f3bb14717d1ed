/** How "My record" names each section and its items. */
import type { EditedSection } from './recordDrafts';

export interface SectionInfo {
  title: string;
  hint: string;
  /** One item, lower case: "job" gives "Edit job", "Delete this job?". */
  noun: string;
  addLabel: string;
  emptyText: string;
}

export const sectionInfo: Record<EditedSection, SectionInfo> = {
  education: {
    title: 'Degrees',
    hint: 'Every degree you hold or are finishing. The level decides which pathway of a certification applies.',
    noun: 'degree',
    addLabel: 'Add a degree',
    emptyText: 'No degrees yet.',
  },
  positions: {
    title: 'Jobs',
    hint: 'Your jobs, current and past. The questions about each job decide what its months count as.',
    noun: 'job',
    addLabel: 'Add a job',
    emptyText: 'No jobs yet. Most certifications count months of experience: add your first job.',
  },
  credentials: {
    title: 'Credentials held',
    hint: 'Certifications and licences you hold. Your dashboard tracks their renewal.',
    noun: 'credential',
    addLabel: 'Add a credential',
    emptyText: 'No credentials yet.',
  },
  ce: {
    title: 'Continuing education',
    hint: 'Courses, conferences and webinars, with their hours. They count toward renewals and some eligibility rules.',
    noun: 'activity',
    addLabel: 'Add an activity',
    emptyText: 'No continuing-education activities yet.',
  },
  memberships: {
    title: 'Memberships',
    hint: 'Professional associations you belong to. Some certifications ask for membership and how long you have held it.',
    noun: 'membership',
    addLabel: 'Add a membership',
    emptyText: 'No memberships yet.',
  },
  projects: {
    title: 'Projects',
    hint: 'Improvement and project work you completed or led.',
    noun: 'project',
    addLabel: 'Add a project',
    emptyText: 'No projects yet.',
  },
  volunteering: {
    title: 'Volunteering',
    hint: 'Volunteer work in healthcare or in your community (FACHE renewal asks for some).',
    noun: 'volunteer activity',
    addLabel: 'Add volunteer work',
    emptyText: 'No volunteer work yet.',
  },
};

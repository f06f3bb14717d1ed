/**
 * Types of /api/me (my record, import, dashboard, planned exams), taken from the server's own
 * services with type-only imports, so that nothing from the server ends up in the browser bundle
 * and a change on the server is a type error here.
 */
import type { Deadline, Dashboard, NextStep } from '../../../src/services/dashboard-service';
import type {
  ImportMode,
  ImportPreview,
  ImportResult,
  PlannedExam,
  ProfileFields,
  ProfileFieldsPatch,
  RecordItem,
  RecordSections,
  SectionChange,
  SectionItem,
} from '../../../src/services/record-service';
import type { RecordSection } from '../../../src/storage/tables';

export type {
  CategoryProgress,
  CredentialRenewal,
  OptionProgress,
  RenewalReport,
  RenewalStatus,
} from '../../../src/core/renewal';
export type {
  Dashboard,
  Deadline,
  ImportMode,
  ImportPreview,
  ImportResult,
  NextStep,
  PlannedExam,
  ProfileFields,
  ProfileFieldsPatch,
  RecordItem,
  RecordSection,
  RecordSections,
  SectionChange,
  SectionItem,
};

/** GET /api/me/record. */
export interface MyRecord {
  fields: ProfileFields;
  sections: RecordSections;
  /** Changes whenever the record changes. */
  revision: string;
}

/** The body of POST /api/me/planned-exams. */
export interface PlannedExamInput {
  certificationId: string;
  /** YYYY-MM-DD */
  date: string;
  note?: string;
}

/** A 400's problems: `path` is the item's own field (`end`, `credits[0].amount`) or `profile.positions[0].start`. */
export interface RecordIssue {
  path: string;
  message: string;
}

/**
 * The recommendations form's state, its checks (the same limits the API applies, so a mistake is
 * shown under its field before anything is sent) and the constraints sent to POST /api/recommendations.
 */
import type { RecommendConstraints } from '../../api/career';

export interface ConstraintsDraft {
  budget: number | string;
  hoursPerWeek: number | string;
  onlineOnly: boolean;
  accreditationRequired: boolean;
  finishBy: string;
  includeCertifications: boolean;
}

export const emptyConstraints: ConstraintsDraft = {
  budget: '',
  hoursPerWeek: '',
  onlineOnly: false,
  accreditationRequired: false,
  finishBy: '',
  includeCertifications: true,
};

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The form's problems by field, and the constraints to send when there are none. */
export function constraintsFromDraft(draft: ConstraintsDraft): {
  errors: Partial<Record<keyof ConstraintsDraft, string>>;
  constraints: RecommendConstraints;
} {
  const errors: Partial<Record<keyof ConstraintsDraft, string>> = {};
  const constraints: RecommendConstraints = {
    include: draft.includeCertifications ? ['programs', 'certifications'] : ['programs'],
  };
  if (draft.budget !== '') {
    const budget = Number(draft.budget);
    if (!Number.isFinite(budget)) errors.budget = 'Enter an amount in US dollars';
    else if (budget < 0) errors.budget = 'The budget must be 0 or more';
    else if (budget > 10_000_000) errors.budget = 'The budget must be at most $10,000,000';
    else constraints.budget = budget;
  }
  if (draft.hoursPerWeek !== '') {
    const hours = Number(draft.hoursPerWeek);
    if (!Number.isFinite(hours)) errors.hoursPerWeek = 'Enter a number of hours';
    else if (hours <= 0) errors.hoursPerWeek = 'Hours per week must be more than 0';
    else if (hours > 80) errors.hoursPerWeek = 'Hours per week must be at most 80';
    else constraints.hoursPerWeek = hours;
  }
  if (draft.finishBy !== '') {
    if (!DAY.test(draft.finishBy) || Number.isNaN(Date.parse(draft.finishBy)))
      errors.finishBy = 'Enter a date as YYYY-MM-DD';
    else constraints.finishBy = draft.finishBy;
  }
  if (draft.onlineOnly) constraints.onlineOnly = true;
  if (draft.accreditationRequired) constraints.accreditationRequired = true;
  return { errors, constraints };
}

/** The API's paths (`constraints.budget`) to the form's fields. */
export const serverFields: Record<string, keyof ConstraintsDraft> = {
  'constraints.budget': 'budget',
  'constraints.hoursPerWeek': 'hoursPerWeek',
  'constraints.finishBy': 'finishBy',
  'constraints.onlineOnly': 'onlineOnly',
  'constraints.accreditationRequired': 'accreditationRequired',
  'constraints.include': 'includeCertifications',
};

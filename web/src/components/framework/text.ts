/** Words for the competency framework page: topic names and licence terms. */
import type { CompetencyTopic } from '../../../../src/catalog/career-schema';

export const topicLabels: Record<CompetencyTopic, string> = {
  leadership: 'Leadership',
  communication: 'Communication',
  professionalism: 'Professionalism',
  strategy: 'Strategy',
  finance_budgeting: 'Finance and budgeting',
  policy: 'Policy',
  quality_patient_safety: 'Quality and patient safety',
  human_resources: 'Human resources',
  regulatory_compliance: 'Regulatory compliance',
  data_analytics: 'Data analytics',
  digital_health_it: 'Digital health and IT',
  process_redesign: 'Process redesign',
  medical_literacy: 'Medical literacy',
  operations: 'Operations',
};

export type Licence = 'open' | 'summaries_only' | 'names_and_links_only';

export const licenceInfo: Record<Licence, { label: string; color: string; explanation: string }> = {
  open: { label: 'Open', color: 'green', explanation: 'Open to reuse; we still write our own summaries.' },
  summaries_only: {
    label: 'Summaries only',
    color: 'blue',
    explanation: 'We write our own summaries; none of its text is copied here.',
  },
  names_and_links_only: {
    label: 'Names and links only',
    color: 'orange',
    explanation: 'Only the names of its competencies and a link to it are shown here, nothing more.',
  },
};

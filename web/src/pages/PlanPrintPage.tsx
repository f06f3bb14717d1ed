import { useDocumentTitle } from '@mantine/hooks';
import { Link, useSearchParams } from 'react-router';
import { loadDone, progressOf } from '../components/plan/doneStorage';
import { readParams, writeParams } from '../components/plan/planParams';
import {
  durationText,
  kindLabels,
  planLabelWords,
  stepCost,
  stepDates,
  totalCost,
} from '../components/plan/stepText';
import { usePlanResult } from '../components/plan/usePlanResult';
import '../components/plan/plan.css';
import { formatDate, formatUsd } from '../lib/format';

const today = () => new Date().toISOString().slice(0, 10);

/**
 * /plan/print: the chosen plan on one plain page (no navigation, black on white) to print or to
 * save as PDF with the browser's own "Save as PDF".
 */
export function PlanPrintPage() {
  useDocumentTitle('Plan (print) · Healthcare Management Pathways');
  const [search] = useSearchParams();
  const params = readParams(search);
  const { roles, saved, result, error, index, plan } = usePlanResult(params);
  const done = new Set(params.saved ? (saved.data?.done ?? []) : result ? loadDone(result.to.id) : []);
  const titleOf = (id: string) => roles.data?.roles.find((r) => r.id === id)?.title ?? id;
  const back = `/plan?${writeParams(params).toString()}`;

  return (
    <main className="plan-print" id="main" data-testid="plan-print">
      <div
        className="plan-print-hide"
        style={{ display: 'flex', gap: 12, flexWrap: 'wrap', marginBottom: 16 }}
      >
        <button type="button" onClick={() => window.print()} style={{ padding: '8px 14px', fontSize: 15 }}>
          Print / Save as PDF
        </button>
        <Link to={back} style={{ alignSelf: 'center', color: '#1c3faa' }}>
          Back to the plan
        </Link>
      </div>
      <p className="plan-print-hide" style={{ fontSize: 14, marginTop: 0 }}>
        To keep a PDF, choose &ldquo;Save as PDF&rdquo; (or &ldquo;Microsoft Print to PDF&rdquo;) as the
        printer in the print dialog.
      </p>

      {!params.to && !params.saved && <p>No plan chosen: open a plan on the Plan page first.</p>}
      {error && <p role="alert">Could not make the plan: {error.message}</p>}
      {!result && !error && (params.to || params.saved) && <p role="status">Working out your plan…</p>}

      {result && !plan && (
        <>
          <h1>
            From {result.from.title} to {result.to.title}
          </h1>
          <p>No plan meets the constraints:</p>
          <ul>
            {result.blocked.map((b) => (
              <li key={b.message}>{b.message}</li>
            ))}
          </ul>
        </>
      )}

      {result && plan && (
        <>
          <h1 style={{ fontSize: 26, marginBottom: 4 }}>
            Career plan: from {result.from.title} to {result.to.title}
          </h1>
          <p style={{ marginTop: 0 }}>
            Plan {index + 1} of {result.plans.length} ({planLabelWords[plan.label].toLowerCase()}): reach{' '}
            {result.to.title} on {formatDate(plan.reached)} (in {durationText(result.asOf, plan.reached)}) for{' '}
            {totalCost(plan.totals)} in all
            {plan.totals.perYear.length > 0 &&
              ` (per plan year: ${plan.totals.perYear.map((y) => `year ${y.year} ${formatUsd(y.usd)}`).join(', ')})`}
            . Made on {formatDate(today())}, planned as of {formatDate(result.asOf)}.{' '}
            {progressOf(plan.steps, [...done]).text}.
          </p>
          <p>{plan.labelText}</p>

          <h2 style={{ fontSize: 18 }}>The path</h2>
          <ol data-testid="print-path">
            {plan.path.map((id) => (
              <li key={id}>{titleOf(id)}</li>
            ))}
          </ol>

          {plan.targetCertifications.length > 0 && (
            <>
              <h2 style={{ fontSize: 18 }}>{result.to.title}: certifications on this plan</h2>
              <ul data-testid="print-target-certifications">
                {plan.targetCertifications.map((t) => (
                  <li key={t.id}>
                    <strong>{t.name}</strong>:{' '}
                    {t.held
                      ? 'you hold it'
                      : t.date
                        ? `exam by ${formatDate(t.date)}`
                        : `no date — ${t.reason}`}
                  </li>
                ))}
              </ul>
            </>
          )}

          <h2 style={{ fontSize: 18 }}>Steps</h2>
          <table data-testid="print-table" className="plan-print-table">
            <caption style={{ textAlign: 'left', marginBottom: 4 }}>
              Every step in date order, with its dates, cost and why it is in the plan.
            </caption>
            <thead>
              <tr>
                <th scope="col">Done</th>
                <th scope="col">Step</th>
                <th scope="col">Dates</th>
                <th scope="col">Cost</th>
                <th scope="col">Why</th>
              </tr>
            </thead>
            <tbody>
              {plan.steps.map((step) => (
                <tr key={step.id} data-step={step.id}>
                  <td data-label="Done" className="plan-print-nowrap">
                    {step.kind === 'start' ? 'Now' : done.has(step.id) ? '✓ done' : '☐ to do'}
                  </td>
                  <td data-label="Step">
                    <strong>{step.title}</strong>
                    <br />
                    {kindLabels[step.kind]}
                    {step.judgement ? ' (our judgement)' : ''}
                    {step.confirmWhenHeld ? ' (you confirm this when you hold the role)' : ''}
                  </td>
                  <td data-label="Dates" className="plan-print-nowrap">
                    {stepDates(step)}
                  </td>
                  <td data-label="Cost">{stepCost(step) || '—'}</td>
                  <td data-label="Why">{step.why}</td>
                </tr>
              ))}
            </tbody>
          </table>

          {plan.notes.length > 0 && (
            <>
              <h2 style={{ fontSize: 18 }}>Notes</h2>
              <ul>
                {plan.notes.map((n) => (
                  <li key={n}>{n}</li>
                ))}
              </ul>
            </>
          )}
          {result.blocked.length > 0 && (
            <>
              <h2 style={{ fontSize: 18 }}>Constraints not met</h2>
              <ul>
                {result.blocked.map((b) => (
                  <li key={b.message}>{b.message}</li>
                ))}
              </ul>
            </>
          )}
          <p style={{ borderTop: '1px solid #000', paddingTop: 8, fontSize: 13 }}>
            Guidance, not a ruling: confirm every requirement, date and fee with the issuing bodies before you
            pay. Typical years between roles are our judgement where marked. Made with Healthcare Management
            Pathways on {formatDate(today())}.
          </p>
        </>
      )}
    </main>
  );
}

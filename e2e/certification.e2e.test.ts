import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { CertificationPage } from './pages/CertificationPage';
import { browserCheck, useAppInBrowser } from './support/browser';

interface DetailBody {
  certification: {
    sources: Array<{ id: string }>;
    eligibility: { rules: Array<{ allPathways: unknown[]; pathways: unknown[] }> };
  };
}

describe.skipIf(!browserCheck.available)('certification page', () => {
  const app = useAppInBrowser();
  let page: Page;
  let cert: CertificationPage;

  const detail = async (id: string) =>
    (await (await fetch(`${app.baseUrl}/api/certifications/${id}`)).json()) as DetailBody;

  beforeEach(async () => {
    await page?.context().close();
    page = await app.newPage('desktop');
    cert = new CertificationPage(page, app.baseUrl);
  });

  it('shows CPHQ with its header, the guidance note and its renewal facts', async () => {
    await cert.goto('CPHQ');
    expect(await cert.heading.textContent()).toBe('CPHQ Certified Professional in Healthcare Quality');
    expect(await cert.page.title()).toContain('CPHQ — Certified Professional in Healthcare Quality');
    const guidance = (await cert.guidance.textContent()) ?? '';
    expect(guidance).toContain('Guidance, not a ruling — confirm with NAHQ before paying a fee.');
    expect(await cert.guidance.getByRole('link').getAttribute('href')).toBe(
      'https://nahq.org/individuals/cphq-certification/apply/',
    );
    expect(
      await page.getByRole('link', { name: /National Association for Healthcare Quality \(NAHQ\)/ }).count(),
    ).toBe(1);

    expect(await cert.fact(cert.renewal, 'Cycle').textContent()).toBe('Every 24 months (2 years)');
    const renewal = (await cert.renewal.textContent()) ?? '';
    expect(renewal).toContain('30 NAHQ CE credits of continuing education per cycle');
    expect(renewal).toContain('at least 8 NAHQ-approved CE');
    expect(renewal).toContain('Complete the NAHQ Professional Assessment once each cycle.');
  });

  it('shows the exam as a definition list, with missing values as "not stated"', async () => {
    await cert.goto('CPHQ');
    expect(await cert.fact(cert.exam, 'Questions').textContent()).toBe(
      '140 (125 scored, 15 unscored pretest)',
    );
    expect(await cert.fact(cert.exam, 'Time allowed').textContent()).toBe('180 minutes (3 hours)');
    expect(await cert.fact(cert.exam, 'Passing score').textContent()).toBe('not stated');
    expect(await cert.fact(cert.exam, 'Fees').textContent()).toContain('Non-member: $440');
    expect(await cert.exam.textContent()).toContain('Other sources say: 150 questions');
  });

  it('lists every source with its kind, page date and the sections citing it', async () => {
    const body = await detail('CPHQ');
    await cert.goto('CPHQ');
    expect(await cert.sourceItems.count()).toBe(body.certification.sources.length);
    const first = (await cert.page.locator('#source-nahq_faq').textContent()) ?? '';
    expect(first).toContain('CPHQ Frequently Asked Questions');
    expect(first).toContain("Issuer's own page");
    expect(first).toContain('Cited in: Eligibility');
    const mirror = (await cert.page.locator('#source-nahq_recert_dev_2024').textContent()) ?? '';
    expect(mirror).toContain('Copy of an issuer document');
    expect(mirror).toContain('Page date: requirements updated as of 2024-01-01');
  });

  it('explains FACHE eligibility in plain language, with conflicts and per-condition confidence', async () => {
    const body = await detail('FACHE');
    await cert.goto('FACHE');
    const current = body.certification.eligibility.rules.at(-1);
    const everyone = cert.eligibility.getByRole('list', { name: 'Everyone needs' }).getByTestId('condition');
    expect(await everyone.count()).toBe(current?.allPathways.length);
    const text = (await cert.eligibility.textContent()) ?? '';
    expect(text).toContain(
      'ACHE membership (Member, Faculty associate or International associate) for at least 12 months',
    );
    expect(text).toContain('At least 60 months (5 years) of healthcare management experience');
    expect(text).toContain('Other sources say: Three years of ACHE tenure.');
    expect(text).toContain('Route 1: Standard route');
    // The volunteering rule is less certain than the section.
    const volunteer = everyone.filter({ hasText: 'volunteer activities' });
    expect(await volunteer.textContent()).toContain('Medium confidence');
    // Every FACHE rule change is dated since the 2026-12-02 check (2017 and 2021 were undated before).
    expect(await cert.ruleHistory.getByText('Date not stated').count()).toBe(0);
    expect(await cert.ruleHistory.textContent()).toMatch(/three years to one year/);
  });

  it('shows CMPE routes, stage markers and earlier rules', async () => {
    await cert.goto('CMPE');
    expect(await cert.pathways.count()).toBe(3);
    expect(await cert.pathways.nth(1).getByRole('heading').textContent()).toBe(
      'Route 2: Early career, on track within 3 years',
    );
    expect(await cert.eligibility.getByText('Stage: needed before the award').count()).toBeGreaterThan(0);
    expect(await cert.pathways.nth(1).textContent()).toContain(
      'On track to meet all of these within 36 months (3 years)',
    );
    const earlier = cert.eligibility.getByRole('button', { name: 'In force until 31 Dec 2018' });
    await earlier.click();
    await cert.eligibility.getByText('Six months supervising staff in healthcare.').waitFor();
  });

  it('says plainly when the eligibility rules are unknown', async (ctx) => {
    const list = (await (await fetch(`${app.baseUrl}/api/certifications`)).json()) as {
      certifications: Array<{ id: string; eligibilityStatus: string }>;
    };
    const unknown = list.certifications.find((c) => c.eligibilityStatus === 'unknown');
    if (!unknown) return ctx.skip();
    await cert.goto(unknown.id);
    const alert = cert.eligibility.getByRole('alert');
    expect(await alert.textContent()).toContain(
      "Eligibility rules unknown — we could not read the issuer's rules",
    );
  });

  it('shows a friendly not-found page for an unknown certification', async () => {
    await cert.goto('NO_SUCH_CERT');
    expect(await cert.heading.textContent()).toBe('Certification not found');
    const text = (await cert.notFound.textContent()) ?? '';
    expect(text).toContain('We could not find a certification called “NO_SUCH_CERT”');
    expect(text).toContain('No certification with id "NO_SUCH_CERT"');
    await cert.notFound.getByRole('link', { name: 'Browse all certifications' }).click();
    await page.getByRole('heading', { level: 1, name: 'Certifications' }).waitFor();
  });

  it('shows a not-found page for an unknown address', async () => {
    await page.goto(`${app.baseUrl}/no/such/page`);
    await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
  });
});

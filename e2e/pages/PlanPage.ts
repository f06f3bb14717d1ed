import type { Locator, Page } from 'playwright-core';
import { field } from './fields';

/** The plan at /plan: the question, the career map, the timeline with done marks, the print view. */
export class PlanPage {
  constructor(
    readonly page: Page,
    readonly baseUrl: string,
  ) {}

  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1, name: 'Plan your path' });
  }
  get targetSelect(): Locator {
    return field(this.page, 'Where do you want to go?');
  }
  get currentSelect(): Locator {
    return field(this.page, 'Where are you now?');
  }
  get finishByInput(): Locator {
    return field(this.page, 'Finish by');
  }
  get submitButton(): Locator {
    return this.page.getByRole('button', { name: 'Make my plan' });
  }
  get result(): Locator {
    return this.page.getByTestId('plan-result');
  }
  get resultHeading(): Locator {
    return this.page.locator('#plan-result-heading');
  }
  get planTabs(): Locator {
    return this.page.getByRole('tab');
  }
  get mapSvg(): Locator {
    return this.page.getByTestId('career-map-svg');
  }
  get mapPathEdges(): Locator {
    return this.page.getByTestId('map-path-edge');
  }
  /** The map's role boxes drawn as current or target role. */
  get mapEnds(): Locator {
    return this.page.locator('[data-testid="map-role"][data-highlight="end"]');
  }
  get mapPathList(): Locator {
    return this.page.getByTestId('map-path-list').getByRole('listitem');
  }
  get rows(): Locator {
    return this.page.getByTestId('timeline-row');
  }
  get progress(): Locator {
    return this.page.getByTestId('plan-progress');
  }
  get blocked(): Locator {
    return this.page.getByTestId('plan-blocked');
  }
  /** "Your record changed since you last looked". */
  get changed(): Locator {
    return this.page.getByTestId('plan-changed');
  }
  get savedPlans(): Locator {
    return this.page.getByTestId('saved-plans').getByRole('listitem');
  }
  get printLink(): Locator {
    return this.page.getByRole('link', { name: 'Print or save as PDF' });
  }
  /** The done box of a step, by the step's title. */
  doneBox(title: string): Locator {
    return this.page.getByRole('checkbox', { name: `Done: ${title}`, exact: true });
  }
  row(stepId: string): Locator {
    return this.page.locator(`[data-testid="timeline-row"][data-step="${stepId}"]`);
  }

  async goto(query = ''): Promise<void> {
    await this.page.goto(`${this.baseUrl}/plan${query}`);
    await this.heading.waitFor();
    await this.submitButton.waitFor();
  }

  /** Chooses the target (and the current role, by visible label) and makes the plan. */
  async makePlan(target: string, current?: string, finishBy?: string): Promise<void> {
    await this.targetSelect.selectOption({ label: target });
    if (current) await this.currentSelect.selectOption({ label: current });
    if (finishBy) await this.finishByInput.fill(finishBy);
    await this.submitButton.click();
    await this.result.waitFor();
  }

  /** Waits until the timeline shows and the map has its moves. */
  async waitForPlan(): Promise<void> {
    await this.rows.first().waitFor();
    // A straight vertical edge has no width, which Playwright counts as hidden: wait for it to exist.
    await this.mapPathEdges.first().waitFor({ state: 'attached' });
  }
}

import type { Locator, Page } from 'playwright-core';

/**
 * The form control labelled exactly `label`: Mantine appends " *" to the label of a required field
 * (hidden from screen readers, but part of the label's text), which `getByLabel(…, {exact})` counts.
 */
export function field(scope: Page | Locator, label: string): Locator {
  const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return scope.getByLabel(new RegExp(`^${escaped}( \\*)?$`));
}

/** The error text Mantine shows under a control (linked by aria-describedby), or '' when none. */
export async function errorOf(control: Locator): Promise<string> {
  const ids = ((await control.getAttribute('aria-describedby')) ?? '')
    .split(' ')
    .filter((id) => id.endsWith('-error'));
  const page = control.page();
  const texts = await Promise.all(ids.map((id) => page.locator(`[id="${id}"]`).textContent()));
  return texts.filter(Boolean).join(' ');
}

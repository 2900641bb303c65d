/** Automated accessibility checks with axe-core against WCAG 2.2 AA. */
import assert from 'node:assert/strict';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Scan the page as it is now and fail with every violation spelt out. */
export async function assertNoAxeViolations(page: Page, state: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const violations = results.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    targets: v.nodes.map((n) => n.target.join(' ')),
  }));
  if (violations.length > 0) {
    console.error(`axe violations in "${state}":\n${JSON.stringify(violations, null, 2)}`);
  }
  assert.deepEqual(violations, [], `axe violations in "${state}"`);
  // Something must have been checked: an empty page passes axe trivially.
  assert.ok(results.passes.length > 0, `axe checked nothing in "${state}"`);
}

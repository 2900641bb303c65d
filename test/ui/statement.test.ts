import { describe, expect, it } from 'vitest';
import { NEEDS_REVIEW_CY, statements } from '../../src/ui/screens/statement.ts';

const shape = (lang: 'en' | 'cy') =>
  statements[lang].blocks.map((b) => (b.kind === 'ul' ? `ul${b.items.length}` : b.kind));
const texts = (lang: 'en' | 'cy') =>
  statements[lang].blocks.flatMap((b) => (b.kind === 'ul' ? b.items : [b.text]));

describe('the accessibility statement', () => {
  it('has the same sections, paragraphs and lists in English and Welsh', () => {
    expect(shape('cy')).toEqual(shape('en'));
    expect(statements.en.blocks.filter((b) => b.kind === 'h2').length).toBeGreaterThanOrEqual(7);
  });

  it('names the organisation in the same places in both, and nothing else is left to fill', () => {
    const named = (lang: 'en' | 'cy') => texts(lang).map((t) => t.includes('{organisation}'));
    expect(named('cy')).toEqual(named('en'));
    for (const text of [...texts('en'), ...texts('cy')]) {
      expect(text.replace('{organisation}', '')).not.toMatch(/[{}<>]/);
    }
  });

  it('marks for review only passages that exist', () => {
    for (const index of NEEDS_REVIEW_CY) expect(statements.cy.blocks[index]).toBeDefined();
  });
});

/**
 * Progress between two visits of the same person (scale version 1): paired items only, that is
 * items with a score at both visits, always with the basis. Declines are counted and listed like
 * gains: self-report can go down after learning ("now I know what I don't know"). Interest is
 * reported apart from skill, never merged into it. Pure: answers, bank and scale in, figures out.
 */
import { FACETS, isScore, type Answers, type Facet, type Score } from './answers.ts';
import type { Bank, Scale } from './bank/schema.ts';
import { skillPriority } from './scoring.ts';

/** One item scored at both visits. */
export interface ItemChange {
  readonly facet: Facet;
  readonly itemId: string;
  readonly before: Score;
  readonly after: Score;
  /** after − before, −4 … +4. */
  readonly change: number;
}

export interface PairedGain {
  /** Percentage points, 100 × Σ change / (4 × paired), rounded; null with nothing paired. */
  readonly gain: number | null;
  /** The basis: items scored at both visits … */
  readonly paired: number;
  /** … of the items in the section. */
  readonly total: number;
  readonly improved: number;
  readonly unchanged: number;
  readonly declined: number;
}

export interface HeadingProgress {
  readonly headingId: string;
  readonly skill: PairedGain;
  readonly interest: PairedGain;
}

export interface Progress {
  readonly sections: Readonly<Record<Facet, PairedGain>>;
  readonly headings: readonly HeadingProgress[];
  /** Every paired item, in bank order, interest included (report it apart). */
  readonly changes: readonly ItemChange[];
  /** Skills from 2 or less to 3 or more: now done without help. */
  readonly nowIndependent: readonly string[];
  /** Skills of High priority at the first visit whose priority is lower now. */
  readonly prioritiesMet: readonly string[];
  /** Blockers from 1 or less to 3 or more. */
  readonly blockersEased: readonly string[];
}

const INDEPENDENT_AT = 3;
const EASED_AT = 3;

export function paired(
  facet: Facet,
  ids: readonly string[],
  earlier: Answers,
  later: Answers,
): ItemChange[] {
  return ids.flatMap((itemId) => {
    const before = earlier[facet][itemId];
    const after = later[facet][itemId];
    return isScore(before) && isScore(after)
      ? [{ facet, itemId, before, after, change: after - before }]
      : [];
  });
}

export function pairedGain(changes: readonly ItemChange[], total: number): PairedGain {
  const sum = changes.reduce((acc, c) => acc + c.change, 0);
  return {
    gain: gainPoints(sum, changes.length),
    paired: changes.length,
    total,
    improved: changes.filter((c) => c.change > 0).length,
    unchanged: changes.filter((c) => c.change === 0).length,
    declined: changes.filter((c) => c.change < 0).length,
  };
}

/**
 * Section gain in percentage points from the sum of the changes over the paired items, or null
 * with none paired. Halves round away from zero, so a loss and an equal gain are the same size.
 */
export function gainPoints(sumOfChanges: number, paired: number): number | null {
  if (paired === 0) return null;
  const x = (100 * sumOfChanges) / (4 * paired);
  return Math.sign(x) * Math.round(Math.abs(x));
}

export function progressBetween(
  earlier: Answers,
  later: Answers,
  bank: Bank,
  scale: Scale,
): Progress {
  const itemsOf: Record<Facet, readonly string[]> = {
    basics: bank.basics.map((i) => i.id),
    blockers: bank.blockers.map((i) => i.id),
    skill: bank.skills.map((s) => s.id),
    interest: bank.skills.map((s) => s.id),
  };
  const byFacet = Object.fromEntries(
    FACETS.map((facet) => [facet, paired(facet, itemsOf[facet], earlier, later)]),
  ) as Record<Facet, ItemChange[]>;
  const sections = Object.fromEntries(
    FACETS.map((facet) => [facet, pairedGain(byFacet[facet], itemsOf[facet].length)]),
  ) as Record<Facet, PairedGain>;

  const headings = bank.headings.map((heading) => {
    const ids = heading.skills.map((s) => s.id);
    return {
      headingId: heading.id,
      skill: pairedGain(paired('skill', ids, earlier, later), ids.length),
      interest: pairedGain(paired('interest', ids, earlier, later), ids.length),
    };
  });

  const prioritiesMet = bank.skills.flatMap((s) => {
    const then = skillPriority(earlier.skill[s.id], earlier.interest[s.id], scale);
    const now = skillPriority(later.skill[s.id], later.interest[s.id], scale);
    // Unknown now (a facet not answered) is not "met": nothing is assumed.
    return then?.band === 'high' && now && now.band !== 'high' ? [s.id] : [];
  });

  return {
    sections,
    headings,
    changes: FACETS.flatMap((facet) => byFacet[facet]),
    nowIndependent: byFacet.skill
      .filter((c) => c.before < INDEPENDENT_AT && c.after >= INDEPENDENT_AT)
      .map((c) => c.itemId),
    prioritiesMet,
    blockersEased: byFacet.blockers
      .filter((c) => c.before <= scale.flags.atOrBelow && c.after >= EASED_AT)
      .map((c) => c.itemId),
  };
}

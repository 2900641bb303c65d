/**
 * Which kinds of help to suggest for a person's flags (ASSESSMENT.md, "Signposting"). The
 * wording of each suggestion lives in the message catalogue; councils will replace it.
 */
import type { Flag } from './scoring.ts';

export const SIGNPOSTS = [
  'device',
  'data-cost',
  'connectivity',
  'place',
  'skills',
  'motivation',
  'access-needs',
] as const;
export type Signpost = (typeof SIGNPOSTS)[number];

const BY_ITEM: Readonly<Record<string, readonly Signpost[]>> = {
  B1: ['device'],
  B2: ['data-cost', 'connectivity'],
  B3: ['place'],
  K1: ['device', 'data-cost'],
  K2: ['connectivity'],
  K3: ['skills'],
  K4: ['motivation'],
  K5: ['access-needs'],
};

/** Suggestions in a fixed order, each once, whatever the number of flags behind it. */
export function signpostsFor(flags: readonly Flag[]): Signpost[] {
  const wanted = new Set(flags.flatMap((f) => BY_ITEM[f.itemId] ?? []));
  return SIGNPOSTS.filter((s) => wanted.has(s));
}

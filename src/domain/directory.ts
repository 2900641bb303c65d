/**
 * A council's services directory: the local places to get help, each for one or more kinds of
 * need (the signposts). Where an organisation has not written its own, the national suggestions
 * of ASSESSMENT.md apply; the plan shows the entries for the person's flagged barriers.
 */
import * as z from 'zod/mini';
import { SIGNPOSTS, type Signpost } from './signposting.ts';

const words = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max));
const both = (max: number) => z.strictObject({ en: words(max), cy: words(max) });

export const MAX_SERVICES = 200;

export const serviceSchema = z.strictObject({
  id: z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{0,59}$/)),
  /** The needs it helps with. */
  signposts: z.array(z.enum(SIGNPOSTS)).check(z.minLength(1)),
  name: both(120),
  description: both(500),
  /** How to reach it: a phone number, an address or opening times, as the council writes it. */
  contact: z.optional(words(200)),
  url: z.optional(z.url({ protocol: /^https?$/ })),
});
export type Service = z.infer<typeof serviceSchema>;

export const directorySchema = z.array(serviceSchema).check(
  z.maxLength(MAX_SERVICES),
  z.refine((list) => new Set(list.map((s) => s.id)).size === list.length, 'an id is used twice'),
);
export type Directory = z.infer<typeof directorySchema>;

/** The services for these needs, in directory order, each once. */
export function servicesFor(directory: Directory, signposts: readonly Signpost[]): Service[] {
  const wanted = new Set(signposts);
  return directory.filter((service) => service.signposts.some((s) => wanted.has(s)));
}

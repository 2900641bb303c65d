// The language of the server's messages, chosen per request from Accept-Language (RFC 9110
// §12.5.4). The server speaks English and Welsh; English unless the client prefers Welsh.
import type { FastifyReply, FastifyRequest } from 'fastify';

export type Language = 'en' | 'cy';

interface Range {
  /** The primary subtag, lower case (`cy` for `cy-GB`), or `*`. */
  readonly language: string;
  readonly q: number;
}

const RANGE = /^(?:\*|[a-z]{1,8}(?:-[a-z0-9]{1,8})*)$/i;
// A qvalue has at most three decimals and is never above 1.
const QVALUE = /^(?:0(?:\.\d{0,3})?|1(?:\.0{0,3})?)$/;

/** The header's ranges in order; a malformed range is skipped rather than guessed at. */
export function parseAcceptLanguage(header: string): Range[] {
  const ranges: Range[] = [];
  for (const part of header.split(',')) {
    const [tag = '', ...params] = part.split(';').map((s) => s.trim());
    if (!RANGE.test(tag)) continue;
    let q = 1;
    let valid = true;
    for (const param of params) {
      const [name, value = ''] = param.split('=').map((s) => s.trim());
      if (name?.toLowerCase() !== 'q') continue;
      valid = QVALUE.test(value);
      q = Number(value);
    }
    if (valid) ranges.push({ language: tag.toLowerCase().split('-')[0] ?? '', q });
  }
  return ranges;
}

/**
 * Welsh when the client weighs Welsh above English, or the same and lists it first. A language
 * takes the weight of its own ranges (`cy`, `cy-GB`: the highest of them), or else that of `*`;
 * q=0 means "not this one". Nothing acceptable, or no header, is English.
 */
export function chooseLanguage(header: string | undefined): Language {
  const ranges = parseAcceptLanguage(header ?? '');
  const weigh = (language: Language) => {
    const own = ranges.filter((r) => r.language === language);
    const matching = own.length > 0 ? own : ranges.filter((r) => r.language === '*');
    const q = Math.max(0, ...matching.map((r) => r.q));
    return { q, at: ranges.findIndex((r) => matching.includes(r) && r.q === q) };
  };
  const welsh = weigh('cy');
  const english = weigh('en');
  const prefersWelsh =
    welsh.q > english.q || (welsh.q === english.q && welsh.q > 0 && welsh.at < english.at);
  return prefersWelsh ? 'cy' : 'en';
}

/**
 * The language of a reply that carries messages: chosen from the request, said in
 * Content-Language, and the body declared to depend on Accept-Language.
 */
export function speakTo(request: FastifyRequest, reply: FastifyReply): Language {
  const language = chooseLanguage(request.headers['accept-language']);
  reply.header('content-language', language);
  const vary = reply.getHeader('vary');
  const listed = String(vary ?? '')
    .split(',')
    .map((s) => s.trim().toLowerCase());
  if (!listed.includes('accept-language') && !listed.includes('*')) {
    reply.header('vary', vary ? `${String(vary)}, Accept-Language` : 'Accept-Language');
  }
  return language;
}

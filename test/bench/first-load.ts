/**
 * The first-load budget: what a browser must download before the first screen shows. That is
 * index.html, its entry script and every module the entry imports statically (Vite lists them
 * as <link rel="modulepreload">, and we also follow the import statements, so nothing is missed
 * if a preload link is not emitted), plus the stylesheets, plus the message catalogue of the
 * language the first screen is in: the app loads it (dynamic import) before it shows anything.
 * Other lazily loaded chunks are not part of it. Sizes are gzip level 9, as a server sends them.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export const FIRST_LOAD_BUDGET_KIB = 70;

export interface FirstLoadFile {
  /** Path relative to the build directory, with forward slashes. */
  readonly file: string;
  readonly bytes: number;
  readonly bytesGzip: number;
}

export interface FirstLoad {
  readonly bytesGzip: number;
  readonly kib: number;
  readonly budgetKib: number;
  readonly files: readonly FirstLoadFile[];
}

const gzipSize = (content: Buffer) => gzipSync(content, { level: 9 }).length;

/** Attribute values of the tags in `html` that match `tag` and have all `required` attributes. */
function tagAttributes(html: string, tag: string): Record<string, string>[] {
  const found: Record<string, string>[] = [];
  for (const match of html.matchAll(new RegExp(`<${tag}\\b([^>]*)>`, 'gi'))) {
    const attributes: Record<string, string> = {};
    for (const a of (match[1] ?? '').matchAll(
      /([\w:-]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g,
    )) {
      attributes[(a[1] ?? '').toLowerCase()] = a[2] ?? a[3] ?? a[4] ?? '';
    }
    found.push(attributes);
  }
  return found;
}

/**
 * Specifiers of the static imports and re-exports of an ES module as emitted by the bundler
 * (`import{a as b}from"./x.js"`, `import"./x.js"`, `export{a}from"./x.js"`). Dynamic
 * `import("./x.js")` is deliberately not matched.
 */
export function staticImports(code: string): string[] {
  const pattern =
    /(?:^|[;\s}])(?:import|export)\s*(?:[\w$]+\s*,?\s*)?(?:\{[^}]*\}\s*|\*\s*(?:as\s+[\w$]+\s*)?)?(?:from\s*)?["']([^"']+)["']/g;
  return [...code.matchAll(pattern)].flatMap((m) => (m[1] === undefined ? [] : [m[1]]));
}

/** Resolve a URL from the page or a chunk to a file in the build directory. */
function toBuildPath(url: string, fromFile: string | null): string | null {
  if (/^[a-z]+:/i.test(url) || url.startsWith('//')) return null; // another origin
  const clean = url.split(/[?#]/, 1)[0] ?? '';
  if (clean.startsWith('/')) return clean.slice(1);
  const base = fromFile === null ? '' : path.posix.dirname(fromFile);
  return path.posix.normalize(path.posix.join(base, clean));
}

export async function measureFirstLoad(
  buildDir: string,
  locale: 'en' | 'cy' = 'en',
): Promise<FirstLoad> {
  const read = (file: string) => readFile(path.join(buildDir, ...file.split('/')));
  // The catalogue chunk is named after its module, src/ui/i18n/en.ts or cy.ts.
  const catalogue = (await readdir(path.join(buildDir, 'assets'))).find(
    (name) => name.startsWith(`${locale}-`) && name.endsWith('.js'),
  );
  if (!catalogue) throw new Error(`no ${locale} message catalogue chunk in ${buildDir}/assets`);
  const html = await read('index.html');
  const page = html.toString('utf8');

  const scripts = tagAttributes(page, 'script')
    .filter((a) => a['type'] === 'module')
    .flatMap((a) => a['src'] ?? []);
  const links = tagAttributes(page, 'link');
  const relIs = (a: Record<string, string>, rel: string) =>
    (a['rel'] ?? '').toLowerCase().split(/\s+/).includes(rel);
  const preloads = links.filter((a) => relIs(a, 'modulepreload')).flatMap((a) => a['href'] ?? []);
  const styles = links.filter((a) => relIs(a, 'stylesheet')).flatMap((a) => a['href'] ?? []);

  const files: FirstLoadFile[] = [
    { file: 'index.html', bytes: html.length, bytesGzip: gzipSize(html) },
  ];
  const seen = new Set<string>(['index.html']);
  const add = async (file: string) => {
    const content = await read(file);
    files.push({ file, bytes: content.length, bytesGzip: gzipSize(content) });
    return content;
  };

  // Scripts: the entry and its preloads, then everything they import statically.
  const queue = [...scripts, ...preloads, `/assets/${catalogue}`].flatMap(
    (u) => toBuildPath(u, null) ?? [],
  );
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    if (seen.has(file)) continue;
    seen.add(file);
    const code = (await add(file)).toString('utf8');
    for (const specifier of staticImports(code)) {
      const imported = toBuildPath(specifier, file);
      if (imported !== null && !seen.has(imported)) queue.push(imported);
    }
  }
  for (const href of styles) {
    const file = toBuildPath(href, null);
    if (file !== null && !seen.has(file)) {
      seen.add(file);
      await add(file);
    }
  }

  const bytesGzip = files.reduce((sum, f) => sum + f.bytesGzip, 0);
  return {
    bytesGzip,
    kib: Math.round((bytesGzip / 1024) * 100) / 100,
    budgetKib: FIRST_LOAD_BUDGET_KIB,
    files,
  };
}

/**
 * Property: a treaty of any shape (articles with or without paragraphs, lettered subparagraphs, roman items,
 * subitems, a bis article), written in any of the layouts the reader meets (Markdown as in the Dutch treaty
 * database's mirror, or the UN's plain text with wrapped lines; subparagraphs as `a)`, `(a)` or `a.`; items as `(i)`
 * or `i.`; paragraphs and items running on one line), is read back to the same tree with the same words.
 */
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { parseTreatyText, textProvisions, type TextProvision } from '../../src/text/parse.js';

interface Gen {
  number: string;
  words: string;
  children: Gen[];
}

const WORDS = ['cooperation', 'ships', 'shall', 'ensure', 'measures', 'lighthouses', 'keepers', 'coastal', 'signals', 'records', 'request', 'assistance', 'national', 'authority', 'exchange', 'information', 'training', 'harbour', 'pilots', 'weather'];
const LETTERS = 'abcdefghij';
const ROMAN = ['i', 'ii', 'iii', 'iv', 'v', 'vi'];

/** A sentence: capitalized, lower-case words after, ending with `end`. */
const sentence = (end: string) =>
  fc.array(fc.constantFrom(...WORDS), { minLength: 4, maxLength: 22 }).map((ws) => `${ws[0]![0]!.toUpperCase()}${ws[0]!.slice(1)} ${ws.slice(1).join(' ')}${end}`);

/** A list of `count` provisions numbered from `numbers`, each a leaf or holding a list made by `below`. */
function list(numbers: readonly string[], below: ((n: number) => fc.Arbitrary<Gen[]>) | undefined, max: number): fc.Arbitrary<Gen[]> {
  return fc.integer({ min: 1, max }).chain((count) =>
    fc.tuple(
      ...numbers.slice(0, count).map((number, i) => {
        const last = i === count - 1;
        const leaf = sentence(last ? '.' : ';').map((words): Gen => ({ number, words, children: [] }));
        if (!below) return leaf;
        const parent = fc.tuple(sentence(':'), below(0)).map(([words, children]): Gen => ({ number, words, children }));
        return fc.oneof({ weight: 3, arbitrary: leaf }, { weight: 1, arbitrary: parent });
      }),
    ),
  );
}

const subitems = () => list(['a', 'b', 'c'], undefined, 3);
const items = () => list(ROMAN, subitems, 4);
const subparagraphs = () => list([...LETTERS], items, 10);
const paragraphs = fc.integer({ min: 1, max: 4 }).chain((count) =>
  fc.tuple(
    ...Array.from({ length: count }, (_, i) =>
      fc.oneof(
        sentence('.').map((words): Gen => ({ number: String(i + 1), words, children: [] })),
        fc.tuple(sentence(':'), subparagraphs()).map(([words, children]): Gen => ({ number: String(i + 1), words, children })),
      ),
    ),
  ),
);

interface Article extends Gen {
  heading: string | undefined;
}

const article = (number: string) =>
  fc
    .tuple(
      fc.option(fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 4 }).map((ws) => `${ws[0]![0]!.toUpperCase()}${ws[0]!.slice(1)}${ws.length > 1 ? ` ${ws.slice(1).join(' ')}` : ''} rules`), { nil: undefined }),
      fc.oneof(
        sentence('.').map((words) => ({ words, children: [] as Gen[] })),
        fc.tuple(sentence(':'), subparagraphs()).map(([words, children]) => ({ words, children })),
        paragraphs.map((children) => ({ words: '', children })),
      ),
    )
    .map(([heading, body]): Article => ({ number, heading, ...body }));

const treaty = fc.integer({ min: 1, max: 5 }).chain((count) => {
  const numbers = Array.from({ length: count }, (_, i) => String(i + 1));
  return fc.tuple(fc.constant(numbers), fc.boolean()).chain(([ns, bis]) => {
    const all = bis && ns.length > 1 ? [ns[0]!, `${ns[0]} bis`, ...ns.slice(1)] : ns;
    return fc.tuple(...all.map(article));
  });
});

interface Layout {
  markdown: boolean;
  sub: 'half' | 'paren' | 'dot';
  item: 'paren' | 'dot';
  runOn: boolean;
  wrap: boolean;
}

const layout = fc
  .record({ markdown: fc.boolean(), sub: fc.constantFrom<Layout['sub']>('half', 'paren', 'dot'), item: fc.constantFrom<Layout['item']>('paren', 'dot'), runOn: fc.boolean(), wrap: fc.boolean() })
  // Subitems are printed `a.`: beside them subparagraphs keep `a)` or `(a)`, as in the UN's print.
  .filter((l) => !(l.sub === 'dot' && l.item === 'dot'));

function marker(level: 'paragraph' | 'subparagraph' | 'item' | 'subitem', n: string, l: Layout): string {
  switch (level) {
    case 'paragraph':
      return l.markdown ? `${n}.   ` : `${n}. `;
    case 'subparagraph':
      return l.sub === 'half' ? `${n}) ` : l.sub === 'paren' ? `(${n}) ` : `${n}. `;
    case 'item':
      return l.item === 'paren' ? `(${n}) ` : `${n}. `;
    case 'subitem':
      return `${n}. `;
  }
}

/** Wraps a long line at spaces (plain text is printed in columns). */
function wrap(line: string, l: Layout): string[] {
  if (!l.wrap || l.markdown) return [line];
  const out: string[] = [];
  let rest = line;
  while (rest.length > 60) {
    const cut = rest.lastIndexOf(' ', 60);
    if (cut <= 0) break;
    out.push(rest.slice(0, cut));
    rest = rest.slice(cut + 1);
  }
  out.push(rest);
  return out;
}

/** The same words in Dutch, word for word: enough for the reader to tell the language from the front matter. */
const DUTCH: Record<string, string> = {
  cooperation: 'samenwerking', ships: 'schepen', shall: 'zullen', ensure: 'verzekeren', measures: 'maatregelen', lighthouses: 'vuurtorens',
  keepers: 'wachters', coastal: 'kust', signals: 'signalen', records: 'registers', request: 'verzoek', assistance: 'bijstand',
  national: 'nationale', authority: 'autoriteit', exchange: 'uitwisseling', information: 'informatie', training: 'opleiding',
  harbour: 'haven', pilots: 'loodsen', weather: 'weer', rules: 'regels',
};
type Language = 'en' | 'nl';
const say = (words: string, language: Language) =>
  language === 'en' ? words : words.replace(/\p{L}+/gu, (w) => (DUTCH[w.toLowerCase()] ? (/^\p{Lu}/u.test(w) ? DUTCH[w.toLowerCase()]![0]!.toUpperCase() + DUTCH[w.toLowerCase()]!.slice(1) : DUTCH[w.toLowerCase()]!) : w));

const FRONT: Record<Language, { title: string; preamble: string; article: string; closing: string }> = {
  en: { title: 'Convention on Lights and Ships', preamble: 'The States Parties to this Convention, Desiring to cooperate, Have agreed as follows:', article: 'Article', closing: 'IN WITNESS WHEREOF, the undersigned have signed this Convention.' },
  nl: { title: 'Verdrag inzake lichten en schepen', preamble: 'De Staten die partij zijn bij dit Verdrag, Geleid door de wens samen te werken, Zijn het volgende overeengekomen:', article: 'Artikel', closing: 'TEN BLIJKE WAARVAN de ondergetekenden dit Verdrag hebben ondertekend.' },
};

function render(articles: readonly Article[], l: Layout, language: Language = 'en'): string {
  const front = FRONT[language];
  const lines: string[] = l.markdown ? [...(language === 'en' ? ["<meta http-equiv='Content-Type' content='text/html; charset=utf-8' />", ''] : []), `####${front.title}`, ''] : [front.title.toUpperCase(), ''];
  lines.push(front.preamble, '');
  const levels = ['subparagraph', 'item', 'subitem'] as const;
  for (const a of articles) {
    lines.push(l.markdown ? `### ${front.article}  ${a.number}  ` : `${front.article} ${a.number}`);
    if (l.markdown) lines.push('');
    if (a.heading) lines.push(l.markdown ? `####${say(a.heading, language)}` : say(a.heading, language), '');
    const body: string[] = [];
    if (a.words) body.push(say(a.words, language));
    const visit = (g: Gen, level: 'paragraph' | 'subparagraph' | 'item' | 'subitem') => {
      const line = `${marker(level, g.number, l)}${say(g.words, language)}`;
      const previous = body[body.length - 1];
      // Run-ons as the renderings print them: a paragraph after the end of the last one, an item after a `;`.
      if (l.runOn && previous !== undefined && ((level === 'paragraph' && l.markdown && /[.;]$/.test(previous)) || (level === 'item' && l.item === 'paren' && /;$/.test(previous)))) {
        body[body.length - 1] = `${previous}${level === 'paragraph' ? '     ' : ' '}${line}`;
      } else {
        body.push(line);
      }
      const next = level === 'paragraph' ? 'subparagraph' : levels[levels.indexOf(level as (typeof levels)[number]) + 1]!;
      for (const c of g.children) visit(c, next);
    };
    const first = a.children[0];
    for (const c of a.children) visit(c, /^\d/.test(first!.number) ? 'paragraph' : 'subparagraph');
    for (const b of body) lines.push(...wrap(b, l), ...(l.markdown ? [''] : []));
    lines.push('');
  }
  lines.push(front.closing);
  return lines.join('\n');
}

function expected(articles: readonly Article[], language: Language = 'en'): string[] {
  const out: string[] = [];
  const visit = (g: Gen, prefix: string) => {
    const key = `${prefix}${g.number.replace(' ', '')}`;
    out.push(`${key}=${say(g.words, language)}`);
    for (const c of g.children) visit(c, `${key}/`);
  };
  for (const a of articles) visit(a, '');
  return out;
}

function read(text: ReturnType<typeof parseTreatyText>, language = 'en'): string[] {
  const out: string[] = [];
  const visit = (p: TextProvision, prefix: string) => {
    const key = `${prefix}${p.number.replace(' ', '')}`;
    out.push(`${key}=${p.text[language] ?? ''}`);
    for (const c of p.children) visit(c, `${key}/`);
  };
  for (const a of text.articles) visit(a, '');
  return out;
}

/** Whether a provision holds subitems (level 0 article, 1 paragraph, 2 subparagraph, 3 item, 4 subitem). */
function hasSubitems(g: Gen, level: number): boolean {
  if (level === 4) return true;
  const below = level === 0 && !/^\d/.test(g.children[0]?.number ?? '1') ? 2 : level === 0 ? 1 : level === 1 ? 2 : level + 1;
  return g.children.some((c) => hasSubitems(c, below));
}

test('any treaty, in any layout the reader meets, reads back to the same tree and words', () => {
  fc.assert(
    fc.property(treaty, layout, (articles, l) => {
      // Subitems are printed `a.`; a text that also prints subparagraphs `a.` cannot tell "b." of one from the other.
      fc.pre(!(l.sub === 'dot' && articles.some((a) => hasSubitems(a, 0))));
      const text = parseTreatyText(render(articles, l), { languages: ['en'] });
      expect(read(text)).toEqual(expected(articles));
      expect(text.articles.map((a) => a.heading['en'])).toEqual(articles.map((a) => a.heading));
      expect(textProvisions(text).every((p) => p.languages.length === 1)).toBe(true);
      expect(text.preamble['en']).toMatch(/^The States Parties/);
    }),
    { numRuns: 300 },
  );
});

test('and followed by its translation, each section\'s language told by its words', () => {
  fc.assert(
    fc.property(treaty, layout, (articles, l) => {
      fc.pre(!(l.sub === 'dot' && articles.some((a) => hasSubitems(a, 0))));
      const text = parseTreatyText(`${render(articles, l, 'en')}\n\n${render(articles, l, 'nl')}`);
      expect(text.languages).toEqual(['en', 'nl']);
      expect(read(text, 'en')).toEqual(expected(articles, 'en'));
      expect(read(text, 'nl')).toEqual(expected(articles, 'nl'));
      expect(text.title).toEqual(l.markdown ? { en: FRONT.en.title, nl: FRONT.nl.title } : { en: FRONT.en.title.toUpperCase(), nl: FRONT.nl.title.toUpperCase() });
      expect(text.preamble).toEqual({ en: FRONT.en.preamble, nl: FRONT.nl.preamble });
      expect(text.notices).toEqual([]);
    }),
    { numRuns: 200 },
  );
});

/**
 * Round trips and fuzzing. For every provision of the graph and every style, formatting then parsing gives the
 * provision back; provisions written in randomly varied surface forms parse to themselves; and no input, random or a
 * mutation of a valid citation, makes the parser throw anything but the library's typed error.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { findCitations } from '../../src/citation/find.js';
import { formatCitation } from '../../src/citation/format.js';
import { parseCitation } from '../../src/citation/parse.js';
import { resolveCitation } from '../../src/citation/resolve.js';
import type { CitationStyle } from '../../src/citation/types.js';
import { isUntocKgError } from '../../src/errors.js';
import { loadCore } from '../../src/core.js';
import { KNOWN_INSTRUMENTS } from '../../src/model/instruments.js';
import type { ProvisionRecord } from '../../src/model/dataset.js';

const kg = loadCore();
const provisions = kg.dataset.provisions;
const STYLES: CitationStyle[] = ['un', 'short', 'long', 'eid', 'iri'];

function key(c: ReturnType<typeof parseCitation>): string {
  return c.kind === 'list' || c.kind === 'range' || c.kind === 'unresolved' ? `${c.kind}` : c.kind === 'instrument' ? c.instrument : `${c.instrument}:${c.eid}`;
}

describe('parseCitation(formatCitation(p, style)) gives back p', () => {
  test.each(STYLES)('for every provision of the graph in the %s style', (style) => {
    for (const p of provisions) {
      const text = formatCitation(p, style);
      const context = style === 'eid' ? { instrument: p.instrument } : {};
      expect(key(parseCitation(text, context)), text).toBe(`${p.instrument}:${p.eid}`);
      expect(parseCitation(text, context).kind).toBe(p.level);
    }
  });

  test('format is stable: format(parse(format(p))) === format(p)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...provisions), fc.constantFrom(...STYLES), (p, style) => {
        const once = formatCitation(p, style);
        const twice = formatCitation(parseCitation(once, style === 'eid' ? { instrument: p.instrument } : {}) as never, style);
        expect(twice).toBe(once);
      }),
      { numRuns: 2000 },
    );
  });
});

/** Writes a provision in a randomly chosen surface form, the ways people write citations. */
function surface(p: ProvisionRecord) {
  const entry = KNOWN_INSTRUMENTS.find((i) => i.id === p.instrument)!;
  const path = p.eid.split('__').map((part) => part.split('_')[1]!);
  const printed = (i: number) => (i === 0 ? p.eid.startsWith('art_') ? lookupArticleNumber(p) : path[0]! : path[i]!);
  return fc.record({
    art: fc.constantFrom('art.', 'art', 'Art.', 'article', 'Article', 'ARTICLE'),
    para: fc.constantFrom('para.', 'paragraph', 'para', '§'),
    sep: fc.constantFrom('', ' ', '  '),
    comma: fc.constantFrom('', ','),
    name: fc.constantFrom(...entry.names),
    where: fc.constantFrom('prefix', 'suffix', 'none'),
    paren: fc.boolean(),
  }).map((f) => {
    let body = `${f.art} ${printed(0)}`;
    let i = 1;
    if (path.length > 1 && p.eid.includes('__para_')) {
      body += f.paren ? `${f.sep}(${path[1]})` : `${f.comma} ${f.para} ${path[1]}`;
      i = 2;
    }
    for (; i < path.length; i++) body += `${f.sep}(${path[i]})`;
    const where = p.instrument === 'untoc' && f.where === 'none' ? 'none' : f.where === 'none' ? 'prefix' : f.where;
    return where === 'prefix' ? `${f.name}${f.comma} ${body}` : where === 'suffix' ? `${body}${f.comma} of the ${f.name}` : body;
  });
}

function lookupArticleNumber(p: ProvisionRecord): string {
  // The provision itself, or the article among the provisions above it (its IRI's `art_` segment).
  const article = p.level === 'article' ? p : kg.index.ancestorsOf(p.id).map((a) => kg.index.provisionRecord(a.id)).find((r) => r?.level === 'article')!;
  return article.number;
}

describe('provisions written in varied surface forms parse to themselves', () => {
  const articlesAndBelow = provisions.filter((p) => p.level !== 'chapter');
  test('property: any provision, any surface form', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...articlesAndBelow).chain((p) => surface(p).map((text) => ({ p, text }))),
        ({ p, text }) => {
          expect(key(parseCitation(text)), text).toBe(`${p.instrument}:${p.eid}`);
        },
      ),
      { numRuns: 3000 },
    );
  });
});

describe('fuzz: only the library\'s typed errors, never a crash', () => {
  const valid = ['art. 27 para. 1(e)', 'SOM Protocol art. 8(6)', 'arts. 7–9 of the Protocol', 'art. 5(1)(a)(ii) a.', 'paragraphs 1 and 2 of article 11', 'Model Law art. 5.A', 'chapter II of the Protocol', 'art_27__para_1__point_e'];
  const mutate = fc
    .tuple(fc.constantFrom(...valid), fc.array(fc.tuple(fc.nat(), fc.constantFrom('del', 'ins', 'rep'), fc.string({ maxLength: 2, unit: 'grapheme-ascii' })), { maxLength: 4 }))
    .map(([text, edits]) => {
      let s = text;
      for (const [at, op, chars] of edits) {
        const i = s.length === 0 ? 0 : at % s.length;
        s = op === 'del' ? s.slice(0, i) + s.slice(i + 1) : op === 'ins' ? s.slice(0, i) + chars + s.slice(i) : s.slice(0, i) + chars + s.slice(i + 1);
      }
      return s;
    });
  const anything = fc.oneof(fc.string({ maxLength: 60 }), fc.string({ maxLength: 60, unit: 'grapheme' }), mutate, mutate);

  const onlyTyped = (fn: () => unknown) => {
    try {
      fn();
    } catch (error) {
      if (!isUntocKgError(error)) throw error;
    }
  };

  test('parseCitation, resolveCitation and formatCitation on 20 000 random and mutated inputs', () => {
    fc.assert(
      fc.property(anything, (text) => {
        onlyTyped(() => parseCitation(text));
        onlyTyped(() => resolveCitation(kg, text));
        onlyTyped(() => {
          const c = parseCitation(text);
          if (c.kind !== 'list' && c.kind !== 'range' && c.kind !== 'unresolved') formatCitation(c, 'un');
        });
      }),
      { numRuns: 20_000 },
    );
  });

  test('findCitations never throws on random text', () => {
    fc.assert(
      fc.property(fc.array(anything, { maxLength: 6 }).map((parts) => parts.join(' ')), (text) => {
        for (const found of findCitations(text)) {
          expect(found.span.start).toBeGreaterThanOrEqual(0);
          expect(found.span.end).toBeLessThanOrEqual(text.length);
        }
      }),
      { numRuns: 3000 },
    );
  });
});

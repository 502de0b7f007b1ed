/**
 * Property tests over the citation functions and the helpers that see user input (seeded, bounded): whatever the
 * input, only `UntocKgError`s are thrown; every span lies inside the input; findCitations's spans are in order and do
 * not overlap; what parses as one provision formats and reads back to the same provision.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { findCitations } from '../../src/citation/find.js';
import { formatCitation } from '../../src/citation/format.js';
import { parseCitation } from '../../src/citation/parse.js';
import { resolveCitation } from '../../src/citation/resolve.js';
import type { Citation, CitationStyle, Span } from '../../src/citation/types.js';
import { loadCore } from '../../src/core.js';
import { isUntocKgError } from '../../src/errors.js';
import { sparqlValue } from '../../src/sparql/escape.js';
import { closest } from '../../src/util/closest.js';

const kg = loadCore();
const RUNS = { seed: 42, numRuns: 400 };

/** Pieces citations are made of, so that random joins often come close to a citation. */
const PIECES = [
  'art.', 'arts.', 'article', 'articles', 'para.', 'paragraph', 'subparagraph', 'item', 'chapter', 'chapters', 'of',
  'this article', 'the Convention', 'the Protocol', 'SOM Protocol', 'UNTOC', 'Model Law', 'the Charter', 'and', 'or',
  ',', ';', '-', '–', '—', 'to', '(', ')', '.', ' ', '  ', '0', '1', '5', '27', '99', '999', '1000', '9999', '10000',
  '100000000000', '1e21', 'a', 'e', 'i', 'ii', 'iv', 'x', 'II', 'MMMM', 'bis', 'ter', '5.A', 'art_27', '__', 'para_1',
  'point_e', 'chp_2', 'chp_a', 'https://w3id.org/untoc-kg/eli/un/convention/2000/untoc/', '\u00a0', '\n', 'é', '§',
];
const citationLike = fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 4 })), { maxLength: 14 }).map((parts) => parts.join(' '));
const anyText = fc.oneof(citationLike, fc.string({ maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 20 }));

/** Runs `call`; anything thrown must be the library's typed error. */
function onlyTyped<T>(call: () => T): T | undefined {
  try {
    return call();
  } catch (error) {
    if (!isUntocKgError(error)) throw error;
    return undefined;
  }
}

function inside(span: Span, text: string): boolean {
  return Number.isInteger(span.start) && Number.isInteger(span.end) && span.start >= 0 && span.start <= span.end && span.end <= text.length;
}

/** Every span of a citation and of what it holds. */
function spans(citation: Citation): Span[] {
  switch (citation.kind) {
    case 'range':
      return [citation.span, ...spans(citation.from), ...spans(citation.to)];
    case 'list':
      return [citation.span, ...citation.items.flatMap(spans)];
    default:
      return [citation.span];
  }
}

describe('parseCitation and resolveCitation', () => {
  test('throw only typed errors, and every span lies inside the input', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const citation = onlyTyped(() => parseCitation(text));
        if (citation) for (const span of spans(citation)) expect(inside(span, text), JSON.stringify(span)).toBe(true);
        onlyTyped(() => resolveCitation(kg, text));
      }),
      RUNS,
    );
  });

  test('eIds never carry a number beyond the bound', () => {
    fc.assert(
      fc.property(citationLike, (text) => {
        const citation = onlyTyped(() => parseCitation(text));
        if (citation && 'eid' in citation) expect(citation.eid).not.toMatch(/\d{5}|e\+|Infinity|NaN/);
      }),
      RUNS,
    );
  });
});

describe('formatCitation', () => {
  const STYLES: readonly CitationStyle[] = ['un', 'short', 'long', 'iri'];
  test('what parses as one provision reads back to the same provision in every style', () => {
    fc.assert(
      fc.property(citationLike, fc.constantFrom(...STYLES), (text, style) => {
        const citation = onlyTyped(() => parseCitation(text));
        if (!citation || citation.kind === 'list' || citation.kind === 'range' || citation.kind === 'unresolved') return;
        const written = onlyTyped(() => formatCitation(citation, style));
        if (written === undefined) return; // an instrument without citation names
        const again = parseCitation(written);
        expect(again.kind).toBe(citation.kind);
        expect('eid' in again && again.eid).toBe('eid' in citation && citation.eid);
        expect('instrument' in again && again.instrument).toBe(citation.instrument);
      }),
      RUNS,
    );
  });
});

describe('findCitations', () => {
  test('only typed errors; spans inside the text, in order, not overlapping, and covering their text', () => {
    fc.assert(
      fc.property(fc.array(anyText, { maxLength: 6 }).map((parts) => parts.join(' ')), (text) => {
        const found = onlyTyped(() => findCitations(text)) ?? [];
        let end = 0;
        for (const f of found) {
          expect(inside(f.span, text)).toBe(true);
          expect(f.span.start).toBeGreaterThanOrEqual(end);
          expect(f.text).toBe(text.slice(f.span.start, f.span.end));
          for (const span of spans(f.citation)) expect(inside(span, text)).toBe(true);
          end = f.span.end;
        }
      }),
      RUNS,
    );
  });
});

describe('sparqlValue and closest', () => {
  test('sparqlValue throws only typed errors, whatever it is given', () => {
    const value = fc.oneof(
      fc.string(),
      fc.double(),
      fc.boolean(),
      fc.constantFrom(null, undefined, Symbol('s'), 10n, {}, [], { iri: null }, { termType: 'Literal' }, { termType: 'NamedNode' }),
      fc.record({ iri: fc.string() }),
    );
    fc.assert(
      fc.property(value, (v) => {
        onlyTyped(() => (sparqlValue as (v: unknown) => string)(v));
      }),
      RUNS,
    );
  });

  test('closest returns candidates only, at most `limit` of them', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.array(fc.string({ maxLength: 30 }), { maxLength: 20 }), fc.integer({ min: 0, max: 5 }), (value, candidates, limit) => {
        const near = closest(value, candidates, limit);
        expect(near.length).toBeLessThanOrEqual(limit);
        for (const c of near) expect(candidates).toContain(c);
      }),
      RUNS,
    );
  });
});

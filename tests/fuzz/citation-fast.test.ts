/**
 * Property tests of the fast path of `parseCitation` (src/citation/scan.ts) against the regex reader it falls back to
 * (seeded, bounded): on generated inputs, wherever the scanner answers, it answers exactly what the reader does (the
 * same citation, spans and assumptions included); and `parseCitation` as a whole returns what the reader returns, or
 * throws the same error (code, offset, message).
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { defaultNames, NameMatcher } from '../../src/citation/names.js';
import { parseCitation, readCitation, scanToCitation } from '../../src/citation/parse.js';
import type { Citation, CitationContext } from '../../src/citation/types.js';
import { isUntocKgError } from '../../src/errors.js';

const RUNS = { seed: 42, numRuns: 1500 };

/** What a call gave: its value, or the typed error's code, offset and message. */
type Outcome = { readonly ok: Citation | undefined } | { readonly error: { code: string; offset: unknown; message: string } };

function outcome(call: () => Citation | undefined): Outcome {
  try {
    return { ok: call() };
  } catch (error) {
    if (!isUntocKgError(error)) throw error;
    return { error: { code: error.code, offset: error.offset, message: error.message } };
  }
}

const CONTEXTS: CitationContext[] = [{}, {}, {}, { instrument: 'som-protocol' }, { instrument: 'model-law' }, { protocol: 'tip-protocol' }, { instrument: 'Not An Id' }];
const NAMES = [defaultNames, defaultNames, defaultNames, new NameMatcher([{ id: 'art-act', names: ['Art Act', 'art'] }])];

/** Pieces of the forms the scanner reads, and of forms next to them that it must leave to the reader. */
const PIECES = [
  'art.', 'art', 'Art.', 'ART', 'arts.', 'artt.', 'article', 'Article', 'articles', 'para.', 'para', 'paragraph', 'paras.',
  'paragraphs', 'subparagraph', 'sub-para.', 'point', 'lit.', 'item', 'chapter', 'SOM Protocol', 'UNTOC', 'Model Law',
  'Smuggling of Migrants Protocol', 'the Protocol', 'the Convention', 'this Convention', 'this article', 'the Charter', 'of',
  'under', 'in', 'and', 'or', 'and/or', 'to', 'through', ',', ';', ':', '-', '–', '—', '(', ')', '.', '(e)', '(E)', '(1)',
  '( 2 )', '(a)', '(ii)', '(iv)', '(1a)', '(abcdefg)', 'e)', '.1', '.e', '.ii', '.A', '27', '5', '2', '8', '6', '7', '9',
  '0', '01', '99', '9999', '10000', '100000000000', 'bis', 'ter', 'e', 'ii', 'a.', 'x', '5.A', 'art_27', '__para_1',
  '__point_e', 'chp_2', 'https://w3id.org/untoc-kg/eli/un/convention/2000/untoc', '\u00a0', 'é',
];
const GLUE = ['', ' ', ' ', ' ', '  ', ', ', '\n'];
const soup = fc
  .array(fc.tuple(fc.constantFrom(...PIECES), fc.constantFrom(...GLUE)), { minLength: 1, maxLength: 12 })
  .map((parts) => parts.map(([piece, glue]) => piece + glue).join(''));

/** Citations of the common forms, built the way people write them: mostly well formed, sometimes one piece off. */
const often = <T>(good: fc.Arbitrary<T>, odd: fc.Arbitrary<T>) => fc.oneof({ arbitrary: good, weight: 6 }, { arbitrary: odd, weight: 1 });
const num = often(fc.constantFrom('1', '2', '5', '6', '8', '27', '41'), fc.constantFrom('02', '0', '10000', '2 bis', '5.A'));
const level = (...pieces: string[]) => fc.constantFrom('', ...pieces);
const sub = fc
  .tuple(
    level('(1)', ' (2)', '.1', ' para. 1', ', paragraph 6', ' para.2', '( 3 )', '(01)'),
    level('(e)', '(a)', ' (b)', '.e', '(A)', ' ( c )'),
    level('(i)', '(ii)', ' (iv)', '.ii'),
    often(fc.constant(''), fc.constantFrom('a.', '(1a)', ' subparagraph (a)', ' item (i)', 'e)', '(0)', '(g)', '(abcdefg)', '.x1')),
  )
  .map((pieces) => pieces.join(''));
const article = fc.tuple(fc.constantFrom('art. ', 'Art. ', 'article ', 'Articles ', 'arts. ', 'art ', 'ARTT. '), num, sub);
const separator = often(fc.constantFrom('–', '-', ' - ', ' to ', ' through ', ', ', ' and ', ', and ', ' or ', '; '), fc.constantFrom(' and/or ', ',', ' — '));
const continuation = often(fc.oneof(num, fc.constantFrom('(b)', '(f)', '(iii)', '(2)', 'art. 9', 'article 3(1)')), fc.constantFrom('para. 2', 'chapter II', 'x'));
const prefix = often(fc.constantFrom('', '', 'SOM Protocol ', 'UNTOC ', 'Smuggling of Migrants Protocol, ', 'the Protocol: ', 'Model Law '), fc.constantFrom('this article ', 'the Charter '));
const scope = often(
  fc.constantFrom('', '', ' of the Protocol', ' of the Convention', ', of the SOM Protocol', ' under this Protocol', ' in the Model Law'),
  fc.constantFrom(' of this article', ' of the Charter', ' of the Protocol of the Convention', ' of article 5'),
);
const trailing = often(fc.constantFrom('', '', '.', ';', ' ', ')'), fc.constantFrom(' x', '(', ' of'));
const formed = fc
  .tuple(fc.constantFrom('', ' ', '\t'), prefix, article, fc.array(fc.tuple(separator, continuation), { maxLength: 3 }), scope, trailing)
    .map(([lead, name, [keyword, n, subs], more, tail, end]) => `${lead}${name}${keyword}${n}${subs}${more.map(([s, c]) => s + c).join('')}${tail}${end}`);

/** eIds, well formed or one component off. */
const component = often(
  fc.constantFrom('art_27', 'para_1', 'point_e', 'point_ii', 'art_5', 'para_2', 'point_a'),
  fc.constantFrom('chp_2', 'list_1', 'ART_3', 'art_0', 'art_01', 'point_x-y', 'para_10000', 'point_abcdefghijklmnopq', 'art_2bis', 'point_', '_1'),
);
const eid = fc
  .tuple(fc.constantFrom('', ' '), fc.array(component, { minLength: 1, maxLength: 4 }), fc.constantFrom('__', '__', '_', '___'), fc.constantFrom('', '', ' ', '.'))
  .map(([lead, parts, glue, end]) => `${lead}${parts.join(glue)}${end}`);

const input = fc.oneof(
  { arbitrary: eid, weight: 1 },{ arbitrary: formed, weight: 4 }, { arbitrary: soup, weight: 2 }, { arbitrary: fc.string({ maxLength: 30 }), weight: 1 });

describe('the fast path of parseCitation', () => {
  test('answers exactly what the reader answers, wherever it answers', () => {
    fc.assert(
      fc.property(input, fc.constantFrom(...CONTEXTS), fc.constantFrom(...NAMES), (text, context, names) => {
        const fast = outcome(() => scanToCitation(text, context, names));
        const read = outcome(() => readCitation(text, context, names));
        if ('ok' in fast && fast.ok === undefined) return;
        expect(fast, text).toStrictEqual(read);
      }),
      RUNS,
    );
  });

  test('parseCitation returns what the reader returns, or throws the same error', () => {
    fc.assert(
      fc.property(input, fc.constantFrom(...CONTEXTS), (text, context) => {
        expect(outcome(() => parseCitation(text, context)), text).toStrictEqual(outcome(() => readCitation(text, context, defaultNames)));
      }),
      RUNS,
    );
  });

  test.each([
    ['art. 27 para. 1(e)'],
    ['article 27, paragraph 1 (e)'],
    ['Article 27(1)(e)'],
    ['Art. 27.1.e'],
    ['SOM Protocol art. 8(6)'],
    ['Smuggling of Migrants Protocol, article 8, paragraph 6'],
    ['UNTOC art. 5(1)(a)(i)'],
    ['art. 2 (i)'],
    ['arts. 7–9 of the Protocol'],
    ['art. 27 para. 1(a)–(f)'],
    ['articles 5, 6, 8 and 23 of this Convention'],
    ['art_27__para_1__point_e'],
    ['SOM Protocol'],
  ])('reads the common form %j itself, as the reader does', (text) => {
    const fast = scanToCitation(text, {}, defaultNames);
    expect(fast).toBeDefined();
    expect(fast).toStrictEqual(readCitation(text, {}, defaultNames));
  });
});

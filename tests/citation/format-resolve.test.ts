/**
 * formatCitation's styles, resolveCitation's typed errors and suggestions, and the `cite` command.
 */
import { describe, expect, test } from 'vitest';
import { formatCitation, provisionLabel } from '../../src/citation/format.js';
import { parseCitation } from '../../src/citation/parse.js';
import { resolveCitation } from '../../src/citation/resolve.js';
import { loadCore } from '../../src/core.js';
import { failure } from '../helpers/errors.js';
import { runCli } from '../helpers/io.js';

const kg = loadCore();

describe('formatCitation', () => {
  test.each([
    ['art. 27 para. 1(e)', 'un', 'article 27, paragraph 1 (e)'],
    ['art. 27 para. 1(e)', 'short', 'art. 27(1)(e)'],
    ['art. 27 para. 1(e)', 'long', 'United Nations Convention against Transnational Organized Crime, article 27, paragraph 1 (e)'],
    ['art. 27 para. 1(e)', 'eid', 'art_27__para_1__point_e'],
    ['art. 27 para. 1(e)', 'iri', 'https://w3id.org/untoc-kg/eli/un/convention/2000/untoc/art_27/para_1/point_e'],
    ['art. 2(i)', 'un', 'article 2, subparagraph (i)'],
    ['art. 5(1)(a)(ii)(a)', 'un', 'article 5, paragraph 1 (a) (ii) a.'],
    ['SOM Protocol art. 8(6)', 'un', 'article 8, paragraph 6, of the Smuggling of Migrants Protocol'],
    ['SOM Protocol art. 8', 'un', 'article 8 of the Smuggling of Migrants Protocol'],
    ['SOM Protocol art. 8(6)', 'short', 'SOM Protocol art. 8(6)'],
    ['chapter II of the Protocol', 'short', 'SOM Protocol chapter II'],
    ['Model Law art. 5.A', 'short', 'Model Law art. 5.A'],
    ['Model Law art. 5.A', 'eid', 'art_5-a'],
  ] as const)('%s in the %s style is "%s"', (input, style, expected) => {
    expect(formatCitation(parseCitation(input) as never, style)).toBe(expected);
  });

  test('accepts a provision IRI or a record', () => {
    const record = kg.index.provisionRecord(resolveCitation(kg, 'art. 27(1)(e)').targets[0]!.id)!;
    expect(formatCitation(record, 'short')).toBe('art. 27(1)(e)');
    expect(formatCitation(record.id, 'un')).toBe('article 27, paragraph 1 (e)');
  });

  test('a list or a range cannot be formatted as one provision', () => {
    expect(failure(() => formatCitation(parseCitation('arts. 7–9') as never))).toMatchObject({ code: 'invalid_input' });
  });
});

describe('provisionLabel', () => {
  test('is the short style of formatCitation with the abbreviation, for every provision of the bundled graph', () => {
    for (const record of kg.dataset.provisions) {
      const abbreviation = kg.index.instrumentRecord(record.instrument)!.abbreviation;
      const short = formatCitation(record, 'short');
      expect(provisionLabel(record, abbreviation), record.id).toBe(short.startsWith(abbreviation) ? short : `${abbreviation} ${short}`);
    }
  });

  test('an instrument without citation names: its abbreviation and the short form read off the eId', () => {
    expect(provisionLabel({ instrument: 'lighthouse', eid: 'art_3__para_1__point_b' }, 'Lighthouse Convention')).toBe('Lighthouse Convention art. 3(1)(b)');
    expect(provisionLabel({ instrument: 'lighthouse', eid: 'chp_2' }, 'Lighthouse Convention')).toBe('Lighthouse Convention chapter 2');
  });
});

describe('resolveCitation: typed errors with the nearest valid provisions', () => {
  test('unknown_provision below an existing provision says what exists', () => {
    const error = failure(() => resolveCitation(kg, 'art. 27 para. 1(g)'));
    expect(error.code).toBe('unknown_provision');
    expect(error.message).toContain('UNTOC art. 27(1) has subparagraphs (a)–(f)');
    expect(error.suggestions[0]).toBe('art. 27(1)(f)');
  });

  test('an article number past the end suggests the likely typo first', () => {
    const error = failure(() => resolveCitation(kg, 'art. 72'));
    expect(error.message).toContain('UNTOC has articles 1–41');
    expect(error.suggestions[0]).toBe('art. 27');
  });

  test('a partial instrument says so', () => {
    expect(failure(() => resolveCitation(kg, '1988 Convention art. 7(3)')).message).toMatch(/holds only part of 1988 Convention/);
  });

  test('unknown_instrument for an instrument the graph does not hold', () => {
    expect(failure(() => resolveCitation(kg, 'article 35 of the Charter')).code).toBe('unknown_instrument');
  });

  test('ambiguous for a relative reference without context', () => {
    expect(failure(() => resolveCitation(kg, 'paragraph 2 of this article')).code).toBe('ambiguous');
    expect(resolveCitation(kg, 'paragraph 2 of this article', { article: '16' }).targets).toHaveLength(1);
  });

  test('syntax with offset and what was expected', () => {
    expect(failure(() => resolveCitation(kg, 'art. 27 para.'))).toMatchObject({ code: 'syntax', offset: 13, expected: 'a paragraph number' });
  });

  test('a range that runs backwards', () => {
    expect(failure(() => resolveCitation(kg, 'arts. 9–7')).code).toBe('syntax');
  });

  test('assumptions travel with the resolution', () => {
    expect(resolveCitation(kg, 'arts. 7–9 of the Protocol').assumptions).toHaveLength(1);
  });
});

describe('untoc-kg cite', () => {
  test('prints each provision in the chosen style with its heading', async () => {
    const result = await runCli('cite', 'SOM Protocol art. 8(6)', '--style', 'long');
    expect(result).toMatchObject({ code: 0, out: 'Protocol against the Smuggling of Migrants by Land, Sea and Air, article 8, paragraph 6\n' });
  });

  test('--json', async () => {
    const result = await runCli('cite', 'art. 27 para. 1(a)–(f)', '--json');
    const json = JSON.parse(result.out) as { kind: string; provisions: { eid: string; citation: string }[] };
    expect(json.kind).toBe('range');
    expect(json.provisions.map((p) => p.citation)).toEqual(['art. 27(1)(a)', 'art. 27(1)(b)', 'art. 27(1)(c)', 'art. 27(1)(d)', 'art. 27(1)(e)', 'art. 27(1)(f)']);
  });

  test('an unknown provision: one line on stderr with the suggestion, exit 2', async () => {
    const result = await runCli('cite', 'art. 27(1)(g)');
    expect(result.code).toBe(2);
    expect(result.out).toBe('');
    expect(result.err).toMatch(/^untoc-kg: .*subparagraphs \(a\)–\(f\).*did you mean art\. 27\(1\)\(f\)\? \[unknown_provision\]\n$/);
  });

  test('no citation, or an unknown style: usage errors', async () => {
    expect((await runCli('cite')).code).toBe(2);
    expect((await runCli('cite', 'art. 1', '--style', 'fancy')).err).toMatch(/unknown style "fancy"/);
  });
});

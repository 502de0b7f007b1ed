import { describe, expect, test } from 'vitest';
import { CorpusInvalidError, readCorpus, readCorpusLines, type CorpusRowError } from '../../src/corpus/read.js';
import { corpusJsonSchema } from '../../src/corpus/records.js';
import { loadCore } from '../../src/core.js';
import { EXAMPLE_CORPUS, exampleLines } from './helpers.js';

const kg = loadCore();
const good = [...EXAMPLE_CORPUS] as Record<string, unknown>[];

/** The errors of a corpus (it must fail), as `line field code`. */
function errorsOf(records: readonly (object | string)[]): CorpusRowError[] {
  const text = records.map((r) => (typeof r === 'string' ? r : JSON.stringify(r))).join('\n');
  try {
    readCorpusLines(kg, text);
  } catch (error) {
    expect(error).toBeInstanceOf(CorpusInvalidError);
    expect((error as CorpusInvalidError).code).toBe('corpus_invalid');
    return [...(error as CorpusInvalidError).errors];
  }
  throw new Error('the corpus was accepted');
}
const brief = (e: CorpusRowError) => `${e.line} ${e.field ?? '-'} ${e.code}`;
const law = good[2]!;
const section = good[3]!;
const kase = good[7]!;

describe('the example corpus', () => {
  test('reads whole: laws, nested sections, cases, links with their provenance', () => {
    const { corpus, errors } = readCorpusLines(kg, exampleLines());
    expect(errors).toEqual([]);
    expect(corpus).toMatchObject({ id: 'example', synthetic: true, graph: 'https://w3id.org/untoc-kg/graph/corpus/example' });
    expect(corpus.legislation.map((l) => `${l.state} ${l.id}`)).toEqual(['IT EXAMPLE-it-tui', 'DE EXAMPLE-de-aufenthg']);
    expect(corpus.sections.map((s) => s.iri.replace(/^.*\/doc\//, ''))).toEqual(['ita/legislation/example-it-tui/art_12', 'ita/legislation/example-it-tui/art_12/para_1', 'deu/legislation/example-de-aufenthg/art_96']);
    expect(corpus.cases.map((c) => c.iri.replace(/^.*\/doc\//, ''))).toEqual(['ita/case/example-itax041', 'deu/case/example-deu-001']);
    expect(corpus.links.map((l) => `${l.property} ${l.basis} ${l.toKind}`)).toEqual([
      'implements curated provision', 'implements source provision', 'applies curated provision', 'applies curated provision', 'applies source section', 'applies curated provision',
    ]);
    expect(corpus.cases[0]!.charges[0]).toEqual({ section: corpus.sections[0]!.iri, charge: 'Aiding illegal entry (example)', verdict: 'Guilty' });
  });

  test('a stream of lines gives the same corpus as the text', async () => {
    async function* lines() {
      for (const r of EXAMPLE_CORPUS) yield JSON.stringify(r);
    }
    expect((await readCorpus(kg, lines())).corpus).toEqual(readCorpusLines(kg, exampleLines()).corpus);
  });
});

describe('every bad record is reported with line, field and code, and nothing is loaded', () => {
  test.each([
    ['a line that is not JSON', ['{"type":"legislation",'], ['1 - invalid_json']],
    ['an unknown record type', [{ type: 'statute', id: 'x' }], ['1 type unknown_type']],
    ['an unknown field', [{ ...law, titel: 'x' }], ['1 titel unknown_field']],
    ['a missing title', [{ ...law, title: undefined }], ['1 title missing_value']],
    ['an unknown State', [{ ...law, state: 'XY' }], ['1 state unknown_state']],
    ['a bad date', [{ ...law, date: '2024-02-30' }], ['1 date bad_date']],
    ['a duplicate id', [law, law], ['2 id duplicate_id']],
    ['an unknown provision', [law, { ...section, implements: [{ provision: 'SOM Protocol art. 6(1)(z)', basis: 'curated', note: 'x' }] }], ['2 implements.0.provision unknown_provision']],
    ['an unknown legislation', [{ ...section }], ['1 legislation unknown_legislation']],
    ['an unknown section', [law, section, { ...kase, charges: [], applies: [{ section: 'EXAMPLE-it-tui#13', basis: 'curated', note: 'x' }] }], ['3 applies.0.section unknown_section']],
    ['a source link without locator', [law, { ...section, implements: [{ provision: 'SOM Protocol art. 6', basis: 'source', source: 'example' }] }], ['2 implements.0.locator missing_locator']],
    ['a curated link without note', [law, { ...section, implements: [{ provision: 'SOM Protocol art. 6', basis: 'curated' }] }], ['2 implements.0.note missing_note']],
    ['an unknown source', [law, { ...section, implements: [{ provision: 'SOM Protocol art. 6', basis: 'source', source: 'nowhere', locator: 'p. 1' }] }], ['2 implements.0.source unknown_source']],
  ] as const)('%s', (_name, records, expected) => {
    expect(errorsOf(records).map(brief)).toEqual(expected);
  });

  test('suggestions: the nearest provisions, States and sections', () => {
    const [provision] = errorsOf([law, { ...section, implements: [{ provision: 'SOM Protocol art. 6(1)(z)', basis: 'curated', note: 'x' }] }]);
    expect(provision!.suggestions?.length).toBeGreaterThan(0);
    const [state] = errorsOf([{ ...law, state: 'ITT' }]);
    expect(state!.suggestions).toContain('ITA');
    const [near] = errorsOf([law, section, { ...kase, charges: [], applies: [{ section: 'EXAMPLE-it-tui#21', basis: 'curated', note: 'x' }] }]);
    expect(near!.suggestions).toContain('EXAMPLE-it-tui#12');
  });

  test('with keepGood, the good records load and the bad ones are reported', () => {
    const text = exampleLines([...good, { ...law, id: 'EXAMPLE-bad', state: 'XY' }, { ...kase, id: 'EXAMPLE-case-2', applies: [{ provision: 'art. 99', basis: 'curated', note: 'x' }] }]);
    const { corpus, errors } = readCorpusLines(kg, text, { keepGood: true });
    expect(errors.map(brief)).toEqual(['10 state unknown_state', '11 applies.0.provision unknown_provision']);
    expect(corpus.legislation).toHaveLength(2);
    expect(corpus.cases.map((c) => c.id)).toEqual(['EXAMPLE-ITAx041', 'EXAMPLE-DEU-001', 'EXAMPLE-case-2']);
    expect(corpus.links.filter((l) => l.from.endsWith('example-case-2'))).toEqual([]);
  });

  test('a hostile value is echoed short: messages stay small', () => {
    const [e] = errorsOf([{ ...law, state: 'X'.repeat(100_000) }]);
    expect(e!.message.length).toBeLessThan(400);
  });
});

test('the JSON Schema is generated from the zod schemas and names every record type', () => {
  const schema = JSON.stringify(corpusJsonSchema());
  for (const type of ['corpus', 'source', 'legislation', 'section', 'case']) expect(schema).toContain(`"const":"${type}"`);
});

describe('bounded on hostile input', () => {
  test('sections nested past the bound are refused with invalid_value, not a stack overflow', () => {
    const chain: object[] = [law];
    let parent: string | undefined;
    for (let n = 1; n <= 40; n++) {
      chain.push({ type: 'section', legislation: 'EXAMPLE-it-tui', number: String(n), ...(parent !== undefined && { parent }) });
      parent = parent === undefined ? String(n) : `${parent}/${n}`;
    }
    const errors = errorsOf(chain);
    expect(errors.length).toBeGreaterThan(0);
    expect(new Set(errors.map((e) => `${e.field} ${e.code}`))).toEqual(new Set(['parent invalid_value']));
  });

  test('with keepGood, a section whose parent was left out goes too, and no law lists a section that is gone', () => {
    const text = exampleLines([...good, { type: 'section', legislation: 'EXAMPLE-it-tui', number: '7', heading: 5 }, { type: 'section', legislation: 'EXAMPLE-it-tui', number: '2', parent: '12/1', text: 'x' }]);
    const { corpus } = readCorpusLines(kg, text, { keepGood: true });
    const iris = new Set(corpus.sections.map((s) => s.iri));
    for (const l of corpus.legislation) for (const s of l.sections) expect(iris.has(s)).toBe(true);
    for (const s of corpus.sections) for (const c of s.children) expect(iris.has(c)).toBe(true);
  });

  test('a file of many bad rows offers suggestions for the first problems only', () => {
    const rows = Array.from({ length: 200 }, (_, i) => ({ type: 'section', legislation: `EXAMPLE-missing-${i}`, number: '1' }));
    const { errors } = readCorpusLines(kg, exampleLines([law, ...rows]), { keepGood: true });
    expect(errors).toHaveLength(200);
    expect(errors.filter((e) => (e.suggestions?.length ?? 0) > 0).length).toBeLessThanOrEqual(50);
  });
});

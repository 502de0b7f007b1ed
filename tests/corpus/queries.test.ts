import { describe, expect, test } from 'vitest';
import { readCorpusLines } from '../../src/corpus/read.js';
import { generateCorpus } from '../../src/corpus/generate.js';
import { loadGraph, withCorpora } from '../../src/kg.js';
import { citedTogether, coverage, documentsAddressing } from '../../src/query/documents.js';
import { EXAMPLE_CORPUS, exampleLines } from './helpers.js';

const base = loadGraph();
const { corpus } = readCorpusLines(base, exampleLines());
const kg = withCorpora(base, [corpus]);

const row = (r: { document: { id: string }; section: { key: string } | null; match: string }) => `${r.match} ${r.document.id}${r.section ? ` ${r.section.key}` : ''}`;

describe('documentsAddressing', () => {
  test('SOM Protocol art. 6(1)(a): the section that implements it exactly, one that implements art. 6 as a whole as broader', () => {
    const { results } = documentsAddressing(kg, 'SOM Protocol art. 6(1)(a)', { kinds: ['legislation'] });
    expect(results.map(row)).toEqual(['exact EXAMPLE-it-tui EXAMPLE-it-tui#12', 'broader EXAMPLE-de-aufenthg EXAMPLE-de-aufenthg#96']);
    expect(results[0]!.evidence).toEqual([expect.objectContaining({ basis: 'curated', note: expect.stringContaining('procuring illegal entry') })]);
    expect(results[1]!.evidence).toEqual([expect.objectContaining({ basis: 'source', source: 'example-db', sourceTitle: 'Example case database (synthetic)', locator: 'record 96 (example)' })]);
    expect(results[1]!.path.map((s) => s.relation)).toEqual(['partOf', 'partOf', 'implementedBy']);
    expect(results[0]!.section).toMatchObject({ label: 'TUI art. 12', heading: 'Provisions against illegal immigration (example)' });
  });

  test('SOM Protocol art. 6: the section on art. 6 exact; a case that applies art. 6(3)(a) and the section on 6(1)(a) as narrower', () => {
    const { results } = documentsAddressing(kg, 'SOM Protocol art. 6');
    expect(results.map(row)).toEqual([
      'exact EXAMPLE-de-aufenthg EXAMPLE-de-aufenthg#96',
      'narrower EXAMPLE-it-tui EXAMPLE-it-tui#12',
      'narrower EXAMPLE-ITAx041',
      'narrower EXAMPLE-DEU-001',
      'narrower EXAMPLE-ITAx041',
    ]);
    const narrowerCase = results.find((r) => r.document.kind === 'case')!;
    expect(narrowerCase.path.at(-1)).toMatchObject({ relation: 'appliedBy', to: { label: 'Example v. Example (example)' } });
    expect(results[0]!.document).toEqual({ kind: 'legislation', id: 'EXAMPLE-de-aufenthg', iri: 'https://w3id.org/untoc-kg/doc/deu/legislation/example-de-aufenthg', title: 'Example residence act (example)', state: 'DE', corpus: 'example' });
  });

  test('--state, --kind and --crime-type filter; a State is given as alpha-2 or alpha-3', () => {
    const it = documentsAddressing(kg, 'SOM Protocol art. 6', { state: 'ITA' }).results;
    expect(new Set(it.map((r) => r.document.state))).toEqual(new Set(['IT']));
    const cases = documentsAddressing(kg, 'SOM Protocol art. 6(3)(a)', { kinds: ['case'], crimeType: 'smuggling of  MIGRANTS' }).results;
    expect(cases.map(row)).toEqual(['exact EXAMPLE-ITAx041']);
    expect(() => documentsAddressing(kg, 'SOM Protocol art. 6', { state: 'XX' })).toThrow(expect.objectContaining({ code: 'unknown_state' }));
    expect(() => documentsAddressing(kg, 'SOM Protocol art. 6', { kinds: ['tool' as 'case'] })).toThrow(expect.objectContaining({ code: 'invalid_input' }));
  });

  test('without a corpus the answer is empty, not an error', () => {
    expect(documentsAddressing(base, 'SOM Protocol art. 6').results).toEqual([]);
  });
});

describe('coverage', () => {
  test('the matrix: per provision under art. 6 and per State, how legislation covers it and how many cases apply it', () => {
    const result = coverage(kg, 'SOM Protocol art. 6', { states: ['IT', 'DE'] });
    expect(result.states).toEqual(['DE', 'IT']);
    const cell = (citation: string, state: string) => {
      const r = result.rows.find((x) => x.provision.citation === citation)!;
      const c = r.states[state]!;
      return `${c.legislation ?? '-'} ${c.sections.map((s) => s.key).join(',')} ${c.cases}`;
    };
    expect(result.rows[0]!.provision.citation).toBe('SOM Protocol art. 6');
    expect(cell('SOM Protocol art. 6', 'DE')).toBe('exact EXAMPLE-de-aufenthg#96 1');
    expect(cell('SOM Protocol art. 6', 'IT')).toBe('-  1');
    expect(cell('SOM Protocol art. 6(1)(a)', 'IT')).toBe('exact EXAMPLE-it-tui#12 1');
    expect(cell('SOM Protocol art. 6(1)(a)', 'DE')).toBe('broader EXAMPLE-de-aufenthg#96 0');
    expect(cell('SOM Protocol art. 6(3)(a)', 'IT')).toBe('-  1');
    expect(cell('SOM Protocol art. 6(3)(a)', 'DE')).toBe('broader EXAMPLE-de-aufenthg#96 1');
    expect(result.rows.length).toBeGreaterThan(5);
  });
});

describe('citedTogether', () => {
  test('the provisions cases apply together with one, with counts', () => {
    const r = citedTogether(kg, 'SOM Protocol art. 6(3)(a)');
    expect(r.cases).toBe(2);
    expect(r.together.map((t) => `${t.provision.citation} ${t.cases}`)).toEqual(['SOM Protocol art. 6(1)(a) 1']);
    expect(citedTogether(kg, 'SOM Protocol art. 6(1)(a)').together.map((t) => `${t.provision.citation} ${t.cases}`)).toEqual(['SOM Protocol art. 6(3)(a) 1']);
  });
});

describe('derived citations', () => {
  test('citations in the texts become links with basis text and their span; the law\'s own abbreviation resolves', () => {
    const { corpus: derived } = readCorpusLines(base, exampleLines(), { deriveCitations: true });
    const texts = derived.links.filter((l) => l.derived);
    expect(texts.length).toBeGreaterThan(0);
    for (const l of texts) {
      expect(l.basis).toBe('text');
      expect(l.locator).toMatch(/^en \d+–\d+: "/);
    }
    const viaAbbreviation = texts.find((l) => l.toKind === 'section');
    expect(viaAbbreviation).toMatchObject({ property: 'applies', to: 'https://w3id.org/untoc-kg/doc/ita/legislation/example-it-tui/art_12' });
    const locator = viaAbbreviation!.locator!;
    const [start, end] = /(\d+)–(\d+)/.exec(locator)!.slice(1).map(Number);
    const summary = 'The defendants were charged under art. 12 TUI and article 6 of the Smuggling of Migrants Protocol (example).';
    expect(summary.slice(start, end)).toBe('art. 12 TUI');
    expect(texts.some((l) => l.property === 'applies' && l.to.endsWith('/eli/un/protocol/2000/som/art_6'))).toBe(true);
    expect(texts.some((l) => l.property === 'implements' && l.to.endsWith('/som/art_6'))).toBe(true);
  });

  test.each([
    ['an instrument\'s list ending in a law\'s abbreviation: the last item is the law\'s', 'Charged under SOM Protocol art. 6(2)(a) and art. 12 TUI (example).', ['som/art_6/para_2/point_a', 'tui/art_12']],
    ['a bare list before the abbreviation: every item is the law\'s', 'Charged under arts. 12 and 13 TUI (example).', ['tui/art_12', 'tui/art_13']],
  ])('%s', (_, summary, expected) => {
    const records = EXAMPLE_CORPUS.map((r) => (r.type === 'case' && r.id === 'EXAMPLE-ITAx041' ? { ...r, factSummary: { en: summary } } : r));
    const extra = { type: 'section', legislation: 'EXAMPLE-it-tui', number: '13' };
    const { corpus: derived } = readCorpusLines(base, exampleLines([...records, extra]), { deriveCitations: true });
    const applied = derived.links.filter((l) => l.derived && l.property === 'applies').map((l) => l.to.replace(/^.*\/(som|example-it-tui)\//, (_m, g: string) => (g === 'som' ? 'som/' : 'tui/')));
    expect(applied.sort()).toEqual(expected);
  });
});

test('derived citations in a generated corpus (law ids with capitals) resolve to the law\'s own sections', () => {
  // The generated laws' own texts cite their own articles (structure, not links); a case that cites "art. 1 SL1"
  // applies the first law's section 1.
  const lines = [...generateCorpus({ laws: 3, cases: 3, seed: 7 })].map((line) =>
    line.includes('"type":"case"') ? line.replace(/"factSummary":\{"en":"[^"]*"\}/, '"factSummary":{"en":"Charged under art. 1 SL1 (synthetic)."}') : line,
  );
  const { corpus } = readCorpusLines(base, lines.join('\n'), { deriveCitations: true });
  const law = corpus.legislation[0]!;
  expect(law.id).toMatch(/[A-Z]/);
  expect(law.abbreviations).toEqual(['SL1']);
  const derived = corpus.links.filter((l) => l.derived);
  expect(derived.length).toBeGreaterThan(0);
  expect(derived.every((l) => l.property === 'applies' && l.to === `${law.iri}/art_1`)).toBe(true);
});

/**
 * The answers of `documentsAddressing` built with the corpus lookup (src/lookup/corpus-answers.ts) and their budget:
 * a small corpus whose links name a whole instrument, a long article and provisions inside it is answered the same,
 * for every provision and a table of options, whether the graph built its answers or (budget forced low through the
 * lookup's internal option) builds each answer per call; a corpus whose answers would be links × provisions keeps
 * none under the default budget; built answers are frozen and shared, `results` a new array per call.
 */
import { describe, expect, test } from 'vitest';
import { readCorpusLines } from '../../src/corpus/read.js';
import type { KnowledgeGraphCore } from '../../src/core.js';
import { loadGraph, withCorpora } from '../../src/kg.js';
import { budgetFor, RESULTS_FLOOR, RESULTS_PER_LINK } from '../../src/lookup/corpus-answers.js';
import { buildCorpusLookup } from '../../src/lookup/corpus.js';
import { documentsAddressing, type DocumentsAddressingOptions } from '../../src/query/documents.js';
import { EXAMPLE_CORPUS, exampleLines } from '../corpus/helpers.js';

const base = loadGraph();
const { corpus } = readCorpusLines(
  base,
  exampleLines([
    ...EXAMPLE_CORPUS,
    {
      type: 'section', legislation: 'EXAMPLE-it-tui', number: '13',
      implements: [
        { provision: 'SOM Protocol', basis: 'curated', note: 'The whole Protocol (example judgement).' },
        { provision: 'UNTOC art. 18', basis: 'curated', note: 'A long article (example judgement).' },
      ],
    },
    {
      type: 'case', id: 'EXAMPLE-FRA-002', state: 'FR', title: 'Example v. Example II (example)', crimeTypes: ['Money laundering'],
      applies: [
        { provision: 'UNTOC', basis: 'curated', note: 'The whole Convention (example judgement).' },
        { provision: 'UNTOC art. 18(9)', basis: 'curated', note: 'Inside the long article (example judgement).' },
      ],
    },
  ]),
);
const built = withCorpora(base, [corpus]);
const total = [...built.corpus.answers!.values()].reduce((n, answer) => n + answer.length, 0);
/** The same graph, its lookup built with a budget: under `total`, no answers are built and each call builds its own. */
const withBudget = (answerBudget: number): KnowledgeGraphCore => ({ dataset: built.dataset, index: built.index, corpus: buildCorpusLookup(built.index, [corpus], { answerBudget }) });
const perCall = withBudget(total - 1);
const provisions = [...base.dataset.provisions.map((p): string => p.id), ...base.dataset.instruments.map((i): string => i.iri)];

const OPTIONS: readonly DocumentsAddressingOptions[] = [
  {},
  { kinds: ['case'] },
  { kinds: ['legislation'] },
  { state: 'IT' },
  { state: ['FRA', 'DE'] },
  { crimeType: ' money  LAUNDERING ' },
  { match: ['broader'] },
  { match: ['exact', 'narrower', 'related'] },
  { kinds: ['case'], match: ['narrower'], state: 'FR' },
];

describe('documentsAddressing: answers built with the lookup, and per call over the budget', () => {
  test('the corpus links an instrument, a long article and a provision inside it, so answers are large for a small corpus', () => {
    expect(corpus.links.map((l) => l.to)).toEqual(expect.arrayContaining([base.index.instruments.get('untoc')!.iri, base.index.instruments.get('som-protocol')!.iri]));
    expect(total).toBeGreaterThan(20 * corpus.links.length);
    expect(built.corpus.answers).toBeDefined();
    expect(perCall.corpus!.answers).toBeUndefined();
    expect(withBudget(total).corpus!.answers).toBeDefined();
  });

  test.each(OPTIONS.map((options) => [JSON.stringify(options), options] as const))('the same answers either way, for every provision, with options %s', (_, options) => {
    let results = 0;
    for (const p of provisions) {
      const answer = documentsAddressing(built, p, options);
      expect(answer).toEqual(documentsAddressing(perCall, p, options));
      results += answer.results.length;
    }
    if (Object.keys(options).length === 0) expect(results).toBe(total);
  });

  test('built answers are frozen and shared; results is a new, plain array each call', () => {
    for (const p of provisions) {
      const first = documentsAddressing(built, p).results;
      const again = documentsAddressing(built, p).results;
      expect(again).not.toBe(first);
      expect(Object.isFrozen(first)).toBe(false);
      for (let i = 0; i < first.length; i++) {
        expect(again[i]).toBe(first[i]);
        expect(Object.isFrozen(first[i])).toBe(true);
        expect(Object.isFrozen(first[i]!.path)).toBe(true);
      }
    }
  });

  test('the budget is linear in the links, with a floor; answers of links × provisions over it are not built', () => {
    expect(budgetFor(0)).toBe(RESULTS_FLOOR);
    expect(budgetFor(1_000_000)).toBe(RESULTS_PER_LINK * 1_000_000);
    // Every case applies the whole Convention: each result of each provision of UNTOC, links × provisions in all.
    const untoc = base.index.instruments.get('untoc')!.iri;
    const inside = base.dataset.provisions.filter((p) => p.instrument === 'untoc').length;
    expect(inside + 1).toBeGreaterThan(RESULTS_PER_LINK);
    const cases = Math.ceil(RESULTS_FLOOR / (inside + 1)) + 1;
    const many = Array.from({ length: cases }, (_, i) => ({
      type: 'case', id: `EXAMPLE-ITA-${i}`, state: 'IT', title: `Example case ${i} (example)`,
      applies: [{ provision: 'UNTOC', basis: 'curated', note: 'Example judgement.' }],
    }));
    const wide = readCorpusLines(base, exampleLines([EXAMPLE_CORPUS[0], ...many])).corpus;
    const kg = withCorpora(base, [wide]);
    expect(kg.corpus.answers).toBeUndefined();
    const article = base.dataset.provisions.find((p) => p.instrument === 'untoc' && p.level === 'paragraph')!.id;
    expect(documentsAddressing(kg, untoc).results).toHaveLength(cases);
    expect(documentsAddressing(kg, article).results.map((r) => r.match)).toEqual(Array<string>(cases).fill('broader'));
  });
});

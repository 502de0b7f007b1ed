/**
 * Fuzzing `documentsAddressing`'s options on a generated corpus: whatever kinds, States, crime type and match kinds
 * are asked, the answer is the default answer with the documents and matches not asked for left out, in the same
 * order (the default path takes no filter at all, so this checks the two paths against each other); options that are
 * not valid fail with the typed error; and on random corpora, the answers the corpus lookup builds (copied or filtered
 * per call) equal the answers built per call (the path a graph takes when its answers are over the lookup's budget).
 */
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { generateCorpus } from '../../src/corpus/generate.js';
import { readCorpusLines } from '../../src/corpus/read.js';
import { isUntocKgError } from '../../src/errors.js';
import type { KnowledgeGraphCore } from '../../src/core.js';
import { loadGraph, withCorpora } from '../../src/kg.js';
import { buildCorpusLookup } from '../../src/lookup/corpus.js';
import { documentsAddressing, type DocumentsAddressingOptions } from '../../src/query/documents.js';

const base = loadGraph();
const { corpus } = readCorpusLines(base, generateCorpus({ triples: 10_000, seed: 11 }));
const kg = withCorpora(base, [corpus]);
const provisions = [...base.dataset.provisions.map((p): string => p.id), ...base.dataset.instruments.map((i): string => i.iri)];
const STATES = [...new Set([...corpus.legislation, ...corpus.cases].map((d) => d.state))];
const CRIMES = [...new Set(corpus.cases.flatMap((c) => c.crimeTypes))];
const fold = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');

const options = fc.record(
  {
    kinds: fc.subarray(['legislation', 'case'] as const),
    state: fc.subarray(STATES, { minLength: 1 }),
    crimeType: fc.constantFrom(...CRIMES).map((c) => ` ${c.toUpperCase()} `),
    match: fc.subarray(['exact', 'broader', 'narrower', 'related'] as const),
  },
  { requiredKeys: [] },
);

test('documentsAddressing: an answer with options is the default answer filtered, in the same order', () => {
  fc.assert(
    fc.property(fc.constantFrom(...provisions), options, (provision, asked: DocumentsAddressingOptions) => {
      const all = documentsAddressing(kg, provision).results;
      const states = asked.state === undefined ? undefined : new Set(asked.state as readonly string[]);
      const crime = asked.crimeType === undefined ? undefined : fold(asked.crimeType);
      const expected = all.filter((r) => {
        const document = r.document;
        if (asked.kinds && !asked.kinds.includes(document.kind)) return false;
        if (asked.match && !asked.match.includes(r.match)) return false;
        if (states && !states.has(document.state)) return false;
        if (crime !== undefined && document.kind === 'case') {
          const record = corpus.cases.find((c) => c.iri === document.iri)!;
          if (!record.crimeTypes.some((c) => fold(c) === crime)) return false;
        }
        return true;
      });
      expect(documentsAddressing(kg, provision, asked).results).toEqual(expected);
    }),
    { seed: 42, numRuns: 150 },
  );
});

test('documentsAddressing: the answers built with the lookup are the answers built per call, on random corpora and options', () => {
  const corpora = fc.record({ seed: fc.integer({ min: 1, max: 100_000 }), laws: fc.integer({ min: 1, max: 8 }), cases: fc.integer({ min: 0, max: 8 }) });
  const asks = fc.array(fc.tuple(fc.constantFrom(...provisions), options), { minLength: 1, maxLength: 20 });
  fc.assert(
    fc.property(corpora, asks, (generated, asked) => {
      const random = readCorpusLines(base, generateCorpus(generated)).corpus;
      const graph = (budget: { answerBudget?: number }): KnowledgeGraphCore => ({ dataset: base.dataset, index: base.index, corpus: buildCorpusLookup(base.index, [random], budget) });
      const built = graph({});
      const perCall = graph({ answerBudget: 0 });
      expect(built.corpus!.answers).toBeDefined();
      expect(perCall.corpus!.answers).toBeUndefined();
      for (const [provision, option] of asked) expect(documentsAddressing(built, provision, option)).toEqual(documentsAddressing(perCall, provision, option));
    }),
    { seed: 42, numRuns: 25 },
  );
});

test('documentsAddressing: options that are not valid fail with invalid_input or unknown_state', () => {
  const bad = fc.oneof(
    fc.record({ kinds: fc.array(fc.string({ maxLength: 6 }), { minLength: 1, maxLength: 3 }) }),
    fc.record({ state: fc.string({ minLength: 1, maxLength: 5 }).filter((s) => !/^[A-Za-z]{2,3}$/.test(s)) }),
    fc.record({ match: fc.array(fc.oneof(fc.constantFrom('toString', 'constructor', '__proto__'), fc.string({ minLength: 1, maxLength: 8 })).filter((s) => !/^(exact|broader|narrower|related)$/.test(s)), { minLength: 1, maxLength: 3 }) }),
  );
  fc.assert(
    fc.property(bad, (asked) => {
      const kinds = (asked as { kinds?: string[] }).kinds;
      if (kinds && kinds.every((k) => k === 'legislation' || k === 'case')) return;
      try {
        documentsAddressing(kg, provisions[0]!, asked as DocumentsAddressingOptions);
        expect.unreachable('no error');
      } catch (error) {
        expect(isUntocKgError(error) && ['invalid_input', 'unknown_state'].includes(error.code)).toBe(true);
      }
    }),
    { seed: 42, numRuns: 100 },
  );
});

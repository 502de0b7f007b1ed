/**
 * Stress cases for `documentsAddressing` over a loaded corpus: links whose answers multiply (every case applies a
 * whole instrument, so each of its provisions sees every link as a broader match: links × provisions results in
 * all). The corpus lookup keeps its built answers within a budget linear in the links (src/lookup/corpus-answers.ts)
 * and otherwise answers per call, so loading and asking stay linear in the input, in time and in memory.
 */
import { readCorpusLines } from '../../dist/data.js';
import { documentsAddressing, loadGraph, withCorpora } from '../../dist/index.js';
import type { StressCase } from '../stress.js';

const base = loadGraph();
const untoc = base.dataset.instruments.find((i) => i.id === 'untoc')!.iri;
const inside = base.dataset.provisions.filter((p) => p.instrument === 'untoc').map((p): string => p.id);
const asked = [untoc, ...inside.filter((_, i) => i % 50 === 0)];

export const cases: StressCase[] = [
  {
    name: 'withCorpora + documentsAddressing: every case applies the whole Convention (links × provisions results)',
    make: (bytes) => {
      const lines = [JSON.stringify({ type: 'corpus', id: 'stress', title: 'Stress corpus (synthetic test data)', synthetic: true })];
      for (let i = 0, size = 0; size < bytes; i++) {
        const line = JSON.stringify({ type: 'case', id: `EXAMPLE-ITA-${i}`, state: 'IT', title: 'Example (synthetic)', applies: [{ provision: 'UNTOC', basis: 'curated', note: 'x' }] });
        lines.push(line);
        size += line.length + 1;
      }
      return lines.join('\n');
    },
    run: (input) => {
      const kg = withCorpora(base, [readCorpusLines(base, input as string).corpus]);
      let results = 0;
      for (const p of asked) results += documentsAddressing(kg, p).results.length;
      return results;
    },
  },
];

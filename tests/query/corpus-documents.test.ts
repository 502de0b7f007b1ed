/**
 * `documentsAddressing` on a generated corpus, for every provision: the result shape (own keys, order), paths that
 * connect the queried provision to the section or case step by step, labels as `nodeLabel` gives them, views built
 * with the corpus lookup (a call builds none), and answers that do not depend on whether a call is the graph's first.
 */
import { describe, expect, test } from 'vitest';
import { generateCorpus } from '../../src/corpus/generate.js';
import { readCorpusLines } from '../../src/corpus/read.js';
import type { KnowledgeGraphCore } from '../../src/core.js';
import { loadGraph, withCorpora } from '../../src/kg.js';
import { buildCorpusLookup } from '../../src/lookup/corpus.js';
import { documentsAddressing, type DocumentMatch } from '../../src/query/documents.js';
import { nodeLabel } from '../../src/query/views.js';

const base = loadGraph();
const { corpus } = readCorpusLines(base, generateCorpus({ triples: 20_000, seed: 7 }));
const kg = withCorpora(base, [corpus]);
/** The same graph with a lookup that builds no answers (budget 0): each call builds its results, as over the budget. */
const perCall: KnowledgeGraphCore = { dataset: kg.dataset, index: kg.index, corpus: buildCorpusLookup(kg.index, [corpus], { answerBudget: 0 }) };
const provisions = [...base.dataset.provisions.map((p): string => p.id), ...base.dataset.instruments.map((i): string => i.iri)];
const KEYS = ['document', 'section', 'match', 'via', 'path', 'evidence'];

describe('documentsAddressing on a generated corpus, every provision', () => {
  test('the answers have results (the corpus links enough provisions for the checks below to mean something)', () => {
    const counts = { exact: 0, broader: 0, narrower: 0 };
    for (const p of provisions) for (const r of documentsAddressing(kg, p).results) counts[r.match as keyof typeof counts]++;
    expect(counts.exact).toBeGreaterThan(50);
    expect(counts.broader).toBeGreaterThan(50);
    expect(counts.narrower).toBeGreaterThan(50);
  });

  test('each result has the own keys document, section, match, via, path, evidence, in that order', () => {
    for (const p of provisions) for (const r of documentsAddressing(kg, p).results) expect(Object.keys(r)).toEqual(KEYS);
  });

  test('each path runs from the queried provision to the section or case: partOf up (broader) or hasPart down (narrower), then the link', () => {
    const relation = { exact: undefined, broader: 'partOf', narrower: 'hasPart' } as const;
    for (const p of provisions) {
      const { provision, results } = documentsAddressing(kg, p);
      for (const r of results) {
        const path = r.path;
        expect(path[0]!.from.iri).toBe(provision.iri);
        for (let i = 0; i + 1 < path.length; i++) {
          expect(path[i]!.to.iri).toBe(path[i + 1]!.from.iri);
          expect(path[i]!.relation).toBe(relation[r.match as keyof typeof relation]);
          expect(path[i]!.evidence).toEqual([]);
        }
        const last = path.at(-1)!;
        expect(last.from.iri).toBe(r.via.iri);
        expect(last.to.iri).toBe((r.section ?? r.document).iri);
        expect(last.relation).toBe(r.section ? 'implementedBy' : 'appliedBy');
        expect(last.to.label).toBe(r.section ? r.section.label : r.document.title);
        expect(last.evidence).toBe(r.evidence);
        if (r.match === 'exact') expect(path).toHaveLength(1);
        for (const s of path) expect(s.from.label).toBe(nodeLabel(kg, s.from.iri));
        for (const s of path.slice(0, -1)) expect(s.to.label).toBe(nodeLabel(kg, s.to.iri));
      }
    }
  });

  test("a fresh graph's first answers are the same, as JSON, as its repeated ones and as another graph's", () => {
    const fresh = withCorpora(base, [corpus]);
    const first = provisions.map((p) => JSON.stringify(documentsAddressing(fresh, p)));
    expect(provisions.map((p) => JSON.stringify(documentsAddressing(fresh, p)))).toEqual(first);
    expect(provisions.map((p) => JSON.stringify(documentsAddressing(kg, p)))).toEqual(first);
  });

  test('documents, sections, evidence and link steps are built with the corpus lookup and shared: a call builds none of them', () => {
    const fresh = withCorpora(base, [corpus]);
    const built = new Set<unknown>();
    for (const l of corpus.links) {
      for (const g of fresh.corpus.linkGroupsTo(l.to)) for (const x of [g.documentView, g.sectionView, g.evidence, g.step]) built.add(x);
    }
    for (const p of provisions) {
      for (const r of documentsAddressing(fresh, p).results) {
        expect(built.has(r.document)).toBe(true);
        expect(built.has(r.section)).toBe(true);
        expect(built.has(r.evidence)).toBe(true);
        expect(built.has(r.path.at(-1))).toBe(true);
      }
    }
  });

  test("an exact match's path is shared and frozen; a broader or narrower match's path is built with the lookup, frozen and shared", () => {
    const someOf = (graph: typeof perCall, kind: string) => {
      for (const p of provisions) {
        const found = documentsAddressing(graph, p).results.find((r) => r.match === kind);
        if (found) return { p, found };
      }
      throw new Error(`no ${kind} match`);
    };
    const exact = someOf(kg, 'exact');
    expect(Object.isFrozen(exact.found.path)).toBe(true);
    expect(documentsAddressing(kg, exact.p).results.find((r) => r.match === 'exact')!.path).toBe(exact.found.path);
    for (const kind of ['broader', 'narrower']) {
      const { p, found } = someOf(kg, kind);
      expect(Object.isFrozen(found.path)).toBe(true);
      expect(documentsAddressing(kg, p).results.find((r) => r.match === kind)!.path).toBe(found.path);
    }
  });

  test("over the lookup's budget (answers built per call), a broader or narrower match's path is its own array", () => {
    expect(perCall.corpus!.answers).toBeUndefined();
    for (const kind of ['broader', 'narrower']) {
      let found: { p: string; found: DocumentMatch } | undefined;
      for (const p of provisions) {
        const match = documentsAddressing(perCall, p).results.find((r) => r.match === kind);
        if (match) {
          found = { p, found: match };
          break;
        }
      }
      const { p, found: first } = found!;
      const again = documentsAddressing(perCall, p).results.find((r) => r.match === kind)!;
      expect(again.path).not.toBe(first.path);
      (first.path as DocumentMatch['path'][number][]).push(first.path[0]!);
      expect(again.path.length).toBe(first.path.length - 1);
      expect(documentsAddressing(perCall, p).results.find((r) => r.match === kind)!.path).toEqual(again.path);
    }
  });
});

/**
 * The bench's peers answer the same question as the library: on a sample of provisions, the N3 Store walk and
 * Oxigraph (both SPARQL formulations of bench/peers.ts) return the same rows as `toolsAddressing` on the bundled
 * graph and as `documentsAddressing` with the example corpus loaded. Nothing here is timed; the bench (which checks
 * every provision again before timing) relies on this agreement for its ratios to compare like with like.
 */
import { DataFactory, Store } from 'n3';
import oxigraph from 'oxigraph';
import { describe, expect, test } from 'vitest';
import { ADDRESSES, BEST, CORPUS_LINKS, documentRows, n3Walk, nTriples, rowSet, sparqlRows, toolRows, TOWARDS } from '../../bench/peers.js';
import { readCorpusLines } from '../../src/corpus/read.js';
import { corpusQuads } from '../../src/rdf/corpus.js';
import { loadGraph, withCorpora } from '../../src/kg.js';
import { documentsAddressing } from '../../src/query/documents.js';
import { toolsAddressing } from '../../src/query/tools.js';
import { exampleLines } from '../corpus/helpers.js';

const base = loadGraph();
const { corpus } = readCorpusLines(base, exampleLines());
const kg = withCorpora(base, [corpus]);

const store = new Store(base.store.getQuads(null, null, null, null));
// The corpus's triples as the library exports them (their named graph dropped: the peers read the default graph).
store.addQuads(corpusQuads(corpus).map((q) => DataFactory.quad(q.subject, q.predicate, q.object)));
const oxi = new oxigraph.Store();
oxi.load(nTriples(store), { format: 'application/n-triples' });

const provisions = [...base.dataset.provisions.map((p): string => p.id), ...base.dataset.instruments.map((i): string => i.iri)];
/** Every ninth provision, and those the corpus links to with what encloses them and what they hold. */
const somArt6 = kg.index.provisionRecord(toolsAddressing(base, 'SOM Protocol art. 6').provision.iri)!.id;
const sample = [...new Set([...provisions.filter((_, i) => i % 9 === 0), somArt6, ...kg.index.descendantsOf(somArt6), ...kg.index.ancestorsOf(somArt6).map((a) => a.id)])];

const peers = (predicates: readonly string[]) =>
  [
    ['N3 walk', (x: string) => n3Walk(store, x, predicates)],
    ['Oxigraph, best formulation', (x: string) => sparqlRows(oxi, BEST, x, predicates)],
    ['Oxigraph, earlier formulation', (x: string) => sparqlRows(oxi, TOWARDS, x, predicates)],
  ] as const;

describe('the bench peers agree with the library', () => {
  test.each(peers(ADDRESSES))('toolsAddressing: %s, on a sample of provisions', (_, peer) => {
    let rows = 0;
    for (const x of sample) {
      const ours = rowSet(toolRows(toolsAddressing(kg, x).results));
      expect(rowSet(peer(x)), x).toEqual(ours);
      rows += ours.length;
    }
    expect(rows).toBeGreaterThan(sample.length / 2);
  });

  test.each(peers(CORPUS_LINKS))('documentsAddressing: %s, on a sample of provisions', (_, peer) => {
    let rows = 0;
    for (const x of sample) {
      const ours = rowSet(documentRows(documentsAddressing(kg, x).results));
      expect(rowSet(peer(x)), x).toEqual(ours);
      rows += ours.length;
    }
    // SOM art. 6, what it holds and what encloses it: the example corpus's links show up as rows.
    expect(rows).toBeGreaterThan(10);
  });
});

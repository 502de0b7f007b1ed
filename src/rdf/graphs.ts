/**
 * The quads of an export, with their named graphs: one graph per instrument, per tool and per
 * directory snapshot, one for the themes and one for the sources (as {@link datasetQuads} assigns them), one per
 * research corpus given (`corpus/{id}`, as {@link corpusQuads} writes it), and the metadata graph with the ontology and the dataset's VoID/DCAT description. Graphs are selected by name, by kind or
 * by IRI, so graphs that later data adds are exported and selectable without code changes.
 *
 * @module
 */
import { DataFactory } from 'n3';
import type { Quad } from '@rdfjs/types';
import { UntocKgError } from '../errors.js';
import type { Corpus } from '../model/corpus.js';
import type { Dataset } from '../model/dataset.js';
import { graphIri, graphIriOfName, graphName } from '../model/ids.js';
import { closest } from '../util/closest.js';
import { corpusQuads } from './corpus.js';
import { describeDataset, type DescriptionOptions } from './describe.js';
import { datasetQuads } from './quads.js';
import { ontologyQuads } from './resources.js';

const { namedNode, quad } = DataFactory;

/** Options of {@link exportQuads}. */
export interface ExportQuadsOptions {
  /**
   * The named graphs to keep, each given by name (`instrument/untoc`, `themes`, `meta`), by kind (`tool`: every
   * tool's graph; `instrument`, `directory`) or by IRI. Default: every graph.
   */
  readonly graphs?: readonly string[];
  /** Settings of the dataset description in the metadata graph. */
  readonly description?: DescriptionOptions;
  /** Research corpora to export too, each in its own named graph `corpus/{id}` (default: none). */
  readonly corpora?: readonly Corpus[];
}

/** The data quads of an export: the dataset's in their named graphs, then each corpus's in its own. */
function dataQuads(dataset: Dataset, corpora: readonly Corpus[] | undefined): Quad[] {
  const data = datasetQuads(dataset, { graphs: true });
  for (const corpus of corpora ?? []) for (const q of corpusQuads(corpus)) data.push(q);
  return data;
}

/**
 * Every quad of an export: the dataset's quads in their named graphs, plus the metadata graph (the ontology and the
 * dataset description).
 *
 * @throws {@link UntocKgError} `unknown_graph` when a graph asked for is not in the dataset (with the nearest names).
 * @example
 * ```ts
 * import { exportQuads, rdfToString } from 'untoc-kg/rdf'
 * rdfToString(exportQuads(kg.dataset, { graphs: ['instrument/untoc', 'meta'] }), 'trig')
 * rdfToString(exportQuads(kg.dataset, { corpora: kg.corpus.corpora, graphs: ['corpus'] }), 'nquads')
 * ```
 */
export function exportQuads(dataset: Dataset, options: ExportQuadsOptions = {}): Quad[] {
  const data = dataQuads(dataset, options.corpora);
  const meta = namedNode(graphIri('meta'));
  const present = new Set(data.map((q) => q.graph.value));
  present.add(meta.value);
  const keep = options.graphs ? selectGraphs(present, options.graphs, 'exportQuads') : undefined;
  const out = keep ? data.filter((q) => keep.has(q.graph.value)) : data;
  if (!keep || keep.has(meta.value)) {
    const { ontology, description } = metadata(data, options.description);
    for (const q of ontology) out.push(q);
    for (const q of description) out.push(q);
  }
  return out;
}

/** The metadata graph's two parts: the ontology, and the description of `data` (the dataset's quads) with it. */
function metadata(data: readonly Quad[], options: DescriptionOptions | undefined): { ontology: Quad[]; description: Quad[] } {
  const meta = namedNode(graphIri('meta'));
  const ontology = ontologyQuads().map((q) => quad(q.subject, q.predicate, q.object, meta));
  return { ontology, description: describeDataset([...data, ...ontology], options) };
}

/**
 * The VoID/DCAT description of a dataset's export (the quads in the metadata graph that describe it, without the
 * ontology).
 *
 * @example
 * ```ts
 * rdfToString(exportDescription(kg.dataset), 'turtle')
 * rdfToString(exportDescription(kg.dataset, { corpora: kg.corpus.corpora }), 'turtle') // with the corpora's graphs
 * ```
 */
export function exportDescription(dataset: Dataset, options: DescriptionOptions & Pick<ExportQuadsOptions, 'corpora'> = {}): Quad[] {
  const { corpora, ...settings } = options;
  return metadata(dataQuads(dataset, corpora), settings).description;
}

/**
 * The IRIs of the graphs that `names` select among `present` (graph IRIs): each name is a graph's short name, a
 * kind (the first segment of names: `tool`), or an IRI.
 *
 * @throws {@link UntocKgError} `unknown_graph`, with the nearest names, for a name that selects nothing.
 * @example
 * ```ts
 * selectGraphs(new Set([graphIri('tool', 'a'), graphIri('themes')]), ['tool']) // Set { '…/graph/tool/a' }
 * ```
 */
export function selectGraphs(present: ReadonlySet<string>, names: readonly string[], operation = 'selectGraphs'): Set<string> {
  const keep = new Set<string>();
  const known = [...present].map((iri) => graphName(iri) ?? iri);
  for (const name of names) {
    const iri = graphIriOfName(name);
    const matches = [...present].filter((g) => g === name || g === iri || graphName(g)?.startsWith(`${name}/`));
    if (matches.length === 0) {
      const kinds = [...new Set(known.map((n) => n.split('/')[0]!))];
      throw new UntocKgError('unknown_graph', operation, `no graph named "${name}"; the graphs are ${kinds.join(', ')} (each kind, or one graph such as ${known.find((n) => n.includes('/')) ?? known[0]})`, {
        value: name,
        suggestions: closest(name, [...kinds, ...known]),
      });
    }
    for (const g of matches) keep.add(g);
  }
  return keep;
}

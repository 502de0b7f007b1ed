/**
 * Import: RDF (what a user exported, edited in another tool, and reloads) back into a {@link KnowledgeGraph}. The
 * inverse of {@link datasetQuads}: the quads are checked against `ontology/shapes.ttl`, read into the dataset's
 * records (one reader per writer: `quads.ts` for what `rdf/quads.ts` writes, `directory.ts` for `rdf/directory.ts`,
 * `graphs.ts` for the metadata of `rdf/graphs.ts`), and the records are written out again to make sure every triple
 * given is one the model keeps. Anything that does not fit is reported — the node, the property and what is wrong —
 * and nothing is loaded.
 *
 * Facts the export merges (the sources of an instrument's dates and of its structure) come back as the instrument's
 * sources.
 *
 * @module
 */
import type { Quad } from '@rdfjs/types';
import { RdfConformanceError } from '../errors.js';
import { KnowledgeGraph, withCorpora } from '../kg.js';
import { corpusFromNodes } from './corpus.js';
import { CorpusNodes } from './corpus-nodes.js';
import { MergedCorpusRouter } from './merged-corpus.js';
import type { Dataset } from '../model/dataset.js';
import { graphName, type ProvisionId } from '../model/ids.js';
import { shapesQuads } from '../rdf/resources.js';
import { readAuthorities, readCategories, readParticipation, readSnapshots, readStates, type ProvisionsOf } from './directory.js';
import { ReadContext } from './facts.js';
import { dataQuads, literalIssues, unkept } from './graphs.js';
import { readInstruments, readLinks, readProvisions, readSources, readTexts, readThemes, readTools, sourceIdsOf } from './quads.js';
import { readQuads, type RdfInput, type ReadableFormat } from './read.js';
import { ShapesValidator } from './shacl.js';

/** Options of {@link datasetFromQuads}. */
export interface DatasetFromQuadsOptions {
  /** The name the records are reported under (their `file`), e.g. the file read. Default `import`. */
  readonly name?: string;
  /**
   * What to do with triples the model does not hold (an extra property, a triple without the `ukg:Link` node that
   * gives its provenance): `error` (default) reports them and loads nothing; `drop` loads the rest without them.
   */
  readonly unrecognized?: 'error' | 'drop';
}

/** Options of {@link importRdf}. */
export interface ImportRdfOptions extends DatasetFromQuadsOptions {
  /** The format of the text. */
  readonly format: ReadableFormat;
  /** The base IRI for relative IRIs. */
  readonly base?: string;
}

/**
 * Reads RDF (Turtle, TriG, N-Triples, N-Quads or JSON-LD), as text or as a stream of chunks (a file stream: read as it
 * comes, never held whole), into a knowledge graph.
 *
 * Research corpora come back from their named graphs, or (in N-Triples and Turtle, which have none) from the records
 * of the one `ukg:Corpus` the input holds.
 *
 * @throws {@link UntocKgError} `rdf_syntax` for text that does not parse; `remote_context` for a JSON-LD context that
 *   would have to be fetched; {@link RdfConformanceError} (`rdf_nonconforming`) listing every node that does not fit;
 *   `rdf_corpus_missing` for corpus records outside any named graph with no `ukg:Corpus` node, `rdf_corpus_ambiguous`
 *   for several corpora outside named graphs (their laws and cases cannot be told apart: export with named graphs).
 * @example
 * ```ts
 * import { importRdf } from 'untoc-kg/rdf'
 * const kg = await importRdf(await readFile('edited.trig', 'utf8'), { format: 'trig', name: 'edited.trig' })
 * const big = await importRdf(createReadStream('export.nq'), { format: 'nquads', name: 'export.nq' })
 * ```
 */
export async function importRdf(input: RdfInput, options: ImportRdfOptions): Promise<KnowledgeGraph> {
  // Each research corpus's named graph (graph/corpus/{id}) comes back as a loaded corpus: its quads are grouped by
  // subject as they are read; the rest (the curated records) is kept as quads for the shapes and the readers. Outside
  // any named graph (N-Triples, Turtle), a corpus's records are told by their IRIs and links (MergedCorpusRouter).
  const rest: Quad[] = [];
  const corpora = new Map<string, CorpusNodes>();
  const merged = new MergedCorpusRouter((q) => rest.push(q));
  let lastGraph: string | undefined;
  let lastCorpus: CorpusNodes | undefined;
  await readQuads(
    input,
    options.format,
    (q) => {
      if (q.graph.termType !== 'NamedNode') return merged.add(q);
      if (q.graph.value !== lastGraph) {
        lastGraph = q.graph.value;
        lastCorpus = graphName(lastGraph)?.startsWith('corpus/') ? corpora.get(lastGraph) : undefined;
        if (!lastCorpus && graphName(lastGraph)?.startsWith('corpus/')) corpora.set(lastGraph, (lastCorpus = new CorpusNodes(lastGraph)));
      }
      if (lastCorpus) lastCorpus.add(q);
      else rest.push(q);
    },
    options.base !== undefined ? { base: options.base } : {},
  );
  const unnamed = merged.finish();
  if (unnamed) corpora.set('', unnamed);
  const kg = new KnowledgeGraph(datasetFromQuads(rest, options));
  if (corpora.size === 0) return kg;
  return withCorpora(kg, [...corpora.values()].map((c) => corpusFromNodes(kg, c, options.name !== undefined ? { name: options.name } : {}).corpus));
}

let validator: ShapesValidator | undefined;

/**
 * Reads quads (the data of an export, with or without its named graphs) into a dataset: the inverse of
 * {@link datasetQuads}.
 *
 * @throws {@link RdfConformanceError} listing every problem; nothing is returned unless everything fits.
 * @example
 * ```ts
 * const dataset = datasetFromQuads(await parseRdf(text, 'nquads'))
 * ```
 */
export function datasetFromQuads(quads: readonly Quad[], options: DatasetFromQuadsOptions = {}): Dataset {
  const data = dataQuads(quads);
  const violations = (validator ??= new ShapesValidator(shapesQuads())).validate(data);
  const malformed = [
    ...violations.map((v) => ({ code: 'shape' as const, focus: v.focus, ...(v.path && { path: v.path }), message: v.message, shape: v.shape })),
    ...literalIssues(data),
  ];
  if (malformed.length > 0) throw new RdfConformanceError('importRdf', malformed);
  const ctx = new ReadContext(data, options.name ?? 'import');
  const dataset = readDataset(ctx);
  if (ctx.issues.length > 0) throw new RdfConformanceError('importRdf', ctx.issues);
  const unrecognized = unkept(data, dataset);
  if (unrecognized.length > 0 && options.unrecognized !== 'drop') throw new RdfConformanceError('importRdf', unrecognized);
  return dataset;
}

/** Every record of the dataset, read in the order the records refer to each other. */
function readDataset(ctx: ReadContext): Dataset {
  const sources = readSources(ctx);
  const sourceIds = sourceIdsOf(ctx, sources);
  const instruments = readInstruments(ctx, sourceIds);
  const provisions = readProvisions(ctx, instruments);
  const { tools, parts } = readTools(ctx, instruments, sourceIds);
  const { themes, themeScheme } = readThemes(ctx, sourceIds);
  const links = readLinks(ctx, sourceIds, { instruments, provisions, tools, parts, themes });
  const provisionIds = new Map<string, ProvisionId>(provisions.map((p) => [p.id, p.id]));
  const provisionsOf: ProvisionsOf = (iri, facts, path) =>
    facts.iris(path).flatMap((p) => {
      const id = provisionIds.get(p);
      if (id === undefined) ctx.issue(iri, path, `<${p}> is not a provision of the graph`);
      return id === undefined ? [] : [id];
    });
  const states = readStates(ctx);
  const categories = readCategories(ctx, parts, tools, sourceIds, provisionsOf);
  const snapshots = readSnapshots(ctx, sourceIds);
  const authorities = readAuthorities(ctx, { states, categories, snapshots, sourceIds, provisionsOf });
  const { participation, participationFigures } = readParticipation(ctx, states, instruments, sourceIds);
  const texts = readTexts(ctx, instruments, provisions, sourceIds);
  return {
    instruments,
    provisions,
    tools,
    parts,
    themes,
    themeScheme,
    sources,
    links,
    categories,
    snapshots,
    authorities,
    states,
    participation,
    participationFigures,
    ...(texts.length > 0 && { texts }),
  };
}

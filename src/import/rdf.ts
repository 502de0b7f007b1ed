/**
 * Import: RDF (what a user exported, edited in another tool, and reloads) back into a {@link KnowledgeGraph}. The
 * inverse of {@link datasetQuads}: the quads are checked against `ontology/shapes.ttl`, read into the dataset's
 * records, and the records are written out again to make sure every triple given is one the model keeps. Anything
 * that does not fit is reported — the node, the property and what is wrong — and nothing is loaded.
 *
 * What RDF does not carry is rebuilt: the order of children (from their numbers; of parts, from their paths), an
 * instrument's kind (from its id or ELI path). Facts the export merges (the sources of an instrument's dates and of
 * its structure) come back as the instrument's sources. The metadata graph (ontology and description) is not data:
 * it is skipped, and written anew on export.
 *
 * @module
 */
import type { Literal, Quad, Term } from '@rdfjs/types';
import { RdfConformanceError, type RdfIssue } from '../errors.js';
import { KnowledgeGraph, withCorpora } from '../kg.js';
import { corpusFromQuads, splitCorpusQuads } from './corpus.js';
import type {
  AuthorityRecord,
  Basis,
  CategoryRecord,
  Completeness,
  ConsentKind,
  CountRecord,
  Dataset,
  DesignationBasis,
  InstrumentRecord,
  LinkProperty,
  LinkRecord,
  ParticipationFigureRecord,
  ParticipationRecord,
  PartRecord,
  ProvisionRecord,
  SnapshotRecord,
  SourceRecord,
  StateRecord,
  TextRecord,
  ThemeRecord,
  ToolRecord,
} from '../model/dataset.js';
import type { ToolKind } from '../model/files.js';
import {
  authorityId,
  categoryId,
  DATASET_IRI,
  eliPathOf,
  graphIri,
  graphName,
  instrumentId,
  ONTOLOGY_IRI,
  partId,
  SHAPES_IRI,
  sourceId,
  splitProvisionId,
  THEME_SCHEME_IRI,
  themeId,
  toolId,
  type InstrumentIri,
  type LinkId,
  type NodeIri,
  type PartId,
  type ProvisionId,
  type ProvisionLevel,
  type SourceId,
  type StateIri,
  type ThemeId,
  type ToolIri,
} from '../model/ids.js';
import { knownInstrument, type InstrumentKind } from '../model/instruments.js';
import { numberOrder } from '../model/numbers.js';
import { keyOf } from '../export/rdf-text.js';
import { DCTERMS, ELI, PROV, RDF, RDFS, SD, SKOS, UKG, VCARD, VOID } from '../vocab/terms.js';
import { datasetQuads, LEVEL_TYPE, LINK_PREDICATE, TOOL_CLASS } from '../rdf/quads.js';
import { parseRdf, type ReadableFormat } from './read.js';
import { shapesQuads } from '../rdf/resources.js';
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
 * Reads RDF text (Turtle, TriG, N-Triples, N-Quads or JSON-LD) into a knowledge graph; each research corpus's named
 * graph (`graph/corpus/{id}`) comes back as a loaded corpus (`corpusFromQuads`).
 *
 * @throws {@link UntocKgError} `rdf_syntax` for text that does not parse; `remote_context` for a JSON-LD context that
 *   would have to be fetched; {@link RdfConformanceError} (`rdf_nonconforming`) listing every node that does not fit.
 * @example
 * ```ts
 * import { importRdf } from 'untoc-kg/rdf'
 * const kg = await importRdf(await readFile('edited.trig', 'utf8'), { format: 'trig', name: 'edited.trig' })
 * ```
 */
export async function importRdf(text: string, options: ImportRdfOptions): Promise<KnowledgeGraph> {
  const quads = await parseRdf(text, options.format, options.base !== undefined ? { base: options.base } : {});
  const { rest, corpora } = splitCorpusQuads(quads);
  const kg = new KnowledgeGraph(datasetFromQuads(rest, options));
  return corpora.length === 0 ? kg : withCorpora(kg, corpora.map((c) => corpusFromQuads(kg, c, options.name !== undefined ? { name: options.name } : {}).corpus));
}

let validator: ShapesValidator | undefined;

/** Whether a subject belongs to the metadata (the ontology's terms, the dataset description), not to the data. */
function isMetadataSubject(iri: string): boolean {
  if (iri === ONTOLOGY_IRI || iri === SHAPES_IRI || iri === DATASET_IRI || iri.startsWith(UKG.$iri)) return true;
  // A named graph's description is metadata, except a directory snapshot's: its graph IRI is also the snapshot.
  const name = graphName(iri);
  return name !== undefined && !name.startsWith('directory/');
}

const DESCRIPTION_TYPES = new Set<string>([VOID.Dataset, SD.NamedGraph]);

/**
 * Whether a quad is part of the VoID description of a named graph that is also data (a directory snapshot), as the
 * description writes it: met in exports without named graphs, where the metadata graph is merged into the rest.
 */
function isGraphDescription(q: Quad): boolean {
  if (q.subject.termType !== 'NamedNode' || graphName(q.subject.value) === undefined) return false;
  const p = q.predicate.value;
  return p === SD.name || p === VOID.triples || (p === RDF.type && DESCRIPTION_TYPES.has(q.object.value));
}

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
  const meta = graphIri('meta');
  const data = quads.filter((q) => q.graph.value !== meta && !(q.subject.termType === 'NamedNode' && isMetadataSubject(q.subject.value)) && !isGraphDescription(q));
  const violations = (validator ??= new ShapesValidator(shapesQuads())).validate(data);
  if (violations.length > 0) {
    throw new RdfConformanceError(
      'importRdf',
      violations.map((v) => ({ code: 'shape', focus: v.focus, ...(v.path && { path: v.path }), message: v.message, shape: v.shape })),
    );
  }
  const reader = new Reader(data, options.name ?? 'import');
  const dataset = reader.read();
  if (reader.issues.length > 0) throw new RdfConformanceError('importRdf', reader.issues);
  const unrecognized = unkept(data, dataset);
  if (unrecognized.length > 0 && options.unrecognized !== 'drop') throw new RdfConformanceError('importRdf', unrecognized);
  return dataset;
}

/** The triples of `data` that the dataset, written out again, does not hold. */
function unkept(data: readonly Quad[], dataset: Dataset): RdfIssue[] {
  const line = (q: Quad) => `${keyOf(q.subject)} ${q.predicate.value} ${termKey(q.object)}`;
  const kept = new Set(datasetQuads(dataset).map(line));
  const links = new Set<string>(Object.values(LINK_PREDICATE));
  const issues: RdfIssue[] = [];
  for (const q of data) {
    if (kept.has(line(q))) continue;
    const direct = links.has(q.predicate.value) && q.object.termType === 'NamedNode';
    issues.push({
      code: 'unrecognized',
      focus: keyOf(q.subject),
      path: q.predicate.value,
      message: direct
        ? `${termKey(q.object)}: a link without its ukg:Link node (basis and source) is not kept; state it as a ukg:Link, or load with unrecognized: 'drop'`
        : `${termKey(q.object)}: the model does not hold this value here, so loading would drop it (load with unrecognized: 'drop' to do so)`,
    });
  }
  return issues;
}

function termKey(t: Term): string {
  if (t.termType !== 'Literal') return keyOf(t);
  return `"${t.value}"${t.language ? `@${t.language}` : t.datatype.value.endsWith('#string') ? '' : `^^<${t.datatype.value}>`}`;
}

const LEVEL_OF = new Map(Object.entries(LEVEL_TYPE).map(([level, iri]) => [iri, level as ProvisionLevel]));
const KIND_OF = new Map(Object.entries(TOOL_CLASS).map(([kind, iri]) => [iri, kind as ToolKind]));
const PROPERTY_OF = new Map(Object.entries(LINK_PREDICATE).map(([property, iri]) => [iri, property as LinkProperty]));
/** The position of a printed number among its siblings: `2` < `2 bis` < `3`, `5` < `5.A`, `ii` < `iv`, `II` < `IV`. */
function numberKey(level: ProvisionLevel, printed: string): readonly [number, number] {
  return numberOrder(printed, level === 'item' || level === 'chapter');
}

/** Natural order of part paths: `module_2` before `module_10`. */
function comparePaths(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}

/** Reads the records of the dataset from the data quads, collecting issues. */
class Reader {
  readonly issues: RdfIssue[] = [];
  readonly #subjects = new Map<string, Quad[]>();
  readonly #name: string;

  constructor(data: readonly Quad[], name: string) {
    this.#name = name;
    for (const q of data) {
      const key = keyOf(q.subject);
      const list = this.#subjects.get(key);
      if (list) list.push(q);
      else this.#subjects.set(key, [q]);
    }
  }

  #issue(focus: string, path: string | undefined, message: string): void {
    this.issues.push({ code: 'structure', focus, ...(path !== undefined && { path }), message });
  }

  /**
   * The subjects typed `cls`, each with the quads that describe it as such: those in the graphs of its type triple.
   * `end` says which value a single-valued field takes when there are several: where one node is two records (the
   * Model Law, an instrument and a tool) in a graph without named graphs, the instrument takes the first and the tool
   * the last, so that both values are kept.
   */
  #typed(cls: string, end: 'first' | 'last' = 'first'): { iri: string; facts: Facts }[] {
    const out: { iri: string; facts: Facts }[] = [];
    for (const [key, quads] of this.#subjects) {
      const graphs = new Set(quads.filter((q) => q.predicate.value === RDF.type && q.object.value === cls).map((q) => q.graph.value));
      if (graphs.size > 0) out.push({ iri: key, facts: new Facts(quads.filter((q) => graphs.has(q.graph.value)), end) });
    }
    return out;
  }

  /**
   * The subjects typed `cls`, one entry per graph of a type triple, each with the quads of that graph: for records
   * that one node has in several named graphs (an authority in two directory snapshots).
   */
  #typedPerGraph(cls: string): { iri: string; facts: Facts; graph: string | undefined }[] {
    const out: { iri: string; facts: Facts; graph: string | undefined }[] = [];
    for (const [key, quads] of this.#subjects) {
      const typed = quads.filter((q) => q.predicate.value === RDF.type && q.object.value === cls);
      const graphs = new Map(typed.map((q) => [q.graph.value, q.graph]));
      for (const graph of graphs.values()) {
        out.push({ iri: key, facts: new Facts(quads.filter((q) => q.graph.equals(graph))), graph: graph.termType === 'NamedNode' ? graph.value : undefined });
      }
    }
    return out;
  }

  /** Brands a value with `mint`, or records an issue and returns undefined. */
  #mint<T>(focus: string, path: string, mint: () => T): T | undefined {
    try {
      return mint();
    } catch (error) {
      this.#issue(focus, path, error instanceof Error ? error.message : String(error));
      return undefined;
    }
  }

  read(): Dataset {
    const sources = this.#sources();
    const sourceOf = new Map(sources.map((s) => [s.iri as string, s.id]));
    const sourceIds = (iri: string, facts: Facts, path: string = PROV.wasDerivedFrom): SourceId[] =>
      facts.iris(path).flatMap((s) => {
        const id = sourceOf.get(s);
        if (id === undefined) this.#issue(iri, path, `<${s}> is not a source of the graph (a ukg:Source with a dcterms:identifier)`);
        return id === undefined ? [] : [id];
      });

    const instruments = this.#instruments(sourceIds);
    const provisions = this.#provisions(instruments);
    const { tools, parts } = this.#tools(instruments, sourceIds);
    const { themes, themeScheme } = this.#themes(sourceIds);
    const nodes = new Set<string>([...instruments.map((i) => i.iri), ...provisions.map((p) => p.id), ...tools.map((t) => t.iri), ...parts.map((p) => p.id), ...themes.map((t) => t.iri)]);
    const links = this.#links(sourceIds, nodes, instruments, provisions, tools, parts);
    const provisionIds = new Set<string>(provisions.map((p) => p.id));
    const provisionsOf = (iri: string, facts: Facts, path: string): ProvisionId[] =>
      facts.iris(path).flatMap((p) => {
        if (!provisionIds.has(p)) this.#issue(iri, path, `<${p}> is not a provision of the graph`);
        return provisionIds.has(p) ? [p as ProvisionId] : [];
      });
    const states = this.#states();
    const categories = this.#categories(parts, tools, sourceIds, provisionsOf);
    const snapshots = this.#snapshots(sourceIds);
    const authorities = this.#authorities(states, categories, snapshots, sourceIds, provisionsOf);
    const { participation, participationFigures } = this.#participation(states, instruments, sourceIds);
    const texts = this.#texts(instruments, provisions, sourceIds);
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

  /**
   * Wording attached from treaty texts: per instrument and provision, `ukg:wording` (`ukg:preamble` for the
   * instrument) and the headings in languages other than English, each language one record with the node's
   * `ukg:wordingSource`. An English heading the curated data lacks comes back as the provision's heading (the same
   * triple). Several sources on one node cannot say which language came from which, and are reported.
   */
  #texts(instruments: readonly InstrumentRecord[], provisions: readonly ProvisionRecord[], sourceIds: (iri: string, facts: Facts, path?: string) => SourceId[]): TextRecord[] {
    const out: TextRecord[] = [];
    const nodes: [string, InstrumentRecord['id'], string][] = [
      ...instruments.map((i) => [i.iri, i.id, UKG.preamble] as [string, InstrumentRecord['id'], string]),
      ...provisions.map((p) => [p.id, p.instrument, UKG.wording] as [string, InstrumentRecord['id'], string]),
    ];
    for (const [iri, instrument, property] of nodes) {
      const facts = new Facts((this.#subjects.get(iri) ?? []).filter((q) => q.graph.termType !== 'NamedNode' || q.graph.value === graphIri('instrument', instrument)));
      const sources = sourceIds(iri, facts, UKG.wordingSource);
      if (sources.length === 0) continue;
      if (sources.length > 1) {
        this.#issue(iri, UKG.wordingSource, `wording from ${sources.length} documents on one node: the RDF does not say which language came from which; attach one text at a time`);
        continue;
      }
      const words = new Map(facts.literals(property).map((t) => [t.language, t.value]));
      const headings = new Map(facts.literals(DCTERMS.title).filter((t) => t.language !== 'en').map((t) => [t.language, t.value]));
      for (const language of new Set([...words.keys(), ...headings.keys()])) {
        if (language === '') continue;
        const text = words.get(language);
        const heading = headings.get(language);
        out.push({
          provision: iri as ProvisionId,
          instrument,
          language,
          ...(text !== undefined && { text }),
          ...(heading !== undefined && { heading }),
          source: sources[0]!,
        });
      }
    }
    return out;
  }

  #states(): StateRecord[] {
    return this.#typed(UKG.State).map(({ iri, facts }) => ({
      iri: iri as StateIri,
      alpha2: facts.text(UKG.alpha2) ?? '',
      alpha3: facts.text(UKG.alpha3) ?? '',
      name: facts.text(RDFS.label) ?? '',
    }));
  }

  /** The directory's categories: the parts of a tool that carry a designation basis. */
  #categories(
    parts: readonly PartRecord[],
    tools: readonly ToolRecord[],
    sourceIds: (iri: string, facts: Facts, path?: string) => SourceId[],
    provisionsOf: (iri: string, facts: Facts, path: string) => ProvisionId[],
  ): CategoryRecord[] {
    const toolOf = new Map(tools.map((t) => [t.id as string, t]));
    return parts.flatMap((part): CategoryRecord[] => {
      const facts = new Facts(this.#subjects.get(part.id) ?? []);
      const basis = facts.text(UKG.designationBasis) as DesignationBasis | undefined;
      if (basis === undefined) return [];
      const id = this.#mint(part.id, DCTERMS.identifier, () => categoryId(part.path));
      const sources = sourceIds(part.id, facts, UKG.designationSource);
      if (id === undefined || sources.length === 0) return [];
      if (part.parent !== undefined) this.#issue(part.id, UKG.designationBasis, 'a directory category is a top-level part of its tool');
      return [
        {
          id,
          part: part.id,
          tool: toolOf.get(part.tool)!.id,
          label: part.label,
          aliases: facts.texts(SKOS.altLabel),
          basis,
          designatedUnder: provisionsOf(part.id, facts, UKG.designationClause),
          related: provisionsOf(part.id, facts, UKG.relatedProvision),
          inferDesignation: facts.text(UKG.inferDesignation) === 'true',
          note: facts.text(SKOS.note) ?? '',
          sources,
          ...facts.optional('locator', UKG.designationLocator),
          file: this.#file(graphIri('tool', part.tool)),
        },
      ];
    });
  }

  #snapshots(sourceIds: (iri: string, facts: Facts) => SourceId[]): SnapshotRecord[] {
    return this.#typed(UKG.DirectorySnapshot).map(({ iri, facts }): SnapshotRecord => {
      const id = facts.text(DCTERMS.identifier) ?? '';
      const expected = graphIri('directory', id);
      if (expected !== iri) this.#issue(iri, DCTERMS.identifier, `a snapshot's IRI is its graph's, <${expected}> for the identifier "${id}"`);
      const source = sourceIds(iri, facts)[0];
      return {
        id,
        iri,
        ...facts.optional('title', DCTERMS.title),
        ...facts.optional('asOf', UKG.asOf),
        ...(source !== undefined && { source }),
        example: facts.text(UKG.example) === 'true',
        ...facts.optional('note', SKOS.note),
        file: this.#file(iri),
      };
    });
  }

  /**
   * The authorities, one record per snapshot that lists them. With named graphs, each snapshot's graph holds its
   * records; without, an authority listed in two snapshots cannot be told apart into two records and is reported.
   */
  #authorities(
    states: readonly StateRecord[],
    categories: readonly CategoryRecord[],
    snapshots: readonly SnapshotRecord[],
    sourceIds: (iri: string, facts: Facts) => SourceId[],
    provisionsOf: (iri: string, facts: Facts, path: string) => ProvisionId[],
  ): AuthorityRecord[] {
    const alpha2Of = new Map(states.map((s) => [s.iri as string, s.alpha2]));
    const categoryOf = new Map(categories.map((c) => [c.part as string, c.id]));
    const snapshotOf = new Map(snapshots.map((s) => [s.iri, s.id]));
    return this.#typedPerGraph(UKG.CompetentAuthority).flatMap(({ iri, facts }): AuthorityRecord[] => {
      const listed = facts.iris(UKG.listedIn);
      if (listed.length > 1) {
        this.#issue(iri, UKG.listedIn, 'listed in several snapshots: give each snapshot its named graph (TriG, N-Quads or JSON-LD with graphs) so that each keeps its own record');
        return [];
      }
      const snapshot = snapshotOf.get(listed[0] ?? '');
      const state = alpha2Of.get(facts.iri(UKG.state) ?? '');
      const slug = /\/cna\/([a-z]{3})\/([^/]+)$/.exec(iri);
      const id = slug ? this.#mint(iri, RDF.type, () => authorityId(slug[1]!, slug[2]!)) : undefined;
      const source = sourceIds(iri, facts)[0];
      if (snapshot === undefined) this.#issue(iri, UKG.listedIn, `<${listed[0]}> is not a directory snapshot of the graph`);
      if (state === undefined) this.#issue(iri, UKG.state, `<${facts.iri(UKG.state)}> is not a State of the graph`);
      const categoryIds = facts.iris(UKG.category).flatMap((c) => {
        const known = categoryOf.get(c);
        if (known === undefined) this.#issue(iri, UKG.category, `<${c}> is not a directory category (a part with a ukg:designationBasis)`);
        return known === undefined ? [] : [known];
      });
      if (id === undefined || snapshot === undefined || state === undefined || source === undefined) return [];
      const email = facts.iri(VCARD.hasEmail);
      const urgent = facts.text(UKG.urgentViaInterpol);
      return [
        {
          id,
          name: facts.text(RDFS.label) ?? '',
          state,
          categories: categoryIds,
          categoriesInferred: facts.text(UKG.categoryInferred) === 'true',
          designatedUnder: provisionsOf(iri, facts, UKG.designatedUnder),
          designationInferred: facts.text(UKG.designationInferred) === 'true',
          ...facts.optional('city', UKG.city),
          ...facts.optional('address', UKG.postalAddress),
          ...facts.optional('phone', UKG.telephone),
          ...(email !== undefined && { email: email.replace(/^mailto:/, '') }),
          ...facts.optional('website', VCARD.hasURL, true),
          languages: facts.texts(UKG.acceptedLanguage),
          ...facts.optional('hours', UKG.officeHours),
          ...facts.optional('timeZone', UKG.timeZone),
          ...(urgent !== undefined && { urgentViaInterpol: urgent === 'true' }),
          ...facts.optional('notes', SKOS.note),
          ...facts.optional('updated', DCTERMS.modified),
          source,
          ...facts.optional('locator', UKG.locator),
          snapshot,
        },
      ];
    });
  }

  /** The id of a participation file from its graph (`graph/participation/{id}`), or `import` without named graphs. */
  #participationFile(graph: string | undefined): string {
    const name = graph === undefined ? undefined : graphName(graph);
    return name?.startsWith('participation/') ? name.slice('participation/'.length) : 'import';
  }

  /** Per-State participation records, and the signatory and party counts of instruments (paired by source and date). */
  #participation(
    states: readonly StateRecord[],
    instruments: readonly InstrumentRecord[],
    sourceIds: (iri: string, facts: Facts) => SourceId[],
  ): { participation: ParticipationRecord[]; participationFigures: ParticipationFigureRecord[] } {
    const alpha2Of = new Map(states.map((s) => [s.iri as string, s.alpha2]));
    const instrumentOf = new Map(instruments.map((i) => [i.iri as string, i.id]));
    const participation = this.#typedPerGraph(UKG.Participation).flatMap(({ iri, facts, graph }): ParticipationRecord[] => {
      const state = alpha2Of.get(facts.iri(UKG.state) ?? '');
      const instrument = instrumentOf.get(facts.iri(UKG.inInstrument) ?? '');
      const source = sourceIds(iri, facts)[0];
      if (state === undefined) this.#issue(iri, UKG.state, `<${facts.iri(UKG.state)}> is not a State of the graph`);
      if (instrument === undefined) this.#issue(iri, UKG.inInstrument, `<${facts.iri(UKG.inInstrument)}> is not an instrument of the graph`);
      if (state === undefined || instrument === undefined || source === undefined) return [];
      const kind = facts.text(UKG.consentType) as ConsentKind | undefined;
      const consentDate = facts.text(UKG.consentDate);
      return [
        {
          state,
          instrument,
          ...facts.optional('signature', UKG.signatureDate),
          ...(kind !== undefined && consentDate !== undefined && { consent: { kind, date: consentDate } }),
          asOf: facts.text(UKG.asOf) ?? '',
          source,
          ...facts.optional('locator', UKG.locator),
          ...facts.optional('note', SKOS.note),
          file: this.#participationFile(graph),
          example: facts.text(UKG.example) === 'true',
        },
      ];
    });

    // Figures: the signatory and party counts stated on instruments, outside the tools' graphs.
    const figures = new Map<string, ParticipationFigureRecord & { signatories?: number; parties?: number }>();
    for (const [subject, quads] of this.#subjects) {
      const instrument = instrumentOf.get(subject);
      if (instrument === undefined) continue;
      for (const q of quads) {
        if (q.predicate.value !== UKG.reportedCount || q.object.termType !== 'NamedNode') continue;
        const graph = q.graph.termType === 'NamedNode' ? q.graph.value : undefined;
        if (graph !== undefined && !graphName(graph)?.startsWith('participation/')) continue;
        const count = new Facts(this.#subjects.get(q.object.value) ?? []);
        const what = count.text(DCTERMS.description);
        if (what !== 'signatories' && what !== 'parties') continue;
        const source = sourceIds(q.object.value, count)[0];
        const asOf = count.text(UKG.asOf);
        if (source === undefined || asOf === undefined) continue;
        const locator = count.text(UKG.locator);
        const file = this.#participationFile(graph);
        const key = [instrument, source, asOf, locator ?? '', file].join('\u0000');
        const figure = figures.get(key) ?? { instrument, asOf, source, ...(locator !== undefined && { locator }), file };
        figures.set(key, { ...figure, [what]: Number(count.text(RDF.value)) });
      }
    }
    return { participation, participationFigures: [...figures.values()] };
  }

  #sources(): SourceRecord[] {
    return this.#typed(UKG.Source).flatMap(({ iri, facts }) => {
      const id = this.#mint(iri, DCTERMS.identifier, () => sourceId(facts.text(DCTERMS.identifier) ?? ''));
      if (id === undefined) return [];
      const record: SourceRecord = {
        id,
        iri: iri as SourceRecord['iri'],
        title: facts.text(DCTERMS.title) ?? '',
        ...facts.optional('url', RDFS.seeAlso, true),
        ...facts.optional('publisher', DCTERMS.publisher),
        ...facts.optional('date', DCTERMS.date),
        ...facts.optional('note', SKOS.note),
      };
      return [record];
    });
  }

  #instruments(sourceIds: (iri: string, facts: Facts) => SourceId[]): InstrumentRecord[] {
    return this.#typed(UKG.Instrument).flatMap(({ iri, facts }) => {
      const id = this.#mint(iri, DCTERMS.identifier, () => instrumentId(facts.text(DCTERMS.identifier) ?? ''));
      if (id === undefined) return [];
      const when = facts.literal(ELI.date_document);
      const force = facts.text(ELI.first_date_entry_in_force);
      const identifiers = {
        ...facts.optional('untcChapter', UKG.untcChapter),
        ...facts.optional('unts', UKG.untsReference),
        ...facts.optional('registration', UKG.registration),
        ...facts.optional('document', UKG.documentSymbol),
        ...facts.optional('jobNumber', UKG.jobNumber),
      };
      const record: InstrumentRecord = {
        id,
        iri: iri as InstrumentIri,
        kind: instrumentKind(id, iri as InstrumentIri),
        title: facts.textIn(DCTERMS.title, 'en') ?? '',
        abbreviation: facts.text(RDFS.label) ?? facts.text(DCTERMS.alternative) ?? id,
        ...(when && { adopted: { ...(/^\d{4}$/.test(when.value) ? { year: Number(when.value) } : { date: when.value }), sources: [] } }),
        ...(force !== undefined && { entryIntoForce: { date: force, sources: [] } }),
        ...(Object.keys(identifiers).length > 0 && { identifiers: { ...identifiers, sources: [] } }),
        structure: { completeness: facts.text(UKG.completeness) as Completeness, sources: sourceIds(iri, facts), ...facts.optional('note', SKOS.editorialNote) },
        file: this.#file(graphIri('instrument', id)),
      };
      return [record];
    });
  }

  #file(graph: string): string {
    return `${this.#name}#${graphName(graph) ?? graph}`;
  }

  #provisions(instruments: readonly InstrumentRecord[]): ProvisionRecord[] {
    const roots = instruments.map((i) => i.iri);
    const byIri = new Map(instruments.map((i) => [i.iri as string, i]));
    const records = new Map<string, ProvisionRecord & { children: ProvisionId[] }>();
    const parentsOf = new Map<string, string[]>();
    for (const { iri, facts } of this.#typed(UKG.Provision)) {
      const split = splitProvisionId(iri, roots);
      if (!split?.eid) {
        this.#issue(iri, undefined, `a provision must be an instrument's IRI followed by an eId path (…/art_27/para_1); this is under none of ${roots.length} instruments`);
        continue;
      }
      const level = LEVEL_OF.get(facts.iri(ELI.type_subdivision) ?? '');
      if (!level) continue; // the shapes require a known subdivision type
      const notation = facts.text(SKOS.notation);
      if (notation !== split.eid) this.#issue(iri, SKOS.notation, `the eId "${notation}" does not match the IRI, whose eId is "${split.eid}"`);
      parentsOf.set(iri, facts.iris(ELI.is_part_of));
      records.set(iri, {
        id: iri as ProvisionId,
        instrument: byIri.get(split.instrument)!.id,
        eid: split.eid,
        level,
        number: facts.text(ELI.number) ?? '',
        ...facts.optionalIn('heading', DCTERMS.title, 'en'),
        ...facts.optional('group', UKG.group),
        ...facts.optional('summary', DCTERMS.abstract),
        parent: split.instrument as string as ProvisionId,
        children: [],
        partial: facts.text(UKG.partial) === 'true',
      });
    }
    // Parents and chapters, checked against the IRIs: below the article, the parent is the IRI minus its last segment.
    for (const [iri, parents] of parentsOf) {
      const record = records.get(iri)!;
      const chapter = parents.find((p) => records.get(p)?.level === 'chapter');
      const parent = parents.find((p) => p !== chapter);
      const expected = record.level === 'article' || record.level === 'chapter' ? record.parent : (iri.slice(0, iri.lastIndexOf('/')) as ProvisionId);
      if (parent !== expected || (chapter && record.level !== 'article')) {
        this.#issue(iri, ELI.is_part_of, `a ${record.level}'s parent is <${expected}>${record.level === 'article' ? ' (and maybe a chapter)' : ''}; got ${parents.map((p) => `<${p}>`).join(', ')}`);
        continue;
      }
      if (record.level !== 'article' && record.level !== 'chapter' && !records.has(parent)) {
        this.#issue(iri, ELI.is_part_of, `its parent <${parent}> is not a provision of the graph`);
        continue;
      }
      const updated = { ...record, parent: expected, ...(chapter && { chapter: chapter as ProvisionId }) };
      records.set(iri, updated);
    }
    for (const record of records.values()) {
      records.get(record.parent)?.children.push(record.id);
      if (record.chapter) records.get(record.chapter)?.children.push(record.id);
    }
    const order = (a: ProvisionId, b: ProvisionId) => {
      const [x, y] = [records.get(a)!, records.get(b)!];
      const [kx, ky] = [numberKey(x.level, x.number), numberKey(y.level, y.number)];
      return kx[0] - ky[0] || kx[1] - ky[1] || (a < b ? -1 : a > b ? 1 : 0);
    };
    for (const record of records.values()) record.children.sort(order);
    // Document order: each instrument's articles with everything inside them, then its chapters.
    const out: ProvisionRecord[] = [];
    const visit = (id: ProvisionId) => {
      const record = records.get(id)!;
      out.push(record);
      if (record.level !== 'chapter') for (const child of record.children) visit(child);
    };
    for (const instrument of instruments) {
      const top = [...records.values()].filter((r) => r.parent === (instrument.iri as string) && r.instrument === instrument.id).map((r) => r.id);
      top.sort(order);
      for (const id of top) if (records.get(id)!.level === 'article') visit(id);
      for (const id of top) if (records.get(id)!.level === 'chapter') visit(id);
    }
    return out;
  }

  #tools(instruments: readonly InstrumentRecord[], sourceIds: (iri: string, facts: Facts, path?: string) => SourceId[]): { tools: ToolRecord[]; parts: PartRecord[] } {
    const instrumentOf = new Map(instruments.map((i) => [i.iri as string, i]));
    const partFacts = new Map(this.#typed(UKG.ToolPart).map(({ iri, facts }) => [iri, facts]));
    // Each part's tool: the first node up its dcterms:isPartOf chain that is not a part.
    const partsOfTool = new Map<string, [string, Facts][]>();
    for (const [iri, facts] of partFacts) {
      let up = facts.iri(DCTERMS.isPartOf);
      for (let depth = 0; up !== undefined && partFacts.has(up) && depth < 64; depth++) up = partFacts.get(up)!.iri(DCTERMS.isPartOf);
      if (up === undefined || partFacts.has(up)) continue;
      const list = partsOfTool.get(up);
      if (list) list.push([iri, facts]);
      else partsOfTool.set(up, [[iri, facts]]);
    }
    const tools: ToolRecord[] = [];
    const parts: PartRecord[] = [];
    for (const { iri, facts } of this.#typed(UKG.Tool, 'last')) {
      const id = this.#mint(iri, DCTERMS.identifier, () => toolId(facts.text(DCTERMS.identifier) ?? ''));
      const kind = facts.iris(RDF.type).map((t) => KIND_OF.get(t)).find((k) => k !== undefined);
      if (id === undefined) continue;
      if (!kind) {
        this.#issue(iri, RDF.type, `a tool needs one of the classes ${[...KIND_OF.keys()].map((k) => `<${k}>`).join(', ')}`);
        continue;
      }
      const issued = facts.text(DCTERMS.issued);
      const pages = facts.text(UKG.pageCount);
      const publication = {
        ...(issued !== undefined && /^\d{4}$/.test(issued) && { year: Number(issued) }),
        ...facts.optional('publisher', DCTERMS.publisher),
        ...facts.optional('edition', UKG.edition),
        ...facts.optional('jobNumber', UKG.jobNumber),
        ...(pages !== undefined && { pages: Number(pages) }),
        ...facts.optional('note', SKOS.note),
      };
      const counts: CountRecord[] = facts.iris(UKG.reportedCount).flatMap((c) => {
        const count = new Facts(this.#subjects.get(c) ?? []);
        const source = sourceIds(c, count)[0];
        if (source === undefined) return [];
        const record: CountRecord = {
          what: count.text(DCTERMS.description) ?? '',
          value: Number(count.text(RDF.value)),
          qualifier: count.text(UKG.qualifier) as CountRecord['qualifier'],
          ...count.optional('asOf', UKG.asOf),
          source,
          ...count.optional('locator', UKG.locator),
        };
        return [record];
      });
      const instrument = instrumentOf.get(iri);
      const toolParts = this.#parts(iri as ToolIri, id, partsOfTool.get(iri) ?? [], sourceIds);
      parts.push(...toolParts);
      tools.push({
        id,
        iri: iri as ToolIri,
        kind,
        title: facts.text(DCTERMS.title) ?? '',
        ...(instrument && { instrument: instrument.id }),
        ...facts.optional('url', RDFS.seeAlso, true),
        ...facts.optional('summary', DCTERMS.abstract),
        ...(Object.keys(publication).length > 0 && { publication: { ...publication, sources: [] } }),
        structure: { completeness: facts.text(UKG.completeness) as Completeness, ...facts.optional('note', SKOS.editorialNote) },
        parts: toolParts.filter((p) => p.parent === undefined).map((p) => p.id),
        counts,
        sources: sourceIds(iri, facts),
        file: this.#file(graphIri('tool', id)),
      });
    }
    const read = new Set<string>(parts.map((p) => p.id));
    for (const [iri] of partFacts) {
      if (!read.has(iri)) this.#issue(iri, DCTERMS.isPartOf, 'a tool part must be part of a tool (through dcterms:isPartOf), and its IRI the tool\'s followed by its path');
    }
    return { tools, parts };
  }

  /** A tool's parts (`mine`: those whose chain of dcterms:isPartOf ends at the tool), in path order, each after its parent. */
  #parts(tool: ToolIri, id: ReturnType<typeof toolId>, mine: readonly [string, Facts][], sourceIds: (iri: string, facts: Facts) => SourceId[]): PartRecord[] {
    const records = new Map<string, PartRecord & { children: PartId[] }>();
    for (const [iri, facts] of mine) {
      const path = facts.text(DCTERMS.identifier) ?? '';
      const expected = this.#mint(iri, DCTERMS.identifier, () => partId(tool, path));
      if (expected === undefined) continue;
      if (expected !== iri) {
        this.#issue(iri, DCTERMS.identifier, `a part's IRI is its tool's followed by its path: <${expected}> for the path "${path}"`);
        continue;
      }
      const parent = facts.iri(DCTERMS.isPartOf)!;
      records.set(iri, {
        id: iri as PartId,
        tool: id,
        path,
        label: facts.text(RDFS.label) ?? '',
        ...facts.optional('title', DCTERMS.title),
        ...facts.optional('summary', DCTERMS.abstract),
        ...facts.optional('pages', UKG.pages),
        ...facts.optional('paragraphs', UKG.paragraphs),
        ...(facts.text(UKG.completeness) !== undefined && { completeness: facts.text(UKG.completeness) as Completeness }),
        ...(parent !== tool && { parent: parent as PartId }),
        children: [],
        sources: sourceIds(iri, facts),
      });
    }
    const sorted = [...records.values()].sort((a, b) => comparePaths(a.path, b.path));
    for (const record of sorted) if (record.parent) records.get(record.parent)?.children.push(record.id);
    const out: PartRecord[] = [];
    const visit = (record: PartRecord & { children: PartId[] }) => {
      out.push(record);
      for (const child of record.children) visit(records.get(child)!);
    };
    for (const record of sorted) if (!record.parent) visit(record);
    return out;
  }

  #themes(sourceIds: (iri: string, facts: Facts) => SourceId[]): { themes: ThemeRecord[]; themeScheme: Dataset['themeScheme'] } {
    const scheme = new Facts(this.#subjects.get(THEME_SCHEME_IRI) ?? []);
    const concepts = this.#typed(SKOS.Concept).filter(({ facts }) => facts.iris(SKOS.inScheme).includes(THEME_SCHEME_IRI));
    const ids = new Map<string, ThemeId>();
    for (const { iri, facts } of concepts) {
      const id = this.#mint(iri, SKOS.notation, () => themeId(facts.text(SKOS.notation) ?? ''));
      if (id !== undefined) ids.set(iri, id);
    }
    const themes = concepts.flatMap(({ iri, facts }): ThemeRecord[] => {
      const id = ids.get(iri);
      if (id === undefined) return [];
      const broader = facts.iris(SKOS.broader).flatMap((b) => {
        const known = ids.get(b);
        if (known === undefined) this.#issue(iri, SKOS.broader, `<${b}> is not a theme of the graph`);
        return known === undefined ? [] : [known];
      });
      return [{ id, iri: iri as ThemeRecord['iri'], label: facts.text(SKOS.prefLabel) ?? '', broader, ...facts.optional('definition', SKOS.definition), sources: sourceIds(iri, facts) }];
    });
    return {
      themes,
      themeScheme: { title: scheme.text(DCTERMS.title) ?? 'Themes', ...scheme.optional('description', DCTERMS.description) },
    };
  }

  #links(
    sourceIds: (iri: string, facts: Facts) => SourceId[],
    nodes: ReadonlySet<string>,
    instruments: readonly InstrumentRecord[],
    provisions: readonly ProvisionRecord[],
    tools: readonly ToolRecord[],
    parts: readonly PartRecord[],
  ): LinkRecord[] {
    const instrumentOfProvision = new Map<string, string>([...provisions.map((p) => [p.id as string, p.instrument as string] as const), ...instruments.map((i) => [i.iri as string, i.id as string] as const)]);
    const toolOf = new Map<string, string>([...tools.map((t) => [t.iri as string, t.id as string] as const), ...parts.map((p) => [p.id as string, p.tool as string] as const)]);
    return this.#typed(UKG.Link).flatMap(({ iri, facts }): LinkRecord[] => {
      const property = PROPERTY_OF.get(facts.iri(RDF.predicate) ?? '');
      const from = facts.iri(RDF.subject);
      const to = facts.iri(RDF.object);
      const source = sourceIds(iri, facts)[0];
      if (!property || !from || !to || source === undefined) return [];
      for (const [path, node] of [[RDF.subject, from], [RDF.object, to], [UKG.correction, facts.iri(UKG.correction)]] as const) {
        if (node !== undefined && !nodes.has(node)) this.#issue(iri, path, `<${node}> is not a node of the graph (an instrument, provision, tool, part or theme)`);
      }
      // The graph of the link's type triple is where it is stated; without graphs, where the export would put it.
      const graph = facts.graphOf(RDF.type, UKG.Link);
      const stated =
        graph ??
        (property !== 'subject' && property !== 'addresses' && instrumentOfProvision.has(from)
          ? graphIri('instrument', instrumentOfProvision.get(from)!)
          : toolOf.has(from)
            ? graphIri('tool', toolOf.get(from)!)
            : graphIri('themes'));
      return [
        {
          id: iri as LinkId,
          property,
          from: from as NodeIri,
          to: to as NodeIri,
          basis: facts.text(UKG.basis) as Basis,
          source,
          ...facts.optional('locator', UKG.locator),
          ...facts.optional('note', RDFS.comment),
          status: facts.text(UKG.status) as LinkRecord['status'],
          ...(facts.iri(UKG.correction) !== undefined && { correction: facts.iri(UKG.correction) as NodeIri }),
          ...facts.optional('discrepancy', UKG.discrepancy),
          file: this.#file(stated),
        },
      ];
    });
  }
}

function instrumentKind(id: string, iri: InstrumentIri): InstrumentKind {
  const known = knownInstrument(id);
  if (known) return known.kind;
  const segment = eliPathOf(iri).split('/')[2];
  return segment === 'protocol' || segment === 'model-law' ? segment : 'convention';
}

/** The quads about one node, read by property. */
class Facts {
  readonly #quads: readonly Quad[];
  readonly #end: 'first' | 'last';

  constructor(quads: readonly Quad[], end: 'first' | 'last' = 'first') {
    this.#quads = quads;
    this.#end = end;
  }

  #objects(predicate: string): Term[] {
    return this.#quads.filter((q) => q.predicate.value === predicate).map((q) => q.object);
  }

  #one(values: readonly Term[]): Term | undefined {
    return this.#end === 'first' ? values[0] : values.at(-1);
  }

  /** The literal value of `predicate` (the first or last, as the reader was asked). */
  literal(predicate: string): Term | undefined {
    return this.#one(this.#objects(predicate).filter((t) => t.termType === 'Literal'));
  }

  /** The lexical form of {@link literal}. */
  text(predicate: string): string | undefined {
    return this.literal(predicate)?.value;
  }

  /** The literal values of `predicate`. */
  literals(predicate: string): Literal[] {
    return this.#objects(predicate).filter((t): t is Literal => t.termType === 'Literal');
  }

  /** The lexical form of the value of `predicate` tagged `language` (the first or last, as the reader was asked). */
  textIn(predicate: string, language: string): string | undefined {
    return this.#one(this.literals(predicate).filter((t) => t.language === language))?.value;
  }

  /** `{ [key]: value }` when `predicate` has a value tagged `language`, else `{}`. */
  optionalIn<K extends string>(key: K, predicate: string, language: string): { [P in K]?: string } {
    const value = this.textIn(predicate, language);
    return (value === undefined ? {} : { [key]: value }) as { [P in K]?: string };
  }

  /** The lexical forms of every literal value of `predicate`, without duplicates, in the order given. */
  texts(predicate: string): string[] {
    return [...new Set(this.#objects(predicate).filter((t) => t.termType === 'Literal').map((t) => t.value))];
  }

  /** The IRI values of `predicate`, without duplicates. */
  iris(predicate: string): string[] {
    return [...new Set(this.#objects(predicate).filter((t) => t.termType === 'NamedNode').map((t) => t.value))];
  }

  /** One IRI value of `predicate` (the first or last, as the reader was asked). */
  iri(predicate: string): string | undefined {
    const all = this.iris(predicate);
    return this.#end === 'first' ? all[0] : all.at(-1);
  }

  /** `{ [key]: value }` when `predicate` has a value (an IRI when `iri`), else `{}`: for optional record fields. */
  optional<K extends string>(key: K, predicate: string, iri = false): { [P in K]?: string } {
    const value = iri ? this.iri(predicate) : this.text(predicate);
    return (value === undefined ? {} : { [key]: value }) as { [P in K]?: string };
  }

  /** The named graph of the quad `predicate object`, if it has one. */
  graphOf(predicate: string, object: string): string | undefined {
    const q = this.#quads.find((x) => x.predicate.value === predicate && x.object.value === object);
    return q?.graph.termType === 'NamedNode' ? q.graph.value : undefined;
  }
}

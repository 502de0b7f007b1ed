/**
 * The dataset as RDF quads, following DESIGN.md §3: ELI for instruments and provisions (with the Dublin Core
 * equivalents emitted too, since ELI links them only by annotation), `ukg:addresses` for tools, SKOS for themes, and a
 * `ukg:Link` node with its provenance for every link. Each quad carries the named graph it belongs to (one per
 * instrument, one per tool, themes, sources); callers that want one graph drop it.
 *
 * @module
 */
import type { Quad } from '@rdfjs/types';
import type { Dataset, InstrumentRecord, LinkRecord, ProvisionRecord, TextRecord, ToolRecord } from '../model/dataset.js';
import { countIri, graphIri, THEME_SCHEME_IRI } from '../model/ids.js';
import { labelBelow, labelOfProvision } from '../model/labels.js';
import { DCTERMS, ELI, PROV, RDF, RDFS, SKOS, UKG, XSD } from '../vocab/terms.js';
import { emitDirectory } from './directory.js';
import { drainEmission, QuadCollector, type Emission, type TripleSink } from './sink.js';
import { LEVEL_TYPE, LINK_PREDICATE, TOOL_CLASS } from './terms.js';

// The vocabulary tables live in terms.ts, which the reading side shares; they are exported here too, as before.
export { LEVEL_TYPE, LINK_PREDICATE, TOOL_CLASS };

/** Options of {@link datasetQuads}. */
export interface QuadOptions {
  /** Put each quad in its named graph (default `false`: the default graph). */
  readonly graphs?: boolean;
}

/** A date's text and datatype by its precision: xsd:date for `2000-11-15`, xsd:gYear for `2010`. */
function dateOf(value: string | number): [string, string] {
  const text = String(value);
  return [text, /^\d{4}$/.test(text) ? XSD.gYear : XSD.date];
}

/**
 * Every quad of the dataset.
 *
 * @example
 * ```ts
 * const store = new Store(datasetQuads(loadGraph().dataset))
 * ```
 */
export function datasetQuads(dataset: Dataset, options: QuadOptions = {}): Quad[] {
  const sink = new QuadCollector(options.graphs ?? false);
  drainEmission(emitDataset(dataset, sink));
  return sink.quads;
}

/**
 * Sends every triple of the dataset to `sink`, each in its named graph, yielding between records: what
 * {@link datasetQuads} collects and the streaming writers write.
 *
 * @example
 * ```ts
 * const sink = new QuadCollector(true)
 * drainEmission(emitDataset(kg.dataset, sink))
 * ```
 */
export function* emitDataset(dataset: Dataset, sink: TripleSink): Emission {
  const iri: IriFn = (s, p, o) => sink.iri(s, p, o);
  const text: TextFn = (s, p, o, language) => sink.text(s, p, o, language);
  const sourceIriOf = new Map(dataset.sources.map((s) => [s.id as string, s.iri as string]));
  const derived = (s: string, sources: readonly string[]) => {
    for (const source of sources) sink.iri(s, PROV.wasDerivedFrom, sourceIriOf.get(source)!);
  };

  // Sources
  sink.graph(graphIri('sources'));
  for (const s of dataset.sources) {
    iri(s.iri, RDF.type, UKG.Source);
    iri(s.iri, RDF.type, PROV.Entity);
    text(s.iri, DCTERMS.title, s.title, 'en');
    text(s.iri, DCTERMS.identifier, s.id);
    if (s.url) iri(s.iri, RDFS.seeAlso, s.url);
    if (s.publisher) text(s.iri, DCTERMS.publisher, s.publisher);
    if (s.date) text(s.iri, DCTERMS.date, s.date);
    if (s.note) text(s.iri, SKOS.note, s.note, 'en');
    yield;
  }

  // Instruments and provisions
  const abbreviation = new Map(dataset.instruments.map((i) => [i.id as string, i.abbreviation]));
  const provisionsByInstrument = new Map<string, ProvisionRecord[]>();
  for (const p of dataset.provisions) {
    const list = provisionsByInstrument.get(p.instrument);
    if (list) list.push(p);
    else provisionsByInstrument.set(p.instrument, [p]);
  }
  const textsByInstrument = new Map<string, TextRecord[]>();
  for (const t of dataset.texts ?? []) {
    const list = textsByInstrument.get(t.instrument);
    if (list) list.push(t);
    else textsByInstrument.set(t.instrument, [t]);
  }
  // Labels as the lookup index writes them (src/model/labels.ts): below an article, the parent's label and the
  // provision's own number, without reading the eId back as a citation.
  const labels = new Map<string, { readonly label: string; readonly eid: string }>();
  const labelOf = (p: ProvisionRecord): string => {
    const parent = labels.get(p.parent);
    const label = (parent && labelBelow(parent.label, parent.eid, p.eid)) ?? labelOfProvision(p, abbreviation.get(p.instrument) ?? p.instrument);
    labels.set(p.id, { label, eid: p.eid });
    return label;
  };
  for (const instrument of dataset.instruments) {
    sink.graph(graphIri('instrument', instrument.id));
    const s = instrument.iri;
    iri(s, RDF.type, UKG.Instrument);
    iri(s, RDF.type, ELI.LegalResource);
    text(s, DCTERMS.title, instrument.title, 'en');
    text(s, RDFS.label, instrument.abbreviation, 'en');
    text(s, DCTERMS.alternative, instrument.abbreviation, 'en');
    text(s, DCTERMS.identifier, instrument.id);
    text(s, UKG.completeness, instrument.structure.completeness);
    if (instrument.structure.note) text(s, SKOS.editorialNote, instrument.structure.note, 'en');
    derived(s, instrument.structure.sources);
    if (instrument.adopted) {
      const when = instrument.adopted.date ?? instrument.adopted.year;
      if (when !== undefined) sink.typed(s, ELI.date_document, ...dateOf(when));
      derived(s, instrument.adopted.sources);
    }
    if (instrument.entryIntoForce) {
      sink.typed(s, ELI.first_date_entry_in_force, ...dateOf(instrument.entryIntoForce.date));
      derived(s, instrument.entryIntoForce.sources);
    }
    const ids = instrument.identifiers;
    if (ids) {
      if (ids.untcChapter) text(s, UKG.untcChapter, ids.untcChapter);
      if (ids.unts) text(s, UKG.untsReference, ids.unts);
      if (ids.registration) text(s, UKG.registration, ids.registration);
      if (ids.document) text(s, UKG.documentSymbol, ids.document);
      if (ids.jobNumber) text(s, UKG.jobNumber, ids.jobNumber);
      derived(s, ids.sources);
    }
    for (const p of provisionsByInstrument.get(instrument.id) ?? []) {
      iri(p.id, RDF.type, UKG.Provision);
      iri(p.id, RDF.type, ELI.LegalResourceSubdivision);
      iri(p.id, ELI.type_subdivision, LEVEL_TYPE[p.level]);
      text(p.id, ELI.number, p.number);
      text(p.id, SKOS.notation, p.eid);
      text(p.id, DCTERMS.identifier, p.eid);
      text(p.id, RDFS.label, labelOf(p), 'en');
      if (p.heading) text(p.id, DCTERMS.title, p.heading, 'en');
      if (p.group) text(p.id, UKG.group, p.group, 'en');
      if (p.summary) text(p.id, DCTERMS.abstract, p.summary, 'en');
      if (p.partial) sink.typed(p.id, UKG.partial, 'true', XSD.boolean);
      const parents = p.chapter ? [p.parent, p.chapter] : [p.parent];
      for (const parent of parents) {
        iri(p.id, ELI.is_part_of, parent);
        iri(p.id, DCTERMS.isPartOf, parent);
        iri(parent, ELI.has_part, p.id);
        iri(parent, DCTERMS.hasPart, p.id);
      }
      yield;
    }
    const texts = textsByInstrument.get(instrument.id);
    if (texts) wordingQuads(instrument, texts, provisionsByInstrument.get(instrument.id) ?? [], iri, text, sourceIriOf);
  }

  // Themes
  sink.graph(graphIri('themes'));
  iri(THEME_SCHEME_IRI, RDF.type, SKOS.ConceptScheme);
  text(THEME_SCHEME_IRI, DCTERMS.title, dataset.themeScheme.title, 'en');
  if (dataset.themeScheme.description) text(THEME_SCHEME_IRI, DCTERMS.description, dataset.themeScheme.description, 'en');
  const themeIriOf = new Map(dataset.themes.map((t) => [t.id as string, t.iri as string]));
  for (const t of dataset.themes) {
    iri(t.iri, RDF.type, SKOS.Concept);
    iri(t.iri, SKOS.inScheme, THEME_SCHEME_IRI);
    text(t.iri, SKOS.prefLabel, t.label, 'en');
    text(t.iri, SKOS.notation, t.id);
    if (t.definition) text(t.iri, SKOS.definition, t.definition, 'en');
    derived(t.iri, t.sources);
    if (t.broader.length === 0) {
      iri(t.iri, SKOS.topConceptOf, THEME_SCHEME_IRI);
      iri(THEME_SCHEME_IRI, SKOS.hasTopConcept, t.iri);
    }
    for (const b of t.broader) {
      iri(t.iri, SKOS.broader, themeIriOf.get(b)!);
      iri(themeIriOf.get(b)!, SKOS.narrower, t.iri);
    }
    yield;
  }

  // Tools and their parts
  const partsByTool = new Map<string, typeof dataset.parts[number][]>();
  for (const p of dataset.parts) {
    const list = partsByTool.get(p.tool);
    if (list) list.push(p);
    else partsByTool.set(p.tool, [p]);
  }
  for (const tool of dataset.tools) {
    sink.graph(graphIri('tool', tool.id));
    toolQuads(tool, sink, derived);
    yield;
    for (const part of partsByTool.get(tool.id) ?? []) {
      const parent = part.parent ?? tool.iri;
      iri(part.id, RDF.type, UKG.ToolPart);
      text(part.id, RDFS.label, part.label, 'en');
      text(part.id, DCTERMS.identifier, part.path);
      if (part.title) text(part.id, DCTERMS.title, part.title, 'en');
      if (part.summary) text(part.id, DCTERMS.abstract, part.summary, 'en');
      if (part.pages) text(part.id, UKG.pages, part.pages);
      if (part.paragraphs) text(part.id, UKG.paragraphs, part.paragraphs);
      if (part.completeness) text(part.id, UKG.completeness, part.completeness);
      iri(part.id, DCTERMS.isPartOf, parent);
      iri(parent, DCTERMS.hasPart, part.id);
      derived(part.id, part.sources);
      yield;
    }
  }

  // Links: the direct triple (asserted links only) and the qualified link node, in the graph of the file that
  // states them (an instrument's references, a tool's links, the themes file's provision themes).
  const graphOfFile = new Map<string, string>([
    ...dataset.instruments.map((i) => [i.file, graphIri('instrument', i.id)] as const),
    ...dataset.tools.map((t) => [t.file, graphIri('tool', t.id)] as const),
  ]);
  for (const link of dataset.links) {
    sink.graph(graphOfFile.get(link.file) ?? graphIri('themes'));
    linkQuads(link, sink, sourceIriOf);
    yield;
  }

  // The directory's categories, snapshots and authorities, States, and participation.
  yield* emitDirectory(dataset, sink);
}

/** Adds a triple whose object is an IRI. */
export type IriFn = (s: string, p: string, o: string) => void;
/** Adds a triple whose object is a literal, with a language tag when one is given. */
export type TextFn = (s: string, p: string, o: string, language?: string) => void;

/**
 * Wording attached from treaty texts: `ukg:wording` (a provision's own words) and `ukg:preamble` (an instrument's)
 * per language, headings and titles in other languages as more `dcterms:title` tags (the graph's English heading
 * stays the only English one), and `ukg:wordingSource` for the document they were read from.
 */
function wordingQuads(
  instrument: InstrumentRecord,
  texts: readonly TextRecord[],
  provisions: readonly ProvisionRecord[],
  iri: IriFn,
  text: TextFn,
  sourceIriOf: ReadonlyMap<string, string>,
): void {
  const curated = new Map<string, string | undefined>(provisions.map((p) => [p.id, p.heading]));
  curated.set(instrument.iri, instrument.title);
  const sources = new Set<string>();
  for (const t of texts) {
    const isInstrument = (t.provision as string) === instrument.iri;
    const heading = t.heading && !(t.language === 'en' && curated.get(t.provision)) ? t.heading : undefined;
    if (t.text) text(t.provision, isInstrument ? UKG.preamble : UKG.wording, t.text, t.language);
    if (heading) text(t.provision, DCTERMS.title, heading, t.language);
    const key = `${t.provision}\n${t.source}`;
    if ((t.text || heading) && !sources.has(key)) {
      sources.add(key);
      iri(t.provision, UKG.wordingSource, sourceIriOf.get(t.source)!);
    }
  }
}

function toolQuads(tool: ToolRecord, sink: TripleSink, derived: (s: string, sources: readonly string[]) => void): void {
  const iri: IriFn = (s, p, o) => sink.iri(s, p, o);
  const text: TextFn = (s, p, o, language) => sink.text(s, p, o, language);
  const s = tool.iri;
  iri(s, RDF.type, UKG.Tool);
  iri(s, RDF.type, TOOL_CLASS[tool.kind]);
  text(s, DCTERMS.title, tool.title, 'en');
  if (!tool.instrument) text(s, RDFS.label, tool.title, 'en');
  text(s, DCTERMS.identifier, tool.id);
  if (tool.url) iri(s, RDFS.seeAlso, tool.url);
  if (tool.summary) text(s, DCTERMS.abstract, tool.summary, 'en');
  text(s, UKG.completeness, tool.structure.completeness);
  if (tool.structure.note) text(s, SKOS.editorialNote, tool.structure.note, 'en');
  derived(s, tool.sources);
  const pub = tool.publication;
  if (pub) {
    if (pub.year !== undefined) sink.typed(s, DCTERMS.issued, ...dateOf(pub.year));
    if (pub.publisher) text(s, DCTERMS.publisher, pub.publisher);
    if (pub.edition) text(s, UKG.edition, pub.edition);
    if (pub.jobNumber) text(s, UKG.jobNumber, pub.jobNumber);
    if (pub.pages !== undefined) sink.typed(s, UKG.pageCount, String(pub.pages), XSD.integer);
    if (pub.note) text(s, SKOS.note, pub.note, 'en');
    derived(s, pub.sources);
  }
  for (const count of tool.counts) {
    const c = countIri(tool.iri, count.what, count.source, count.asOf);
    iri(s, UKG.reportedCount, c);
    iri(c, RDF.type, UKG.CountClaim);
    sink.typed(c, RDF.value, String(count.value), XSD.integer);
    text(c, DCTERMS.description, count.what, 'en');
    text(c, UKG.qualifier, count.qualifier);
    if (count.asOf) text(c, UKG.asOf, count.asOf);
    if (count.locator) text(c, UKG.locator, count.locator);
    derived(c, [count.source]);
  }
}

/** What a qualified link node says: the claim (the direct triple), who says so and where. */
export interface QualifiedLink {
  readonly id: string;
  readonly from: string;
  readonly predicate: string;
  readonly to: string;
  readonly basis: string;
  /** `asserted` links also get their direct triple. */
  readonly status: 'asserted' | 'disputed';
  /** The IRI of the source it is derived from. */
  readonly source: string;
  readonly locator?: string | undefined;
  readonly note?: string | undefined;
  /** The language of the note (default: none). */
  readonly noteLanguage?: string | undefined;
  readonly correction?: string | undefined;
  readonly discrepancy?: string | undefined;
}

/**
 * The quads of a qualified link: its direct triple (when asserted) and its `ukg:Link` node with its provenance. Used
 * for the curated links and for the links of research corpora alike.
 */
export function qualifiedLinkQuads(link: QualifiedLink, sink: TripleSink): void {
  const iri: IriFn = (s, p, o) => sink.iri(s, p, o);
  const text: TextFn = (s, p, o, language) => sink.text(s, p, o, language);
  if (link.status === 'asserted') iri(link.from, link.predicate, link.to);
  iri(link.id, RDF.type, UKG.Link);
  iri(link.id, RDF.type, RDF.Statement);
  iri(link.id, RDF.type, PROV.Entity);
  iri(link.id, RDF.subject, link.from);
  iri(link.id, RDF.predicate, link.predicate);
  iri(link.id, RDF.object, link.to);
  text(link.id, UKG.basis, link.basis);
  text(link.id, UKG.status, link.status);
  iri(link.id, PROV.wasDerivedFrom, link.source);
  if (link.locator) text(link.id, UKG.locator, link.locator);
  if (link.note) text(link.id, RDFS.comment, link.note, link.noteLanguage);
  if (link.correction) iri(link.id, UKG.correction, link.correction);
  if (link.discrepancy) text(link.id, UKG.discrepancy, link.discrepancy, 'en');
}

function linkQuads(link: LinkRecord, sink: TripleSink, sourceIriOf: ReadonlyMap<string, string>): void {
  qualifiedLinkQuads(
    {
      id: link.id,
      from: link.from,
      predicate: LINK_PREDICATE[link.property],
      to: link.to,
      basis: link.basis,
      status: link.status,
      source: sourceIriOf.get(link.source)!,
      locator: link.locator,
      note: link.note,
      noteLanguage: 'en',
      correction: link.correction,
      discrepancy: link.discrepancy,
    },
    sink,
  );
}

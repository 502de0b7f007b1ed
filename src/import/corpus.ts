/**
 * Reading a research corpus back from RDF: the quads {@link corpusQuads} writes (from an N-Quads or TriG file, or
 * an N-Triples or Turtle one where the graphs were merged) back into the same {@link Corpus}, records and links. The
 * inverse of `rdf/corpus.ts`, checked the way the JSON Lines reader checks its input: every problem is reported with
 * the same codes (`unknown_provision`, `unknown_section`, `unknown_state`, `bad_date`, …), the subject's IRI as its
 * field and, as its line, the position of the first quad about it (its line in an N-Quads file this library wrote).
 * Nothing is returned if anything is wrong, unless `keepGood` is set.
 *
 * Order survives where the quads keep it: records come back in the order their subjects first appear, sections and
 * charges in the order their parent lists them.
 *
 * @module
 */
import type { Quad, Term } from '@rdfjs/types';
import type { KnowledgeGraphCore } from '../core.js';
import { isCalendarDate, CorpusInvalidError, type CorpusErrorCode, type CorpusReadResult, type CorpusRowError } from '../corpus/read.js';
import { UntocKgError } from '../errors.js';
import type {
  CaseRecord,
  ChargeRecord,
  Corpus,
  CorpusSourceRecord,
  LanguageMap,
  LegislationRecord,
  SectionRecord,
} from '../model/corpus.js';
import {
  caseIri,
  corpusGraphIri,
  legislationIri,
  sectionIri,
  stateIri,
  type CaseIri,
  type LegislationIri,
  type SectionIri,
} from '../model/ids.js';
import { allStates, type StateCodes } from '../model/states.js';
import { BIBO, DCTERMS, ELI, PROV, RDF, RDFS, SD, SKOS, UKG, VOID, XSD } from '../vocab/terms.js';
import { readLinks, type Node } from './corpus-links.js';
import { addToNode, type CorpusNodes } from './corpus-nodes.js';

/** Options of {@link corpusFromQuads}. */
export interface CorpusFromQuadsOptions {
  /** The corpus to read, by id, when the quads hold several. Default: the one they hold. */
  readonly id?: string;
  /** The corpus title, when the quads hold no `ukg:Corpus` node. */
  readonly title?: string;
  /** The input's name, for messages (a file name). */
  readonly name?: string;
  /** Keep the good records and report the bad ones instead of loading nothing (default false). */
  readonly keepGood?: boolean;
}

const ELEMENTS = ['art', 'para', 'point'] as const;
/** The classes a corpus's subjects have; a subject of none of them (in a corpus's graph) is reported. */
const CLASSES = [UKG.Corpus, UKG.Source, UKG.State, UKG.Legislation, UKG.Section, UKG.CourtCase, UKG.Charge, UKG.Link];
/** The predicates each class of subject may have. */
const KNOWN: Readonly<Record<string, readonly string[]>> = {
  [UKG.Corpus]: [DCTERMS.identifier, DCTERMS.title, UKG.example, SKOS.note],
  [UKG.Source]: [DCTERMS.identifier, DCTERMS.title, RDFS.seeAlso],
  [UKG.State]: [RDFS.label, UKG.alpha2, UKG.alpha3],
  [UKG.Legislation]: [DCTERMS.identifier, ELI.title, ELI.jurisdiction, ELI.id_local, ELI.date_document, RDFS.seeAlso, DCTERMS.language, DCTERMS.alternative, SKOS.note, ELI.has_part],
  [UKG.Section]: [ELI.number, ELI.title, UKG.wording, UKG.wordingSource, ELI.is_part_of, DCTERMS.isPartOf, ELI.has_part, ELI.implements],
  [UKG.CourtCase]: [DCTERMS.identifier, DCTERMS.title, UKG.state, UKG.court, DCTERMS.date, UKG.crimeType, UKG.legalSystem, DCTERMS.abstract, UKG.charge, DCTERMS.bibliographicCitation, UKG.crossCuttingIssue, RDFS.seeAlso, SKOS.note, UKG.applies],
  [UKG.Charge]: [UKG.chargedUnder, DCTERMS.description, UKG.verdict, UKG.sentence],
  [UKG.Link]: [RDF.subject, RDF.predicate, RDF.object, UKG.basis, UKG.status, PROV.wasDerivedFrom, UKG.locator, RDFS.comment, UKG.foundInText],
};
const KNOWN_SETS: ReadonlyMap<string, ReadonlySet<string>> = new Map(Object.entries(KNOWN).map(([cls, predicates]) => [cls, new Set(predicates)]));
const TYPES: ReadonlySet<string> = new Set([...CLASSES, ELI.LegalResource, ELI.LegalResourceSubdivision, BIBO.LegalCaseDocument, RDF.Statement, PROV.Entity]);

let statesByIri: Map<string, StateCodes> | undefined;
function stateOfIri(iri: string): StateCodes | undefined {
  statesByIri ??= new Map(allStates().map((s) => [stateIri(s.alpha3) as string, s] as const));
  return statesByIri.get(iri);
}

/** Groups the quads of the corpus's graph by subject, in first-appearance order. */
function subjects(quads: readonly Quad[], graph: string | undefined): { nodes: Map<string, Node>; merged: boolean } {
  const inGraph = graph !== undefined && quads.some((q) => q.graph.value === graph);
  const nodes = new Map<string, Node>();
  quads.forEach((q, i) => {
    if (inGraph ? q.graph.value !== graph : q.graph.termType !== 'DefaultGraph' && graph !== undefined && q.graph.value !== graph) return;
    addToNode(nodes, q, i + 1);
  });
  return { nodes, merged: !inGraph };
}

/** Which corpus graph to read: the one asked for, or the one `ukg:Corpus` node the quads have. */
function chooseGraph(quads: readonly Quad[], options: CorpusFromQuadsOptions): string | undefined {
  if (options.id !== undefined) {
    try {
      return corpusGraphIri(options.id);
    } catch {
      throw new UntocKgError('invalid_input', 'corpusFromQuads', `"${options.id.slice(0, 80)}" is not a corpus id`, { value: options.id });
    }
  }
  return onlyCorpus([...new Set(quads.filter((q) => q.predicate.value === RDF.type && q.object.value === UKG.Corpus).map((q) => q.subject.value))]);
}

/** The one `ukg:Corpus` node of the quads, if any; several without `options.id` to say which is an error. */
function onlyCorpus(corpora: readonly string[]): string | undefined {
  if (corpora.length > 1) {
    throw new UntocKgError('invalid_input', 'corpusFromQuads', `the quads hold ${corpora.length} corpora; say which with options.id`, { suggestions: corpora.slice(0, 10) });
  }
  return corpora[0];
}

/**
 * Reads a research corpus back from its quads (as {@link corpusQuads} writes them, e.g. parsed from an N-Quads
 * file), checking every record against the graph's provisions.
 *
 * @throws {@link CorpusInvalidError} (code `corpus_invalid`) listing every problem, unless `keepGood` is set;
 *   {@link UntocKgError} `invalid_input` when the quads hold several corpora and `id` does not say which.
 * @example
 * ```ts
 * const quads = await parseRdf(await readFile('corpus.nq', 'utf8'), 'nquads')
 * const { corpus } = corpusFromQuads(kg, quads)
 * documentsAddressing(withCorpora(kg, [corpus]), 'SOM Protocol art. 6')
 * ```
 */
export function corpusFromQuads(kg: KnowledgeGraphCore, quads: readonly Quad[], options: CorpusFromQuadsOptions = {}): CorpusReadResult {
  const graph = chooseGraph(quads, options);
  const { nodes, merged } = subjects(quads, graph);
  return readNodes(kg, graph, nodes, merged, options);
}

/**
 * Reads a research corpus back from the quads of its named graph, grouped by subject as they were read
 * ({@link CorpusNodes}): what {@link corpusFromQuads} gives for the same quads, without holding them.
 *
 * @throws {@link CorpusInvalidError} (code `corpus_invalid`) listing every problem, unless `keepGood` is set;
 *   {@link UntocKgError} `invalid_input` when the graph holds several corpora.
 * @example
 * ```ts
 * const nodes = new CorpusNodes(corpusGraphIri('example'))
 * for (const q of quadsOfTheGraph) nodes.add(q)
 * const { corpus } = corpusFromNodes(kg, nodes)
 * ```
 */
export function corpusFromNodes(kg: KnowledgeGraphCore, read: CorpusNodes, options: Omit<CorpusFromQuadsOptions, 'id'> = {}): CorpusReadResult {
  const graph = onlyCorpus(read.corpora);
  // As corpusFromQuads filters the same quads: all of them are in the corpus node's graph, or (without a corpus
  // node) taken as merged triples, or none is (a corpus node named after another graph). Quads routed to the corpus
  // from outside any graph are its own, as its graph's would be.
  if (graph === read.graph || (read.graph === undefined && graph !== undefined)) return readNodes(kg, graph, read.nodes, false, options);
  return readNodes(kg, graph, graph === undefined ? read.nodes : new Map(), true, options);
}

/** The body of {@link corpusFromQuads}: the records and links of the subjects of the corpus's graph, checked. */
function readNodes(kg: KnowledgeGraphCore, graph: string | undefined, nodes: ReadonlyMap<string, Node>, merged: boolean, options: CorpusFromQuadsOptions): CorpusReadResult {
  const errors: CorpusRowError[] = [];
  const bad = new Set<string>();
  const report = (node: Node, code: CorpusErrorCode, message: string, suggestions?: readonly string[]) => {
    errors.push({ line: node.line, field: node.iri, code, message, ...(suggestions && suggestions.length > 0 && { suggestions }) });
  };
  const fail = (node: Node, code: CorpusErrorCode, message: string, suggestions?: readonly string[]) => {
    bad.add(node.iri);
    report(node, code, message, suggestions);
  };

  // Each subject by its class; in a corpus's own graph, a subject of no known class, or a property its class does
  // not have, is reported (in merged triples, the rest of the graph is simply not the corpus).
  const byClass = new Map<string, Node[]>(CLASSES.map((c) => [c, []]));
  for (const node of nodes.values()) {
    const cls = CLASSES.find((c) => node.types.has(c));
    if (!cls) {
      if (!merged) fail(node, 'unknown_type', `<${node.iri.slice(0, 80)}> is none of corpus, source, State, legislation, section, case, charge or link`);
      continue;
    }
    byClass.get(cls)!.push(node);
    if (merged && (cls === UKG.Source || cls === UKG.State || cls === UKG.Link)) continue; // may be the curated graph's
    const known = KNOWN_SETS.get(cls)!;
    // Merged triples also hold the export's description of the corpus's graph (VoID, SPARQL service description).
    const describable = merged && cls === UKG.Corpus;
    const described = (iri: string) => describable && (iri.startsWith(VOID.$iri) || iri.startsWith(SD.$iri));
    for (const p of node.values.keys()) if (!known.has(p) && !described(p)) report(node, 'unknown_field', `<${node.iri.slice(0, 80)}> has a property a ${cls.slice(UKG.$iri.length)} does not have: <${p.slice(0, 80)}>`);
    for (const t of node.types) if (!TYPES.has(t) && !described(t)) report(node, 'unknown_field', `<${node.iri.slice(0, 80)}> has an unknown type <${t.slice(0, 80)}>`);
  }
  const nodesOf = (cls: string) => byClass.get(cls)!;

  const all = (node: Node, p: string): Term[] => node.values.get(p) ?? [];
  const one = (node: Node, p: string): Term | undefined => all(node, p)[0];
  const str = (node: Node, p: string): string | undefined => one(node, p)?.value;
  const required = (node: Node, p: string, what: string): string | undefined => {
    const value = str(node, p);
    if (value === undefined) fail(node, 'missing_value', `<${node.iri.slice(0, 80)}> has no ${what}`);
    return value;
  };
  const languageMap = (node: Node, p: string): LanguageMap | undefined => {
    const values = all(node, p);
    if (values.length === 0) return undefined;
    const map: Record<string, string> = {};
    for (const v of values) {
      if (v.termType === 'Literal' && v.language) map[v.language] = v.value;
      else fail(node, 'invalid_value', `<${p.slice(0, 80)}> of <${node.iri.slice(0, 80)}> is a text with a language tag`);
    }
    return map;
  };
  const date = (node: Node, p: string): string | undefined => {
    const value = one(node, p);
    if (value === undefined) return undefined;
    if (value.termType !== 'Literal' || value.datatype.value !== XSD.date || !isCalendarDate(value.value)) {
      return void fail(node, 'bad_date', `${JSON.stringify(value.value.slice(0, 80))} is not an xsd:date (YYYY-MM-DD)`);
    }
    return value.value;
  };
  const state = (node: Node, p: string): StateCodes | undefined => {
    const value = str(node, p);
    const found = value === undefined ? undefined : stateOfIri(value);
    if (!found) fail(node, 'unknown_state', `<${(value ?? '').slice(0, 80)}> is not a State node (state/{ISO 3166-1 alpha-3})`);
    return found;
  };
  const checkIri = (node: Node, expected: () => string) => {
    let iri: string | undefined;
    try {
      iri = expected();
    } catch {
      iri = undefined;
    }
    if (iri !== node.iri) fail(node, 'invalid_value', `<${node.iri.slice(0, 80)}> is not the IRI its id and State give${iri ? ` (<${iri.slice(0, 80)}>)` : ''}`);
  };
  /** What a law and a case both have: the user's id, a title, a State, a date, and the IRI those give. */
  const documentHead = (node: Node, titleP: string, stateP: string, dateP: string, mint: (alpha3: string, id: string) => string) => {
    const docId = required(node, DCTERMS.identifier, 'dcterms:identifier');
    const docTitle = required(node, titleP, titleP.slice(titleP.search(/[#/][^#/]*$/) + 1));
    const docState = state(node, stateP);
    const docDate = date(node, dateP);
    if (docId === undefined || docTitle === undefined || !docState) return undefined;
    checkIri(node, () => mint(docState.alpha3, docId));
    return { id: docId, title: docTitle, state: docState, date: docDate };
  };
  const optional = <K extends string, V>(key: K, value: V | undefined) => (value === undefined ? {} : ({ [key]: value } as { [P in K]: V }));

  // The corpus and its sources.
  const corpusNode = graph === undefined ? undefined : nodes.get(graph);
  const id = (corpusNode && str(corpusNode, DCTERMS.identifier)) ?? options.id ?? 'corpus';
  const title = (corpusNode && str(corpusNode, DCTERMS.title)) ?? options.title ?? `Research corpus ${id}`;
  const sources: CorpusSourceRecord[] = [{ id, title }];
  const sourceKey = new Map<string, string>([[graph ?? corpusGraphIri(id), id]]);
  // In merged triples, the corpus's sources are the ones its links cite (the others are the curated graph's).
  const documents = (iri: string | undefined) => iri !== undefined && (nodes.get(iri)?.types.has(UKG.Section) || nodes.get(iri)?.types.has(UKG.CourtCase));
  const cited = new Set(nodesOf(UKG.Link).filter((l) => documents(str(l, RDF.subject))).map((l) => str(l, PROV.wasDerivedFrom)));
  for (const node of nodesOf(UKG.Source)) {
    if (node.iri === graph || (merged && !cited.has(node.iri))) continue;
    const key = str(node, DCTERMS.identifier);
    const name = str(node, DCTERMS.title);
    if (key === undefined || name === undefined) {
      if (!merged) fail(node, 'missing_value', `source <${node.iri.slice(0, 80)}> has no dcterms:identifier or dcterms:title`);
      continue;
    }
    sourceKey.set(node.iri, key);
    sources.push({ id: key, title: name, ...optional('url', str(node, RDFS.seeAlso)) });
  }

  // Laws.
  const laws = new Map<string, LegislationRecord & { sections: SectionIri[] }>();
  for (const node of nodesOf(UKG.Legislation)) {
    const head = documentHead(node, ELI.title, ELI.jurisdiction, ELI.date_document, legislationIri);
    if (!head) continue;
    const { id: lawId, title: lawTitle, state: s, date: lawDate } = head;
    laws.set(node.iri, {
      kind: 'legislation',
      iri: node.iri as LegislationIri,
      id: lawId,
      state: s.alpha2,
      title: lawTitle,
      ...optional('officialId', str(node, ELI.id_local)),
      ...optional('date', lawDate),
      ...optional('url', str(node, RDFS.seeAlso)),
      languages: all(node, DCTERMS.language).map((t) => t.value),
      abbreviations: all(node, DCTERMS.alternative).map((t) => t.value),
      sections: [],
      ...optional('note', str(node, SKOS.note)),
      line: node.line,
    });
  }

  // Sections: each finds its parent (a law or a section), which may come later; keys and IRIs nest as the reader's.
  const sectionNodes = new Map(nodesOf(UKG.Section).map((n) => [n.iri, n] as const));
  const sections = new Map<string, SectionRecord & { children: SectionIri[] }>();
  /** Builds one section whose parent is built (or is a law, or was found bad). */
  const buildOne = (node: Node): void => {
    const number = required(node, ELI.number, 'eli:number');
    const parentIri = required(node, ELI.is_part_of, 'eli:is_part_of');
    if (number === undefined || parentIri === undefined) return;
    const parentNode = sectionNodes.get(parentIri);
    const parent = sections.get(parentIri);
    if (parentNode && !parent) return void bad.add(node.iri); // its parent was reported
    const lawOf = laws.get(parentIri) ?? (parent && laws.get(parent.legislation));
    if (!lawOf) {
      return void fail(node, 'unknown_legislation', `<${node.iri.slice(0, 80)}> is part of <${parentIri.slice(0, 80)}>, which is no law or section of this corpus`);
    }
    const key = parent ? `${parent.key}/${number}` : `${lawOf.id}#${number}`;
    const depth = parent ? key.split('/').length - 1 : 0;
    checkIri(node, () => sectionIri((parent?.iri ?? lawOf.iri) as LegislationIri | SectionIri, ELEMENTS[Math.min(depth, 2)]!, number));
    sections.set(node.iri, {
      iri: node.iri as SectionIri,
      legislation: lawOf.iri,
      key,
      number,
      ...optional('heading', languageMap(node, ELI.title)),
      ...optional('text', languageMap(node, UKG.wording)),
      ...optional('parent', parent?.iri),
      children: [],
      line: node.line,
    });
  };
  /** Builds a section after its ancestors (which may come later in the quads), without recursion: nesting can be deep. */
  const build = (start: Node): void => {
    const chain: Node[] = [];
    const onChain = new Set<string>();
    for (let node: Node | undefined = start; node && !sections.has(node.iri) && !bad.has(node.iri); ) {
      if (onChain.has(node.iri)) {
        for (const n of chain.slice(chain.indexOf(node))) fail(n, 'invalid_value', `<${n.iri.slice(0, 80)}> is part of itself (through eli:is_part_of)`);
        break;
      }
      onChain.add(node.iri);
      chain.push(node);
      const parentIri = str(node, ELI.is_part_of);
      node = parentIri === undefined ? undefined : sectionNodes.get(parentIri);
    }
    for (let k = chain.length - 1; k >= 0; k--) if (!bad.has(chain[k]!.iri)) buildOne(chain[k]!);
  };
  for (const node of sectionNodes.values()) build(node);
  // Children in the order their parent lists them (eli:has_part), then any it does not list.
  const listed = new Set<string>();
  const parentsInOrder: [string, SectionIri[]][] = [...laws.values()].map((l) => [l.iri, l.sections]);
  for (const s of sections.values()) parentsInOrder.push([s.iri, s.children]);
  const lists = new Map(parentsInOrder);
  for (const [parentIri, list] of lists) {
    const node = nodes.get(parentIri)!;
    for (const child of all(node, ELI.has_part)) {
      const section = sections.get(child.value);
      if (section && (section.parent ?? section.legislation) === parentIri && !listed.has(section.iri)) {
        list.push(section.iri);
        listed.add(section.iri);
      }
    }
  }
  for (const s of sections.values()) if (!listed.has(s.iri)) lists.get(s.parent ?? s.legislation)!.push(s.iri);

  // Cases and their charges.
  const cases: CaseRecord[] = [];
  const caseIris = new Set<string>();
  for (const node of nodesOf(UKG.CourtCase)) {
    const head = documentHead(node, DCTERMS.title, UKG.state, DCTERMS.date, caseIri);
    if (!head) continue;
    const { id: caseId, title: caseTitle, state: s, date: decisionDate } = head;
    const charges: ChargeRecord[] = all(node, UKG.charge).map((term) => {
      const charge = nodes.get(term.value);
      if (!charge) {
        report(node, 'missing_value', `charge <${term.value.slice(0, 80)}> is not described (no ukg:Charge node)`);
        return {};
      }
      const under = str(charge, UKG.chargedUnder);
      if (under !== undefined && !sections.has(under)) report(charge, 'unknown_section', `<${under.slice(0, 80)}> is no section of this corpus`);
      return {
        ...optional('section', under !== undefined && sections.has(under) ? (under as SectionIri) : undefined),
        ...optional('charge', str(charge, DCTERMS.description)),
        ...optional('verdict', str(charge, UKG.verdict)),
        ...optional('sentence', str(charge, UKG.sentence)),
      };
    });
    caseIris.add(node.iri);
    cases.push({
      kind: 'case',
      iri: node.iri as CaseIri,
      id: caseId,
      state: s.alpha2,
      title: caseTitle,
      ...optional('court', str(node, UKG.court)),
      ...optional('decisionDate', decisionDate),
      crimeTypes: all(node, UKG.crimeType).map((t) => t.value),
      ...optional('legalSystem', str(node, UKG.legalSystem)),
      ...optional('factSummary', languageMap(node, DCTERMS.abstract)),
      charges,
      sources: all(node, DCTERMS.bibliographicCitation).map((t) => t.value),
      crossCuttingIssues: all(node, UKG.crossCuttingIssue).map((t) => t.value),
      ...optional('url', str(node, RDFS.seeAlso)),
      ...optional('note', str(node, SKOS.note)),
      line: node.line,
    });
  }

  const links = readLinks(kg, nodesOf(UKG.Link), { sections, caseIris, sourceKey, merged }, report);

  // Every direct triple has its link node.
  const stated = new Set(links.map((l) => `${l.from}\n${l.property}\n${l.to}`));
  const checkStated = (iris: Iterable<string>, property: string, predicate: string) => {
    for (const iri of iris) {
      const node = nodes.get(iri)!;
      for (const to of all(node, predicate)) {
        if (!stated.has(`${iri}\n${property}\n${to.value}`)) report(node, 'missing_value', `<${iri.slice(0, 80)}> ${property} <${to.value.slice(0, 80)}> without the ukg:Link node that says who says so`);
      }
    }
  };
  checkStated(sections.keys(), 'implements', ELI.implements);
  checkStated(caseIris, 'applies', UKG.applies);

  errors.sort((a, b) => a.line - b.line);
  if (errors.length > 0 && !options.keepGood) throw new CorpusInvalidError('corpusFromQuads', options.name ?? 'the quads', errors);
  const keep = (iri: string) => !bad.has(iri);
  const legislation = [...laws.values()].filter((l) => keep(l.iri));
  const lawIris = new Set<string>(legislation.map((l) => l.iri));
  const sectionsLeft = [...sections.values()].filter((s) => keep(s.iri) && lawIris.has(s.legislation));
  const sectionIris = new Set<string>(sectionsLeft.map((s) => s.iri));
  const casesLeft = cases.filter((c) => keep(c.iri));
  const documentIris = new Set<string>([...sectionIris, ...casesLeft.map((c) => c.iri)]);
  const corpus: Corpus = {
    id,
    graph: corpusGraphIri(id),
    title,
    synthetic: (corpusNode && str(corpusNode, UKG.example)) === 'true',
    ...optional('note', corpusNode && str(corpusNode, SKOS.note)),
    legislation: legislation.map((l) => ({ ...l, sections: l.sections.filter((s) => sectionIris.has(s)) })),
    sections: sectionsLeft.map((s) => ({ ...s, children: s.children.filter((c) => sectionIris.has(c)) })),
    cases: casesLeft,
    sources,
    links: links.filter((l) => documentIris.has(l.from) && (l.toKind === 'provision' || sectionIris.has(l.to))),
  };
  return { corpus, errors };
}

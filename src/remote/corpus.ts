/**
 * The research corpora of a store, as far as one question needs them: the corpus links (`ukg:Link` nodes in a
 * corpus's named graph) to a set of provisions, then the sections, laws, cases and sources those links name, read
 * back into {@link Corpus} records by the same reader as an N-Quads file (`corpusFromQuads`), so that the local corpus
 * queries shape the answer. Every query is built with {@link sparqlQuery} or `sparqlValue`: no value is pasted.
 *
 * @module
 */
import type { Quad, Quad_Object, Quad_Subject } from '@rdfjs/types';
import { DataFactory } from 'n3';
import type { KnowledgeGraphCore } from '../core.js';
import { shorten, UntocKgError } from '../errors.js';
import { corpusFromQuads } from '../import/corpus.js';
import type { Corpus } from '../model/corpus.js';
import { stateIri } from '../model/ids.js';
import { allStates, stateByCode } from '../model/states.js';
import { CORPUS_LINK_PREDICATE } from '../rdf/corpus.js';
import { sparqlQuery, sparqlValue } from '../sparql/escape.js';
import { DCTERMS, ELI, PROV, RDF, UKG } from '../vocab/terms.js';
import { select, selectTerms, type Endpoint, type TermRow } from './client.js';

const { namedNode, quad } = DataFactory;

/** Which corpus links a question needs: to which provisions, of which kinds of document, of which States. */
export interface CorpusFilter {
  /** Provision (or instrument) IRIs the links point to. */
  readonly targets: readonly string[];
  /** `legislation` (sections implement), `case` (cases apply); default both. */
  readonly kinds?: readonly ('legislation' | 'case')[];
  /** ISO 3166-1 codes, already checked; default every State. */
  readonly states?: readonly string[];
}

/** What the views of an answer read of a record; the rest of a record (texts, charges, dates) stays in the store. */
const RECORD_FIELDS = [RDF.type, DCTERMS.identifier, DCTERMS.title, ELI.title, ELI.jurisdiction, UKG.state, ELI.number, ELI.is_part_of, DCTERMS.alternative, UKG.crimeType];
const KIND_PREDICATE = { legislation: CORPUS_LINK_PREDICATE.implements, case: CORPUS_LINK_PREDICATE.applies } as const;

const values = (variable: string, list: readonly string[]) => `VALUES ?${variable} { ${list.map((iri) => sparqlValue({ iri })).join(' ')} }`;

/** The State IRIs of checked ISO codes. */
function stateIris(codes: readonly string[]): string[] {
  return codes.map((code) => stateIri(stateByCode(code)!.alpha3));
}

/**
 * The SPARQL that reads every triple of the corpus links to `filter.targets` (of the kinds and States asked for),
 * with the corpus graph each is in.
 *
 * @example
 * ```ts
 * corpusLinksQuery({ targets: [provisionIri], states: ['IT'] })
 * ```
 */
export function corpusLinksQuery(filter: CorpusFilter): string {
  const predicates = (filter.kinds ?? ['legislation', 'case']).map((k) => KIND_PREDICATE[k]);
  const byState = filter.states
    ? `?link ${sparqlValue({ iri: RDF.subject })} ?from .
    { ?from ${sparqlValue({ iri: ELI.is_part_of })}+ ?law . ?law ${sparqlValue({ iri: ELI.jurisdiction })} ?state } UNION { ?from ${sparqlValue({ iri: UKG.state })} ?state }
    ${values('state', stateIris(filter.states))}`
    : '';
  return `SELECT ?g ?link ?p ?o WHERE {
  ${values('to', filter.targets)}
  ${values('kind', predicates)}
  GRAPH ?g {
    ?g a ${sparqlValue({ iri: UKG.Corpus })} .
    ?link ${sparqlValue({ iri: RDF.object })} ?to ; ${sparqlValue({ iri: RDF.predicate })} ?kind .
    ${byState}
    ?link ?p ?o .
  }
}`;
}

/**
 * The SPARQL that reads what the views need of `subjects` (sections with every section and law above them, cases).
 * (The subjects themselves and what is above them are two branches: Virtuoso 7.2 drops the zero-length match of
 * `eli:is_part_of*` from a bound subject.)
 */
export function corpusRecordsQuery(subjects: readonly string[]): string {
  return `SELECT ?g ?s ?p ?o WHERE {
  ${values('from', subjects)}
  ${values('p', RECORD_FIELDS)}
  GRAPH ?g {
    ?g a ${sparqlValue({ iri: UKG.Corpus })} .
    { ?from ?p ?o . BIND (?from AS ?s) } UNION { ?from ${sparqlValue({ iri: ELI.is_part_of })}+ ?s . ?s ?p ?o }
  }
}`;
}

/** The SPARQL that reads the corpora's own nodes and the sources their links cite (each in its corpus's graph). */
export function corpusSourcesQuery(nodes: readonly string[]): string {
  return `SELECT ?g ?s ?p ?o WHERE {
  ${values('s', nodes)}
  ${values('p', [RDF.type, DCTERMS.identifier, DCTERMS.title])}
  GRAPH ?g { ?g a ${sparqlValue({ iri: UKG.Corpus })} . ?s ?p ?o }
}`;
}

/** The SPARQL that finds the States of every document in the store's corpora (what a coverage matrix shows by default). */
export const CORPUS_STATES_QUERY = sparqlQuery`SELECT DISTINCT ?state WHERE {
  GRAPH ?g {
    ?g a ${{ iri: UKG.Corpus }} .
    { ?document a ${{ iri: UKG.Legislation }} ; ${{ iri: ELI.jurisdiction }} ?state } UNION { ?document a ${{ iri: UKG.CourtCase }} ; ${{ iri: UKG.state }} ?state }
  }
}`;

/** The quads of rows `?g ?s ?p ?o` (or `?link` for `?s`), by graph. */
function quadsByGraph(rows: readonly TermRow[], into: Map<string, Quad[]>, subject = 's'): void {
  for (const row of rows) {
    const g = row.g!;
    let list = into.get(g.value);
    if (!list) into.set(g.value, (list = []));
    list.push(quad(row[subject] as Quad_Subject, namedNode(row.p!.value), row.o as Quad_Object, namedNode(g.value)));
  }
}

/**
 * The corpora of the store, holding only the links `filter` selects and the records they name.
 *
 * Links come in the order the local reader gives the links of one section or case: those stated in the records
 * before those found in the text, then (the store keeping no order of its own) by IRI.
 *
 * @throws {@link UntocKgError} `remote_error` when the store's corpora name something this dataset does not know
 *   (a provision, a State) or break the corpus format; `remote_unreachable`, `remote_credentials` from the store.
 */
export async function fetchCorpora(operation: string, endpoint: Endpoint, core: KnowledgeGraphCore, filter: CorpusFilter): Promise<Corpus[]> {
  if (filter.targets.length === 0) return [];
  const linkRows = await selectTerms(operation, endpoint, corpusLinksQuery(filter));
  if (linkRows.length === 0) return [];
  const derived = new Set(linkRows.filter((r) => r.p!.value === UKG.foundInText && r.o!.value === 'true').map((r) => r.link!.value));
  const rank = (iri: string) => `${derived.has(iri) ? 1 : 0}${iri}`;
  linkRows.sort((a, b) => {
    const x = rank(a.link!.value);
    const y = rank(b.link!.value);
    return x < y ? -1 : x > y ? 1 : 0;
  });
  const byGraph = new Map<string, Quad[]>();
  quadsByGraph(linkRows, byGraph, 'link');
  const of = (p: string) => [...new Set(linkRows.filter((r) => r.p!.value === p).map((r) => r.o!.value))];
  const subjects = of(RDF.subject);
  const sources = [...new Set([...of(PROV.wasDerivedFrom), ...byGraph.keys()])];
  const records = new Map<string, Quad[]>();
  for (let i = 0; i < subjects.length; i += 400) quadsByGraph(await selectTerms(operation, endpoint, corpusRecordsQuery(subjects.slice(i, i + 400))), records);
  quadsByGraph(await selectTerms(operation, endpoint, corpusSourcesQuery(sources)), records);

  const corpora: Corpus[] = [];
  for (const graph of [...byGraph.keys()].sort()) {
    // Records first, as the reader expects them in a file: the links' subjects must be known when it reads the links.
    const { corpus, errors } = corpusFromQuads(core, [...(records.get(graph) ?? []), ...byGraph.get(graph)!], { keepGood: true, name: graph });
    const error = errors[0];
    if (error) {
      throw new UntocKgError('remote_error', operation, `the store's corpus <${shorten(graph)}> does not read back with this dataset: ${shorten(error.message, 160)} [${error.code}]; publish corpora with the dataset the client loads`, {
        value: graph,
      });
    }
    corpora.push(corpus);
  }
  return corpora;
}

let statesByIri: Map<string, string> | undefined;

/** The States (alpha-2, sorted) of every document in the store's corpora. */
export async function corpusStates(operation: string, endpoint: Endpoint): Promise<string[]> {
  statesByIri ??= new Map(allStates().map((s) => [stateIri(s.alpha3) as string, s.alpha2] as const));
  const out = new Set<string>();
  for (const row of await select(operation, endpoint, CORPUS_STATES_QUERY)) {
    const alpha2 = statesByIri.get(row.state!);
    if (!alpha2) throw new UntocKgError('remote_error', operation, `the store's corpora hold a document of <${shorten(row.state!)}>, which is not a State node`, { value: row.state });
    out.add(alpha2);
  }
  return [...out].sort();
}

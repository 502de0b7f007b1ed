/**
 * The peers a user would pick instead of the library's typed queries, asked the same question over the same triples:
 * a hand-written walk over an N3 Store, and Oxigraph's SPARQL (in its best formulation, and in the one an earlier
 * bench used, so the report can show both). Each returns rows `"{subject} {via} {match}"`, which the bench and the
 * agreement tests (tests/bench/) compare with the library's answers as sets.
 *
 * Imports no part of the library, so that the benchmarks (against `dist/`) and the tests (against `src/`) share it.
 *
 * @module
 */
import { DataFactory, Writer, type Store } from 'n3';

export const ELI_PART_OF = 'http://data.europa.eu/eli/ontology#is_part_of';
export const ELI_HAS_PART = 'http://data.europa.eu/eli/ontology#has_part';
export const UKG = 'https://w3id.org/untoc-kg/ontology#';
/** What a tool (or part) states about the provision it addresses. */
export const ADDRESSES = [`${UKG}addresses`] as const;
/**
 * What a national section or a case states about the provision it implements or applies, as the library exports a
 * corpus (`corpusQuads`): `eli:implements`, `ukg:applies`.
 */
export const CORPUS_LINKS = ['http://data.europa.eu/eli/ontology#implements', `${UKG}applies`] as const;

/** One answer row: who, through which provision, how it matches. */
export type Row = string;
export const row = (subject: string, via: string, match: string): Row => `${subject} ${via} ${match}`;

/**
 * The N3 Store walk: who states a link to the provision (exact), to each provision above it (broader, following
 * `eli:is_part_of`) and to each below it (narrower, following `eli:has_part`), each provision once.
 */
export function n3Walk(store: Store, provision: string, predicates: readonly string[]): Row[] {
  const { namedNode } = DataFactory;
  const links = predicates.map((p) => namedNode(p));
  const out: Row[] = [];
  const linked = (via: string, match: string) => {
    const object = namedNode(via);
    for (const p of links) for (const q of store.getQuads(null, p, object, null)) out.push(row(q.subject.value, via, match));
  };
  const walk = (relation: string, match: string) => {
    const predicate = namedNode(relation);
    const seen = new Set<string>();
    const stack = [provision];
    while (stack.length > 0) {
      for (const q of store.getQuads(namedNode(stack.pop()!), predicate, null, null)) {
        const next = q.object.value;
        if (seen.has(next)) continue;
        seen.add(next);
        stack.push(next);
        linked(next, match);
      }
    }
  };
  linked(provision, 'exact');
  walk(ELI_PART_OF, 'broader');
  walk(ELI_HAS_PART, 'narrower');
  return out;
}

/** A SPARQL formulation of the question, by name. */
export interface Formulation {
  /** A short name, for progress lines and the report's phases. */
  readonly id: string;
  readonly name: string;
  readonly text: (provision: string, predicates: readonly string[]) => string;
}

const PREFIXES = 'PREFIX eli: <http://data.europa.eu/eli/ontology#>\n';
const alternatives = (predicates: readonly string[]) => predicates.map((p) => `<${p}>`).join('|');

/**
 * The best formulation found: both paths start from the bound provision (`<X> eli:is_part_of+ ?via`,
 * `<X> eli:has_part+ ?via`), so Oxigraph walks from it instead of scanning every link triple.
 */
export const BEST: Formulation = {
  id: 'from-provision',
  name: 'from the provision: <X> eli:is_part_of+ ?via (broader), <X> eli:has_part+ ?via (narrower)',
  text: (x, predicates) => `${PREFIXES}SELECT ?subject ?via ?match WHERE {
  { ?subject ${alternatives(predicates)} <${x}> . BIND(<${x}> AS ?via) BIND("exact" AS ?match) }
  UNION { <${x}> eli:is_part_of+ ?via . ?subject ${alternatives(predicates)} ?via . BIND("broader" AS ?match) }
  UNION { <${x}> eli:has_part+ ?via . ?subject ${alternatives(predicates)} ?via . BIND("narrower" AS ?match) }
}`,
};

/** The formulation of the earlier bench: the narrower branch reads `?via eli:is_part_of+ <X>`. */
export const TOWARDS: Formulation = {
  id: 'towards-provision',
  name: 'towards the provision: ?via eli:is_part_of+ <X> (narrower)',
  text: (x, predicates) => `${PREFIXES}SELECT ?subject ?via ?match WHERE {
  { ?subject ${alternatives(predicates)} <${x}> . BIND(<${x}> AS ?via) BIND("exact" AS ?match) }
  UNION { <${x}> eli:is_part_of+ ?via . ?subject ${alternatives(predicates)} ?via . BIND("broader" AS ?match) }
  UNION { ?via eli:is_part_of+ <${x}> . ?subject ${alternatives(predicates)} ?via . BIND("narrower" AS ?match) }
}`,
};

/** The part of an Oxigraph store the peers use. */
export interface SparqlStore {
  query(query: string): unknown;
}

/** Runs a formulation on Oxigraph and returns its rows. */
export function sparqlRows(store: SparqlStore, formulation: Formulation, provision: string, predicates: readonly string[]): Row[] {
  const solutions = store.query(formulation.text(provision, predicates)) as Iterable<Map<string, { value: string }>>;
  const out: Row[] = [];
  for (const s of solutions) out.push(row(s.get('subject')!.value, s.get('via')!.value, s.get('match')!.value));
  return out;
}

/** Rows as a sorted list without duplicates, for comparing answers as sets. */
export function rowSet(rows: Iterable<Row>): Row[] {
  return [...new Set(rows)].sort();
}

interface Iri {
  readonly iri: string;
}

/** `toolsAddressing`'s answer as rows: the subject is the part if there is one, else the tool. */
export function toolRows(results: readonly { readonly match: string; readonly via: Iri; readonly tool: Iri; readonly part: Iri | null }[]): Row[] {
  return results.map((r) => row((r.part ?? r.tool).iri, r.via.iri, r.match));
}

/** `documentsAddressing`'s answer as rows: the subject is the section if there is one, else the case. */
export function documentRows(results: readonly { readonly match: string; readonly via: Iri; readonly document: Iri; readonly section: Iri | null }[]): Row[] {
  return results.map((r) => row((r.section ?? r.document).iri, r.via.iri, r.match));
}

/** A store's triples as N-Triples (what Oxigraph loads). */
export function nTriples(store: Store): string {
  const writer = new Writer({ format: 'N-Triples' });
  for (const q of store.getQuads(null, null, null, null)) writer.addQuad(q.subject, q.predicate, q.object);
  let out = '';
  writer.end((error, text) => {
    if (error) throw error;
    out = text;
  });
  return out;
}

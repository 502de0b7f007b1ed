/**
 * The qualified links a remote question needs, read from the store: the SPARQL that finds them (built only with
 * {@link sparqlQuery}, so every value goes through `sparqlValue`) and the reading of each row back into the link
 * record the local queries take. The store's own `eli:is_part_of` hierarchy says which provisions enclose or lie
 * inside the one asked about.
 *
 * @module
 */
import { shorten, UntocKgError } from '../errors.js';
import type { Dataset, LinkRecord } from '../model/dataset.js';
import { linkId, type NodeIri, type SourceId } from '../model/ids.js';
import { PROPERTY_OF } from '../rdf/terms.js';
import { sparqlQuery, sparqlValue } from '../sparql/escape.js';
import { ELI, PROV, RDF, RDFS, UKG } from '../vocab/terms.js';
import { select, type Endpoint, type Row } from './client.js';

const FIELDS = sparqlQuery`
  ?link a ${{ iri: UKG.Link }} ; ${{ iri: RDF.subject }} ?from ; ${{ iri: RDF.predicate }} ?p ; ${{ iri: RDF.object }} ?to ;
        ${{ iri: UKG.basis }} ?basis ; ${{ iri: UKG.status }} ?status ; ${{ iri: PROV.wasDerivedFrom }} ?source .
  OPTIONAL { ?link ${{ iri: UKG.locator }} ?locator }
  OPTIONAL { ?link ${{ iri: RDFS.comment }} ?note }
  OPTIONAL { ?link ${{ iri: UKG.correction }} ?correction }
  OPTIONAL { ?link ${{ iri: UKG.discrepancy }} ?discrepancy }`;

/** Only the links of the curated graph: a research corpus's links (`eli:implements`, `ukg:applies`) are asked apart. */
const CURATED = `?link ${sparqlValue({ iri: RDF.predicate })} ?predicate . VALUES ?predicate { ${[...PROPERTY_OF.keys()].map((iri) => sparqlValue({ iri })).join(' ')} }`;

/**
 * The SPARQL that finds the link nodes with an end (or a correction) at `node`, at a provision that encloses it or at
 * one inside it.
 * (Asked apart from the links' fields: Virtuoso plans the two much faster one at a time.)
 *
 * @example
 * ```ts
 * neighbourhoodQuery(provisionIri) // 'SELECT DISTINCT ?link WHERE { { ?node <…is_part_of>* <…/art_27> } UNION … }'
 * ```
 */
export function neighbourhoodQuery(node: string): string {
  return `SELECT DISTINCT ?link WHERE {
  ${sparqlQuery`{ ?node ${{ iri: ELI.is_part_of }}* ${{ iri: node }} } UNION { ${{ iri: node }} ${{ iri: ELI.is_part_of }}* ?node }
  { ?link ${{ iri: RDF.object }} ?node } UNION { ?link ${{ iri: RDF.subject }} ?node } UNION { ?link ${{ iri: UKG.correction }} ?node }`}
  ${CURATED}
}`;
}

/** The SPARQL that finds the link nodes to one of `targets`. */
export function linksToQuery(targets: readonly string[]): string {
  return `SELECT DISTINCT ?link WHERE {
  VALUES ?to { ${targets.map((t) => sparqlValue({ iri: t })).join(' ')} }
  ?link ${sparqlValue({ iri: RDF.object })} ?to .
  ${CURATED}
}`;
}

/** The SPARQL that reads the fields of the link nodes `links`. */
export function linkFieldsQuery(links: readonly string[]): string {
  return `SELECT ?link ?from ?p ?to ?basis ?status ?source ?locator ?note ?correction ?discrepancy WHERE {
  VALUES ?link { ${links.map((l) => sparqlValue({ iri: l })).join(' ')} }
  ${FIELDS}
}`;
}

/** Every node a link can join in the local dataset, by IRI, as the branded id its records use. */
export function nodesOf(dataset: Dataset): ReadonlyMap<string, NodeIri> {
  const out = new Map<string, NodeIri>();
  for (const r of dataset.provisions) out.set(r.id, r.id);
  for (const r of dataset.instruments) out.set(r.iri, r.iri);
  for (const r of dataset.tools) out.set(r.iri, r.iri);
  for (const r of dataset.parts) out.set(r.id, r.id);
  for (const r of dataset.themes) out.set(r.iri, r.iri);
  return out;
}

function mismatch(operation: string, what: string, value: string): UntocKgError {
  return new UntocKgError('remote_error', operation, `the store holds ${what} "${shorten(value)}" that this dataset does not know; publish the same dataset the client loads`, { value });
}

/**
 * The link records in `rows`, one per link node (the first row of each), in IRI order.
 *
 * @throws {@link UntocKgError} `remote_error` when a link refers to a node, source or property the local dataset does
 *   not know, or its IRI is not the one its fields mint (the store holds another version of the data).
 */
export function linksOf(operation: string, nodes: ReadonlyMap<string, NodeIri>, sources: ReadonlyMap<string, SourceId>, rows: readonly Row[]): LinkRecord[] {
  const out = new Map<string, LinkRecord>();
  for (const row of rows) {
    const iri = row.link!;
    if (out.has(iri)) continue;
    const property = PROPERTY_OF.get(row.p!);
    if (!property) throw mismatch(operation, 'a link with the predicate', row.p!);
    const from = nodes.get(row.from!);
    if (!from) throw mismatch(operation, 'a link from', row.from!);
    const to = nodes.get(row.to!);
    if (!to) throw mismatch(operation, 'a link to', row.to!);
    const source = sources.get(row.source!);
    if (!source) throw mismatch(operation, 'a link derived from', row.source!);
    const basis = row.basis;
    const status = row.status;
    if (basis !== 'text' && basis !== 'source' && basis !== 'curated') throw mismatch(operation, 'a link with the basis', String(basis));
    if (status !== 'asserted' && status !== 'disputed') throw mismatch(operation, 'a link with the status', String(status));
    const id = linkId(property, from, to, source);
    if (id !== iri) throw mismatch(operation, 'the link', iri);
    const correction = row.correction === undefined ? undefined : nodes.get(row.correction);
    if (row.correction !== undefined && !correction) throw mismatch(operation, 'a correction to', row.correction);
    out.set(iri, {
      id,
      property,
      from,
      to,
      basis,
      source,
      status,
      file: 'remote',
      ...(row.locator !== undefined && { locator: row.locator }),
      ...(row.note !== undefined && { note: row.note }),
      ...(correction !== undefined && { correction }),
      ...(row.discrepancy !== undefined && { discrepancy: row.discrepancy }),
    });
  }
  return [...out.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Runs a query for link nodes (`?link`) against the store, then reads their fields, a few hundred at a time. */
export async function fetchLinks(operation: string, endpoint: Endpoint, nodes: ReadonlyMap<string, NodeIri>, sources: ReadonlyMap<string, SourceId>, query: string): Promise<LinkRecord[]> {
  const iris = (await select(operation, endpoint, query)).map((row) => row.link!);
  const rows: Row[] = [];
  for (let i = 0; i < iris.length; i += 400) rows.push(...(await select(operation, endpoint, linkFieldsQuery(iris.slice(i, i + 400)))));
  return linksOf(operation, nodes, sources, rows);
}

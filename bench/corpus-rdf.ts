/**
 * A minimal N-Triples serialization of a research corpus, for the peers of the bench (the N3 Store walk and
 * Oxigraph), until the library's own corpus export is on this branch: each law, section and case with its type,
 * title or number and State, each section's place in its law, and each link as a direct triple (`ukg:implements`,
 * `ukg:applies`) plus a qualified link node with its basis, source, locator and note, the way the curated graph
 * states `ukg:addresses`. The peers read only the direct triples; the rest gives the load the size it would have.
 *
 * Imports no part of the library at run time (only its types), so the bench and the tests share it.
 *
 * @module
 */
import type { Corpus } from '../src/model/corpus.js';
import { CORPUS_LINKS, UKG } from './peers.js';

const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';
const TITLE = 'http://purl.org/dc/terms/title';
const ELI_NUMBER = 'http://data.europa.eu/eli/ontology#number';
const ELI_PART_OF = 'http://data.europa.eu/eli/ontology#is_part_of';

const iri = (value: string) => `<${value}>`;
/** JSON's string escapes are valid N-Triples escapes (`\"`, `\\`, `\n`, `\uXXXX`, …). */
const text = (value: string) => JSON.stringify(value);
const triple = (s: string, p: string, o: string) => `${iri(s)} ${iri(p)} ${o} .\n`;

/** The corpus's triples, one N-Triples line each. */
export function* corpusNTriples(corpus: Corpus): Generator<string, void, undefined> {
  const [implementsIri, appliesIri] = CORPUS_LINKS;
  for (const law of corpus.legislation) {
    yield triple(law.iri, RDF_TYPE, iri(`${UKG}Legislation`));
    yield triple(law.iri, TITLE, text(law.title));
    yield triple(law.iri, `${UKG}state`, text(law.state));
  }
  for (const section of corpus.sections) {
    yield triple(section.iri, RDF_TYPE, iri(`${UKG}Section`));
    yield triple(section.iri, ELI_NUMBER, text(section.number));
    yield triple(section.iri, ELI_PART_OF, iri(section.parent ?? section.legislation));
  }
  for (const c of corpus.cases) {
    yield triple(c.iri, RDF_TYPE, iri(`${UKG}Case`));
    yield triple(c.iri, TITLE, text(c.title));
    yield triple(c.iri, `${UKG}state`, text(c.state));
  }
  for (const link of corpus.links) {
    yield triple(link.from, link.property === 'implements' ? implementsIri : appliesIri, iri(link.to));
    yield triple(link.id, RDF_TYPE, iri(`${UKG}Link`));
    yield triple(link.id, `${UKG}basis`, text(link.basis));
    yield triple(link.id, `${UKG}source`, text(link.source));
    if (link.locator !== undefined) yield triple(link.id, `${UKG}locator`, text(link.locator));
    if (link.note !== undefined) yield triple(link.id, `${UKG}note`, text(link.note));
  }
}

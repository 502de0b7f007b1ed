/**
 * A research corpus as RDF quads, all in the corpus's own named graph (`graph/corpus/{id}`, which is also the IRI of
 * the corpus itself). Established vocabularies first (ontology/untoc-kg.ttl says why each `ukg:` term exists):
 *
 * - a national law is an `eli:LegalResource` (and `ukg:Legislation`) with `eli:title`, `eli:id_local` (its official
 *   identifier), `eli:date_document` (xsd:date), `eli:jurisdiction` (the State node `state/{alpha-3}`),
 *   `dcterms:language`, `dcterms:alternative` (the abbreviations texts cite it by) and `eli:has_part`;
 * - a section is an `eli:LegalResourceSubdivision` (and `ukg:Section`) with `eli:number`, `eli:title` and
 *   `ukg:wording` per language, `eli:is_part_of` / `dcterms:isPartOf` its parent; it `eli:implements` provisions;
 * - a court case is a `ukg:CourtCase` ⊑ `bibo:LegalCaseDocument`, with `dcterms:date` (the decision date, xsd:date),
 *   `ukg:court`, `ukg:crimeType`, `ukg:legalSystem`, `dcterms:abstract` (the fact summary per language) and
 *   `ukg:charge` nodes; it `ukg:applies` provisions and national sections;
 * - every link also has its `ukg:Link` node with `ukg:basis`, `prov:wasDerivedFrom` and `ukg:locator`, written by
 *   the same code as the curated graph's links.
 *
 * The user's ids (which IRIs lower-case) are kept as `dcterms:identifier`, so that `corpusFromQuads` gives the same
 * corpus back.
 *
 * @module
 */
import type { Quad } from '@rdfjs/types';
import type { Corpus, CorpusLinkProperty, LanguageMap } from '../model/corpus.js';
import { chargeIri, corpusSourceIri, stateIri } from '../model/ids.js';
import { stateByCode } from '../model/states.js';
import { BIBO, DCTERMS, ELI, PROV, RDF, RDFS, SKOS, UKG, XSD } from '../vocab/terms.js';
import { qualifiedLinkQuads } from './quads.js';
import { drainEmission, QuadCollector, type Emission, type TripleSink } from './sink.js';

/** The predicate of the direct triple of each kind of corpus link. */
export const CORPUS_LINK_PREDICATE: Readonly<Record<CorpusLinkProperty, string>> = {
  implements: ELI.implements,
  applies: UKG.applies,
};

/**
 * The IRI of each source of a corpus by its key: the corpus itself for its own key (curated links, and the texts
 * the corpus holds), `graph/corpus/{id}/source/{key}` for the others.
 *
 * @example
 * ```ts
 * corpusSourceIris(corpus).get('sherloc') // '…/graph/corpus/example/source/sherloc'
 * ```
 */
export function corpusSourceIris(corpus: Corpus): Map<string, string> {
  return new Map(corpus.sources.map((s) => [s.id, s.id === corpus.id ? corpus.graph : corpusSourceIri(corpus.id, s.id)] as const));
}

/**
 * Every record of a corpus as quads in the corpus's named graph: the corpus, its sources, the States it refers to,
 * its laws and their sections, its cases and their charges, and its links with their provenance. Texts carry their
 * language tags; dates are xsd:date.
 *
 * @example
 * ```ts
 * const { corpus } = readCorpusLines(kg, text)
 * rdfToString(corpusQuads(corpus), 'nquads')
 * ```
 */
export function corpusQuads(corpus: Corpus): Quad[] {
  const sink = new QuadCollector(true);
  drainEmission(emitCorpus(corpus, sink));
  return sink.quads;
}

/**
 * Sends every triple of a corpus to `sink`, in the corpus's named graph, yielding between records: what
 * {@link corpusQuads} collects and the streaming writers write.
 *
 * @example
 * ```ts
 * drainEmission(emitCorpus(corpus, new QuadCollector(true)))
 * ```
 */
export function* emitCorpus(corpus: Corpus, sink: TripleSink): Emission {
  sink.graph(corpus.graph);
  const iri = (s: string, p: string, o: string) => sink.iri(s, p, o);
  const text = (s: string, p: string, o: string, language?: string) => sink.text(s, p, o, language);
  const date = (s: string, p: string, value: string) => sink.typed(s, p, value, XSD.date);
  const texts = (s: string, p: string, map: LanguageMap | undefined) => {
    if (map) for (const [language, value] of Object.entries(map)) text(s, p, value, language);
  };

  // The corpus: a source of its own curated links and of the texts it holds.
  const c = corpus.graph;
  iri(c, RDF.type, UKG.Corpus);
  iri(c, RDF.type, UKG.Source);
  iri(c, RDF.type, PROV.Entity);
  text(c, DCTERMS.identifier, corpus.id);
  text(c, DCTERMS.title, corpus.title);
  sink.typed(c, UKG.example, String(corpus.synthetic), XSD.boolean);
  if (corpus.note) text(c, SKOS.note, corpus.note);
  const sourceIri = corpusSourceIris(corpus);
  for (const s of corpus.sources) {
    if (s.id === corpus.id) continue;
    const node = sourceIri.get(s.id)!;
    iri(node, RDF.type, UKG.Source);
    iri(node, RDF.type, PROV.Entity);
    text(node, DCTERMS.identifier, s.id);
    text(node, DCTERMS.title, s.title);
    if (s.url) iri(node, RDFS.seeAlso, s.url);
  }

  // The States the documents belong to, so that the graph stands alone.
  const states = new Map<string, string>();
  const stateOf = (alpha2: string): string => {
    let node = states.get(alpha2);
    if (node === undefined) {
      const state = stateByCode(alpha2)!;
      node = stateIri(state.alpha3);
      states.set(alpha2, node);
      iri(node, RDF.type, UKG.State);
      text(node, RDFS.label, state.name, 'en');
      text(node, UKG.alpha2, state.alpha2);
      text(node, UKG.alpha3, state.alpha3);
    }
    return node;
  };

  for (const law of corpus.legislation) {
    const s = law.iri;
    iri(s, RDF.type, UKG.Legislation);
    iri(s, RDF.type, ELI.LegalResource);
    text(s, DCTERMS.identifier, law.id);
    text(s, ELI.title, law.title);
    iri(s, ELI.jurisdiction, stateOf(law.state));
    if (law.officialId) text(s, ELI.id_local, law.officialId);
    if (law.date) date(s, ELI.date_document, law.date);
    if (law.url) iri(s, RDFS.seeAlso, law.url);
    for (const language of law.languages) text(s, DCTERMS.language, language);
    for (const abbreviation of law.abbreviations) text(s, DCTERMS.alternative, abbreviation);
    if (law.note) text(s, SKOS.note, law.note);
    for (const section of law.sections) iri(s, ELI.has_part, section);
    yield;
  }

  for (const section of corpus.sections) {
    const s = section.iri;
    const parent = section.parent ?? section.legislation;
    iri(s, RDF.type, UKG.Section);
    iri(s, RDF.type, ELI.LegalResourceSubdivision);
    text(s, ELI.number, section.number);
    texts(s, ELI.title, section.heading);
    texts(s, UKG.wording, section.text);
    if (section.text) iri(s, UKG.wordingSource, c);
    iri(s, ELI.is_part_of, parent);
    iri(s, DCTERMS.isPartOf, parent);
    for (const child of section.children) iri(s, ELI.has_part, child);
    yield;
  }

  for (const k of corpus.cases) {
    const s = k.iri;
    iri(s, RDF.type, UKG.CourtCase);
    iri(s, RDF.type, BIBO.LegalCaseDocument);
    text(s, DCTERMS.identifier, k.id);
    text(s, DCTERMS.title, k.title);
    iri(s, UKG.state, stateOf(k.state));
    if (k.court) text(s, UKG.court, k.court);
    if (k.decisionDate) date(s, DCTERMS.date, k.decisionDate);
    for (const crimeType of k.crimeTypes) text(s, UKG.crimeType, crimeType);
    if (k.legalSystem) text(s, UKG.legalSystem, k.legalSystem);
    texts(s, DCTERMS.abstract, k.factSummary);
    k.charges.forEach((charge, n) => {
      const node = chargeIri(k.iri, n + 1);
      iri(s, UKG.charge, node);
      iri(node, RDF.type, UKG.Charge);
      if (charge.section) iri(node, UKG.chargedUnder, charge.section);
      if (charge.charge) text(node, DCTERMS.description, charge.charge);
      if (charge.verdict) text(node, UKG.verdict, charge.verdict);
      if (charge.sentence) text(node, UKG.sentence, charge.sentence);
    });
    for (const source of k.sources) text(s, DCTERMS.bibliographicCitation, source);
    for (const issue of k.crossCuttingIssues) text(s, UKG.crossCuttingIssue, issue);
    if (k.url) iri(s, RDFS.seeAlso, k.url);
    if (k.note) text(s, SKOS.note, k.note);
    yield;
  }

  for (const link of corpus.links) {
    qualifiedLinkQuads(
      {
        id: link.id,
        from: link.from,
        predicate: CORPUS_LINK_PREDICATE[link.property],
        to: link.to,
        basis: link.basis,
        status: 'asserted',
        source: sourceIri.get(link.source)!,
        locator: link.locator,
        note: link.note,
      },
      sink,
    );
    if (link.derived) sink.typed(link.id, UKG.foundInText, 'true', XSD.boolean);
    yield;
  }
}

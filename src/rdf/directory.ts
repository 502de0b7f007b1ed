/**
 * The directory as RDF: each snapshot in its own named graph (`graph/directory/{id}`, which is also the snapshot's
 * IRI) with the authorities it lists (`ukg:CompetentAuthority` ⊑ `org:Organization`, `ukg:designatedUnder`,
 * `ukg:category`, `ukg:state`, contact details); the States referred to in `graph/states`; each category on its part
 * of the directory tool (designation basis and clauses, related articles, aliases, whether designations are inferred,
 * and the source of all that); participation figures as count claims on the instruments, and per-State
 * participation records, in `graph/participation/{file}`.
 *
 * @module
 */
import type { Quad } from '@rdfjs/types';
import type { Dataset } from '../model/dataset.js';
import { countIri, graphIri, participationIri } from '../model/ids.js';
import { DCTERMS, ORG, PROV, RDF, RDFS, SKOS, UKG, VCARD, XSD } from '../vocab/terms.js';
import { drainEmission, QuadCollector, type Emission, type TripleSink } from './sink.js';

/**
 * The quads of the directory, States and participation of a dataset, appended to `out`.
 *
 * @param graphs - put each quad in its named graph (else the default graph).
 * @example
 * ```ts
 * const quads: Quad[] = []
 * directoryQuads(kg.dataset, quads, true)
 * ```
 */
export function directoryQuads(dataset: Dataset, out: Quad[], graphs: boolean): void {
  drainEmission(emitDirectory(dataset, new QuadCollector(graphs, out)));
}

/**
 * Sends the triples of the directory, States and participation of a dataset to `sink`, each in its named graph,
 * yielding between records.
 *
 * @example
 * ```ts
 * drainEmission(emitDirectory(kg.dataset, new QuadCollector(true)))
 * ```
 */
export function* emitDirectory(dataset: Dataset, sink: TripleSink): Emission {
  const useGraph = (iri: string) => sink.graph(iri);
  const iri = (s: string, p: string, o: string) => sink.iri(s, p, o);
  const text = (s: string, p: string, o: string, language?: string) => sink.text(s, p, o, language);
  const bool = (s: string, p: string, value: boolean) => sink.typed(s, p, String(value), XSD.boolean);
  const date = (s: string, p: string, value: string) => sink.typed(s, p, value, XSD.date);
  const sourceIriOf = new Map(dataset.sources.map((s) => [s.id as string, s.iri as string]));
  const stateIriOf = new Map((dataset.states ?? []).map((s) => [s.alpha2, s.iri as string]));

  useGraph(graphIri('states'));
  for (const s of dataset.states ?? []) {
    iri(s.iri, RDF.type, UKG.State);
    text(s.iri, RDFS.label, s.name, 'en');
    text(s.iri, UKG.alpha2, s.alpha2);
    text(s.iri, UKG.alpha3, s.alpha3);
  }

  for (const c of dataset.categories ?? []) {
    useGraph(graphIri('tool', c.tool));
    text(c.part, UKG.designationBasis, c.basis);
    for (const p of c.designatedUnder) iri(c.part, UKG.designationClause, p);
    for (const p of c.related) iri(c.part, UKG.relatedProvision, p);
    for (const alias of c.aliases) text(c.part, SKOS.altLabel, alias);
    bool(c.part, UKG.inferDesignation, c.inferDesignation);
    for (const s of c.sources) iri(c.part, UKG.designationSource, sourceIriOf.get(s)!);
    if (c.locator) text(c.part, UKG.designationLocator, c.locator);
    text(c.part, SKOS.note, c.note, 'en');
  }

  const partOfCategory = new Map((dataset.categories ?? []).map((c) => [c.id as string, c.part as string]));
  const snapshotIri = new Map((dataset.snapshots ?? []).map((s) => [s.id, s.iri]));
  for (const s of dataset.snapshots ?? []) {
    useGraph(s.iri);
    iri(s.iri, RDF.type, UKG.DirectorySnapshot);
    iri(s.iri, RDF.type, PROV.Entity);
    text(s.iri, DCTERMS.identifier, s.id);
    if (s.title) text(s.iri, DCTERMS.title, s.title, 'en');
    if (s.asOf) text(s.iri, UKG.asOf, s.asOf);
    if (s.source) iri(s.iri, PROV.wasDerivedFrom, sourceIriOf.get(s.source)!);
    if (s.note) text(s.iri, SKOS.note, s.note, 'en');
    bool(s.iri, UKG.example, s.example);
  }
  // Authorities are grouped by snapshot in the dataset, so the graph changes rarely.
  let current = '';
  for (const a of dataset.authorities ?? []) {
    const g = snapshotIri.get(a.snapshot)!;
    if (g !== current) {
      useGraph(g);
      current = g;
    }
    iri(a.id, RDF.type, UKG.CompetentAuthority);
    iri(a.id, RDF.type, ORG.Organization);
    text(a.id, RDFS.label, a.name);
    text(a.id, SKOS.prefLabel, a.name);
    iri(a.id, UKG.state, stateIriOf.get(a.state)!);
    iri(a.id, UKG.listedIn, g);
    for (const c of a.categories) iri(a.id, UKG.category, partOfCategory.get(c)!);
    if (a.categoriesInferred) bool(a.id, UKG.categoryInferred, true);
    for (const p of a.designatedUnder) iri(a.id, UKG.designatedUnder, p);
    if (a.designationInferred) bool(a.id, UKG.designationInferred, true);
    if (a.city) text(a.id, UKG.city, a.city);
    if (a.address) text(a.id, UKG.postalAddress, a.address);
    if (a.phone) text(a.id, UKG.telephone, a.phone);
    if (a.email) iri(a.id, VCARD.hasEmail, `mailto:${a.email}`);
    if (a.website) iri(a.id, VCARD.hasURL, a.website);
    for (const language of a.languages) text(a.id, UKG.acceptedLanguage, language);
    if (a.hours) text(a.id, UKG.officeHours, a.hours);
    if (a.timeZone) text(a.id, UKG.timeZone, a.timeZone);
    if (a.urgentViaInterpol !== undefined) bool(a.id, UKG.urgentViaInterpol, a.urgentViaInterpol);
    if (a.notes) text(a.id, SKOS.note, a.notes);
    if (a.updated) date(a.id, DCTERMS.modified, a.updated);
    iri(a.id, PROV.wasDerivedFrom, sourceIriOf.get(a.source)!);
    if (a.locator) text(a.id, UKG.locator, a.locator);
    yield;
  }

  const instrumentIri = new Map(dataset.instruments.map((i) => [i.id as string, i.iri]));
  for (const f of dataset.participationFigures ?? []) {
    useGraph(graphIri('participation', f.file));
    const instrument = instrumentIri.get(f.instrument)!;
    for (const [what, value] of [['signatories', f.signatories], ['parties', f.parties]] as const) {
      if (value === undefined) continue;
      const c = countIri(instrument, what, f.source, f.asOf);
      iri(instrument, UKG.reportedCount, c);
      iri(c, RDF.type, UKG.CountClaim);
      sink.typed(c, RDF.value, String(value), XSD.integer);
      text(c, DCTERMS.description, what, 'en');
      text(c, UKG.qualifier, 'exactly');
      text(c, UKG.asOf, f.asOf);
      if (f.locator) text(c, UKG.locator, f.locator);
      iri(c, PROV.wasDerivedFrom, sourceIriOf.get(f.source)!);
    }
  }
  const alpha3 = new Map((dataset.states ?? []).map((s) => [s.alpha2, s.alpha3]));
  for (const r of dataset.participation ?? []) {
    useGraph(graphIri('participation', r.file));
    const p = participationIri(alpha3.get(r.state)!, r.instrument, r.asOf, r.source);
    iri(p, RDF.type, UKG.Participation);
    iri(p, RDF.type, PROV.Entity);
    iri(p, UKG.state, stateIriOf.get(r.state)!);
    iri(p, UKG.inInstrument, instrumentIri.get(r.instrument)!);
    if (r.signature) date(p, UKG.signatureDate, r.signature);
    if (r.consent) {
      text(p, UKG.consentType, r.consent.kind);
      date(p, UKG.consentDate, r.consent.date);
    }
    text(p, UKG.asOf, r.asOf);
    if (r.example) bool(p, UKG.example, true);
    if (r.locator) text(p, UKG.locator, r.locator);
    if (r.note) text(p, SKOS.note, r.note, 'en');
    iri(p, PROV.wasDerivedFrom, sourceIriOf.get(r.source)!);
    yield;
  }
}

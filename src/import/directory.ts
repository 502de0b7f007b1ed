/**
 * Reading what `rdf/directory.ts` writes: the States, the directory's categories (on parts of the directory tool),
 * its snapshots and the authorities each lists, and participation (per-State records, and the signatory and party
 * counts stated on instruments).
 *
 * @module
 */
import type {
  AuthorityRecord,
  CategoryRecord,
  ConsentKind,
  DesignationBasis,
  InstrumentRecord,
  ParticipationFigureRecord,
  ParticipationRecord,
  PartRecord,
  SnapshotRecord,
  StateRecord,
  ToolRecord,
} from '../model/dataset.js';
import { authorityId, categoryId, graphIri, graphName, type ProvisionId, type StateIri } from '../model/ids.js';
import { DCTERMS, RDF, RDFS, SKOS, UKG, VCARD } from '../vocab/terms.js';
import { clip } from './clip.js';
import type { Facts, ReadContext } from './facts.js';
import type { SourceIds } from './quads.js';
import { defined } from '../util/defined.js';

/** How the readers name provisions: by their IRI, checked against the provisions read. */
export type ProvisionsOf = (iri: string, facts: Facts, path: string) => ProvisionId[];

/** The States the graph refers to. */
export function readStates(ctx: ReadContext): StateRecord[] {
  return ctx.typed(UKG.State).map(({ iri, facts }) => ({
    iri: iri as StateIri,
    alpha2: facts.text(UKG.alpha2) ?? '',
    alpha3: facts.text(UKG.alpha3) ?? '',
    name: facts.text(RDFS.label) ?? '',
  }));
}

/** The directory's categories: the parts of a tool that carry a designation basis. */
export function readCategories(ctx: ReadContext, parts: readonly PartRecord[], tools: readonly ToolRecord[], sourceIds: SourceIds, provisionsOf: ProvisionsOf): CategoryRecord[] {
  const toolOf = new Map<string, ToolRecord>(tools.map((t) => [t.id, t]));
  return parts.flatMap((part): CategoryRecord[] => {
    const facts = ctx.facts(part.id);
    const basis = facts.text(UKG.designationBasis) as DesignationBasis | undefined;
    if (basis === undefined) return [];
    const id = ctx.mint(part.id, DCTERMS.identifier, part.path, categoryId);
    const sources = sourceIds(part.id, facts, UKG.designationSource);
    if (id === undefined || sources.length === 0) return [];
    if (part.parent !== undefined) ctx.issue(part.id, UKG.designationBasis, 'a directory category is a top-level part of its tool');
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
        file: ctx.file(graphIri('tool', part.tool)),
      },
    ];
  });
}

/** The directory snapshots: each one's IRI is its graph's. */
export function readSnapshots(ctx: ReadContext, sourceIds: SourceIds): SnapshotRecord[] {
  return ctx.typed(UKG.DirectorySnapshot).map(({ iri, facts }): SnapshotRecord => {
    const id = facts.text(DCTERMS.identifier) ?? '';
    const expected = ctx.mint(iri, DCTERMS.identifier, id, (value) => graphIri('directory', value));
    if (expected !== undefined && expected !== iri) ctx.issue(iri, DCTERMS.identifier, `a snapshot's IRI is its graph's, <${expected}> for the identifier "${clip(id)}"`);
    const source = sourceIds(iri, facts)[0];
    return {
      id,
      iri,
      ...facts.optional('title', DCTERMS.title),
      ...facts.optional('asOf', UKG.asOf),
      ...defined({ source }),
      example: facts.text(UKG.example) === 'true',
      ...facts.optional('note', SKOS.note),
      file: ctx.file(iri),
    };
  });
}

/** What an authority's fields refer to: the records read before them. */
export interface AuthorityContext {
  readonly states: readonly StateRecord[];
  readonly categories: readonly CategoryRecord[];
  readonly snapshots: readonly SnapshotRecord[];
  readonly sourceIds: SourceIds;
  readonly provisionsOf: ProvisionsOf;
}

/**
 * The authorities, one record per snapshot that lists them. With named graphs, each snapshot's graph holds its
 * records; without, an authority listed in two snapshots cannot be told apart into two records and is reported.
 */
export function readAuthorities(ctx: ReadContext, { states, categories, snapshots, sourceIds, provisionsOf }: AuthorityContext): AuthorityRecord[] {
  const alpha2Of = new Map<string, string>(states.map((s) => [s.iri, s.alpha2]));
  const categoryOf = new Map<string, CategoryRecord['id']>(categories.map((c) => [c.part, c.id]));
  const snapshotOf = new Map(snapshots.map((s) => [s.iri, s.id]));
  return ctx.typedPerGraph(UKG.CompetentAuthority).flatMap(({ iri, facts }): AuthorityRecord[] => {
    const listed = facts.iris(UKG.listedIn);
    if (listed.length > 1) {
      ctx.issue(iri, UKG.listedIn, 'listed in several snapshots: give each snapshot its named graph (TriG, N-Quads or JSON-LD with graphs) so that each keeps its own record');
      return [];
    }
    const snapshot = snapshotOf.get(listed[0] ?? '');
    const state = alpha2Of.get(facts.iri(UKG.state) ?? '');
    const slug = /\/cna\/([a-z]{3})\/([^/]+)$/.exec(iri);
    const id = slug ? ctx.mint(iri, RDF.type, slug[2]!, (s) => authorityId(slug[1]!, s)) : undefined;
    const source = sourceIds(iri, facts)[0];
    if (snapshot === undefined) ctx.issue(iri, UKG.listedIn, `<${listed[0]}> is not a directory snapshot of the graph`);
    if (state === undefined) ctx.issue(iri, UKG.state, `<${facts.iri(UKG.state)}> is not a State of the graph`);
    const categoryIds = facts.iris(UKG.category).flatMap((c) => {
      const known = categoryOf.get(c);
      if (known === undefined) ctx.issue(iri, UKG.category, `<${c}> is not a directory category (a part with a ukg:designationBasis)`);
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
function participationFile(graph: string | undefined): string {
  const name = graph === undefined ? undefined : graphName(graph);
  return name?.startsWith('participation/') ? name.slice('participation/'.length) : 'import';
}

/** Per-State participation records, and the signatory and party counts of instruments (paired by source and date). */
export function readParticipation(
  ctx: ReadContext,
  states: readonly StateRecord[],
  instruments: readonly InstrumentRecord[],
  sourceIds: SourceIds,
): { participation: ParticipationRecord[]; participationFigures: ParticipationFigureRecord[] } {
  const alpha2Of = new Map<string, string>(states.map((s) => [s.iri, s.alpha2]));
  const instrumentOf = new Map<string, InstrumentRecord['id']>(instruments.map((i) => [i.iri, i.id]));
  const participation = ctx.typedPerGraph(UKG.Participation).flatMap(({ iri, facts, graph }): ParticipationRecord[] => {
    const state = alpha2Of.get(facts.iri(UKG.state) ?? '');
    const instrument = instrumentOf.get(facts.iri(UKG.inInstrument) ?? '');
    const source = sourceIds(iri, facts)[0];
    if (state === undefined) ctx.issue(iri, UKG.state, `<${facts.iri(UKG.state)}> is not a State of the graph`);
    if (instrument === undefined) ctx.issue(iri, UKG.inInstrument, `<${facts.iri(UKG.inInstrument)}> is not an instrument of the graph`);
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
        file: participationFile(graph),
        example: facts.text(UKG.example) === 'true',
      },
    ];
  });

  // Figures: the signatory and party counts stated on instruments, outside the tools' graphs.
  const figures = new Map<string, ParticipationFigureRecord & { signatories?: number; parties?: number }>();
  for (const { iri, id: instrument } of instruments) {
    for (const q of ctx.quadsOf(iri)) {
      if (q.predicate.value !== UKG.reportedCount || q.object.termType !== 'NamedNode') continue;
      const graph = q.graph.termType === 'NamedNode' ? q.graph.value : undefined;
      if (graph !== undefined && !graphName(graph)?.startsWith('participation/')) continue;
      const count = ctx.facts(q.object.value);
      const what = count.text(DCTERMS.description);
      if (what !== 'signatories' && what !== 'parties') continue;
      const source = sourceIds(q.object.value, count)[0];
      const asOf = count.text(UKG.asOf);
      if (source === undefined || asOf === undefined) continue;
      const locator = count.text(UKG.locator);
      const file = participationFile(graph);
      const key = [instrument, source, asOf, locator ?? '', file].join('\u0000');
      const figure = figures.get(key) ?? { instrument, asOf, source, ...defined({ locator }), file };
      figures.set(key, { ...figure, [what]: Number(count.text(RDF.value)) });
    }
  }
  return { participation, participationFigures: [...figures.values()] };
}

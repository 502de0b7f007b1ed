/**
 * Reading the records that `rdf/quads.ts` writes: sources, instruments and their provisions (with the wording
 * attached from treaty texts), themes, tools and their parts, and links with their provenance. What RDF does not
 * carry is rebuilt: the order of children (from their numbers; of parts, from their paths) and an instrument's kind
 * (from its id or ELI path).
 *
 * @module
 */
import type {
  Basis,
  Completeness,
  CountRecord,
  Dataset,
  InstrumentRecord,
  LinkRecord,
  PartRecord,
  ProvisionRecord,
  SourceRecord,
  TextRecord,
  ThemeRecord,
  ToolRecord,
} from '../model/dataset.js';
import {
  eliPathOf,
  graphIri,
  instrumentAsProvision,
  instrumentId,
  partId,
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
  type ThemeId,
  type ToolId,
  type ToolIri,
} from '../model/ids.js';
import { knownInstrument, type InstrumentKind } from '../model/instruments.js';
import { numberOrder } from '../model/numbers.js';
import { KIND_OF, LEVEL_OF, PROPERTY_OF } from '../rdf/terms.js';
import { DCTERMS, ELI, PROV, RDF, RDFS, SKOS, UKG } from '../vocab/terms.js';
import { clip } from './clip.js';
import { Facts, type ReadContext, type SourceIdsOf } from './facts.js';
import { defined } from '../util/defined.js';

/** How the readers name sources: by their IRI, checked against the sources read. */
export type SourceIds = SourceIdsOf<SourceId>;

/** The sources (`ukg:Source` with a `dcterms:identifier`). */
export function readSources(ctx: ReadContext): SourceRecord[] {
  return ctx.typed(UKG.Source).flatMap(({ iri, facts }) => {
    const id = ctx.mint(iri, DCTERMS.identifier, facts.text(DCTERMS.identifier) ?? '', sourceId);
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

/** The function that turns a node's `prov:wasDerivedFrom` (or another path) into source ids, reporting unknown ones. */
export function sourceIdsOf(ctx: ReadContext, sources: readonly SourceRecord[]): SourceIds {
  const sourceOf = new Map<string, SourceId>(sources.map((s) => [s.iri, s.id]));
  return (iri, facts, path = PROV.wasDerivedFrom) =>
    facts.iris(path).flatMap((s) => {
      const id = sourceOf.get(s);
      if (id === undefined) ctx.issue(iri, path, `<${s}> is not a source of the graph (a ukg:Source with a dcterms:identifier)`);
      return id === undefined ? [] : [id];
    });
}

/** The instruments; the dates and identifiers they carry come back with the instrument's sources. */
export function readInstruments(ctx: ReadContext, sourceIds: SourceIds): InstrumentRecord[] {
  return ctx.typed(UKG.Instrument).flatMap(({ iri, facts }) => {
    const id = ctx.mint(iri, DCTERMS.identifier, facts.text(DCTERMS.identifier) ?? '', instrumentId);
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
      file: ctx.file(graphIri('instrument', id)),
    };
    return [record];
  });
}

function instrumentKind(id: string, iri: InstrumentIri): InstrumentKind {
  const known = knownInstrument(id);
  if (known) return known.kind;
  const segment = eliPathOf(iri).split('/')[2];
  return segment === 'protocol' || segment === 'model-law' ? segment : 'convention';
}

/** The position of a printed number among its siblings: `2` < `2 bis` < `3`, `5` < `5.A`, `ii` < `iv`, `II` < `IV`. */
function numberKey(level: ProvisionLevel, printed: string): readonly [number, number] {
  return numberOrder(printed, level === 'item' || level === 'chapter');
}

/**
 * The instrument whose IRI `iri` extends (or is), by looking its prefixes up: the first of `instruments` in their
 * order when several match. Only prefixes as long as the longest instrument IRI are tried, so this is linear in that
 * length, not in the number of instruments.
 */
function instrumentUnder(iri: string, order: ReadonlyMap<string, number>, instruments: readonly InstrumentRecord[], longest: number): InstrumentRecord | undefined {
  let best: number | undefined;
  const consider = (prefix: string) => {
    const at = order.get(prefix);
    if (at !== undefined && (best === undefined || at < best)) best = at;
  };
  if (iri.length <= longest) consider(iri);
  for (let cut = iri.indexOf('/'); cut >= 0 && cut <= longest; cut = iri.indexOf('/', cut + 1)) consider(iri.slice(0, cut));
  return best === undefined ? undefined : instruments[best];
}

type Draft<T, Child> = Omit<T, 'children'> & { children: Child[] };

/** The provisions in document order: each instrument's articles with everything inside them, then its chapters. */
export function readProvisions(ctx: ReadContext, instruments: readonly InstrumentRecord[]): ProvisionRecord[] {
  const order = new Map<string, number>(instruments.map((i, at) => [i.iri, at]));
  const longest = instruments.reduce((max, i) => Math.max(max, i.iri.length), 0);
  const records = new Map<string, Draft<ProvisionRecord, ProvisionId>>();
  const parentsOf = new Map<string, string[]>();
  for (const { iri, facts } of ctx.typed(UKG.Provision)) {
    const instrument = instrumentUnder(iri, order, instruments, longest);
    const split = instrument && splitProvisionId(iri, [instrument.iri]);
    if (!instrument || !split?.eid) {
      ctx.issue(iri, undefined, `a provision must be an instrument's IRI followed by an eId path (…/art_27/para_1); this is under none of ${instruments.length} instruments`);
      continue;
    }
    const level = LEVEL_OF.get(facts.iri(ELI.type_subdivision) ?? '');
    if (!level) continue; // the shapes require a known subdivision type
    const notation = facts.text(SKOS.notation);
    if (notation !== split.eid) ctx.issue(iri, SKOS.notation, `the eId "${clip(notation ?? '')}" does not match the IRI, whose eId is "${clip(split.eid)}"`);
    parentsOf.set(iri, facts.iris(ELI.is_part_of));
    records.set(iri, {
      id: iri as ProvisionId,
      instrument: instrument.id,
      eid: split.eid,
      level,
      number: facts.text(ELI.number) ?? '',
      ...facts.optionalIn('heading', DCTERMS.title, 'en'),
      ...facts.optional('group', UKG.group),
      ...facts.optional('summary', DCTERMS.abstract),
      parent: instrumentAsProvision(instrument.iri),
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
      ctx.issue(iri, ELI.is_part_of, `a ${record.level}'s parent is <${expected}>${record.level === 'article' ? ' (and maybe a chapter)' : ''}; got ${parents.map((p) => `<${p}>`).join(', ')}`);
      continue;
    }
    if (record.level !== 'article' && record.level !== 'chapter' && !records.has(parent)) {
      ctx.issue(iri, ELI.is_part_of, `its parent <${parent}> is not a provision of the graph`);
      continue;
    }
    const chapterRecord = chapter === undefined ? undefined : records.get(chapter);
    records.set(iri, { ...record, parent: expected, ...(chapterRecord && { chapter: chapterRecord.id }) });
  }
  const top = new Map<string, ProvisionId[]>();
  for (const record of records.values()) {
    records.get(record.parent)?.children.push(record.id);
    if (record.chapter) records.get(record.chapter)?.children.push(record.id);
    if (order.has(record.parent) && instruments[order.get(record.parent)!]!.id === record.instrument) {
      const list = top.get(record.parent);
      if (list) list.push(record.id);
      else top.set(record.parent, [record.id]);
    }
  }
  const byNumber = (a: ProvisionId, b: ProvisionId) => {
    const [x, y] = [records.get(a)!, records.get(b)!];
    const [kx, ky] = [numberKey(x.level, x.number), numberKey(y.level, y.number)];
    return kx[0] - ky[0] || kx[1] - ky[1] || (a < b ? -1 : a > b ? 1 : 0);
  };
  for (const record of records.values()) record.children.sort(byNumber);
  const out: ProvisionRecord[] = [];
  const visit = (id: ProvisionId) => {
    for (const stack = [id]; stack.length > 0; ) {
      const record = records.get(stack.pop()!)!;
      out.push(record);
      if (record.level !== 'chapter') for (let i = record.children.length - 1; i >= 0; i--) stack.push(record.children[i]!);
    }
  };
  for (const instrument of instruments) {
    const ids = (top.get(instrument.iri) ?? []).sort(byNumber);
    for (const id of ids) if (records.get(id)!.level === 'article') visit(id);
    for (const id of ids) if (records.get(id)!.level === 'chapter') visit(id);
  }
  return out;
}

/**
 * Wording attached from treaty texts: per instrument and provision, `ukg:wording` (`ukg:preamble` for the
 * instrument) and the headings in languages other than English, each language one record with the node's
 * `ukg:wordingSource`. An English heading the curated data lacks comes back as the provision's heading (the same
 * triple). Several sources on one node cannot say which language came from which, and are reported.
 */
export function readTexts(ctx: ReadContext, instruments: readonly InstrumentRecord[], provisions: readonly ProvisionRecord[], sourceIds: SourceIds): TextRecord[] {
  const out: TextRecord[] = [];
  const nodes: [ProvisionId, InstrumentRecord['id'], string][] = [
    ...instruments.map((i): [ProvisionId, InstrumentRecord['id'], string] => [instrumentAsProvision(i.iri), i.id, UKG.preamble]),
    ...provisions.map((p): [ProvisionId, InstrumentRecord['id'], string] => [p.id, p.instrument, UKG.wording]),
  ];
  for (const [iri, instrument, property] of nodes) {
    const graph = graphIri('instrument', instrument);
    const facts = new Facts(ctx.quadsOf(iri).filter((q) => q.graph.termType !== 'NamedNode' || q.graph.value === graph));
    const sources = sourceIds(iri, facts, UKG.wordingSource);
    if (sources.length === 0) continue;
    if (sources.length > 1) {
      ctx.issue(iri, UKG.wordingSource, `wording from ${sources.length} documents on one node: the RDF does not say which language came from which; attach one text at a time`);
      continue;
    }
    const words = new Map(facts.literals(property).map((t) => [t.language, t.value]));
    const headings = new Map(facts.literals(DCTERMS.title).filter((t) => t.language !== 'en').map((t) => [t.language, t.value]));
    for (const language of new Set([...words.keys(), ...headings.keys()])) {
      if (language === '') continue;
      const text = words.get(language);
      const heading = headings.get(language);
      out.push({ provision: iri, instrument, language, ...defined({ text, heading }), source: sources[0]! });
    }
  }
  return out;
}

/** The themes (SKOS concepts in the theme scheme) and the scheme's title and description. */
export function readThemes(ctx: ReadContext, sourceIds: SourceIds): { themes: ThemeRecord[]; themeScheme: Dataset['themeScheme'] } {
  const scheme = ctx.facts(THEME_SCHEME_IRI);
  const concepts = ctx.typed(SKOS.Concept).filter(({ facts }) => facts.iris(SKOS.inScheme).includes(THEME_SCHEME_IRI));
  const ids = new Map<string, ThemeId>();
  for (const { iri, facts } of concepts) {
    const id = ctx.mint(iri, SKOS.notation, facts.text(SKOS.notation) ?? '', themeId);
    if (id !== undefined) ids.set(iri, id);
  }
  const themes = concepts.flatMap(({ iri, facts }): ThemeRecord[] => {
    const id = ids.get(iri);
    if (id === undefined) return [];
    const broader = facts.iris(SKOS.broader).flatMap((b) => {
      const known = ids.get(b);
      if (known === undefined) ctx.issue(iri, SKOS.broader, `<${b}> is not a theme of the graph`);
      return known === undefined ? [] : [known];
    });
    return [{ id, iri: iri as ThemeRecord['iri'], label: facts.text(SKOS.prefLabel) ?? '', broader, ...facts.optional('definition', SKOS.definition), sources: sourceIds(iri, facts) }];
  });
  return {
    themes,
    themeScheme: { title: scheme.text(DCTERMS.title) ?? 'Themes', ...scheme.optional('description', DCTERMS.description) },
  };
}

/** The count claims a tool states (`ukg:reportedCount`), each with its source. */
function readCounts(ctx: ReadContext, facts: Facts, sourceIds: SourceIds): CountRecord[] {
  return facts.iris(UKG.reportedCount).flatMap((c) => {
    const count = ctx.facts(c);
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
}

/** The tools and their parts; each part belongs to the first node up its `dcterms:isPartOf` chain that is not a part. */
export function readTools(ctx: ReadContext, instruments: readonly InstrumentRecord[], sourceIds: SourceIds): { tools: ToolRecord[]; parts: PartRecord[] } {
  const instrumentOf = new Map<string, InstrumentRecord>(instruments.map((i) => [i.iri, i]));
  const partFacts = new Map(ctx.typed(UKG.ToolPart).map(({ iri, facts }) => [iri, facts]));
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
  for (const { iri, facts } of ctx.typed(UKG.Tool, 'last')) {
    const id = ctx.mint(iri, DCTERMS.identifier, facts.text(DCTERMS.identifier) ?? '', toolId);
    const kind = facts.iris(RDF.type).map((t) => KIND_OF.get(t)).find((k) => k !== undefined);
    if (id === undefined) continue;
    if (!kind) {
      ctx.issue(iri, RDF.type, `a tool needs one of the classes ${[...KIND_OF.keys()].map((k) => `<${k}>`).join(', ')}`);
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
    const instrument = instrumentOf.get(iri);
    const toolParts = readParts(ctx, iri as ToolIri, id, partsOfTool.get(iri) ?? [], sourceIds);
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
      counts: readCounts(ctx, facts, sourceIds),
      sources: sourceIds(iri, facts),
      file: ctx.file(graphIri('tool', id)),
    });
  }
  const read = new Set<string>(parts.map((p) => p.id));
  for (const [iri] of partFacts) {
    if (!read.has(iri)) ctx.issue(iri, DCTERMS.isPartOf, "a tool part must be part of a tool (through dcterms:isPartOf), and its IRI the tool's followed by its path");
  }
  return { tools, parts };
}

/** A tool's parts (`mine`: those whose chain of dcterms:isPartOf ends at the tool), in path order, each after its parent. */
function readParts(ctx: ReadContext, tool: ToolIri, id: ToolId, mine: readonly [string, Facts][], sourceIds: SourceIds): PartRecord[] {
  const records = new Map<string, Draft<PartRecord, PartId>>();
  for (const [iri, facts] of mine) {
    const path = facts.text(DCTERMS.identifier) ?? '';
    const expected = ctx.mint(iri, DCTERMS.identifier, path, (p) => partId(tool, p));
    if (expected === undefined) continue;
    if (expected !== iri) {
      ctx.issue(iri, DCTERMS.identifier, `a part's IRI is its tool's followed by its path: <${expected}> for the path "${clip(path)}"`);
      continue;
    }
    const parent = facts.iri(DCTERMS.isPartOf)!;
    records.set(iri, {
      id: expected,
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
  const sorted = [...records.values()].sort((a, b) => a.path.localeCompare(b.path, 'en', { numeric: true }));
  for (const record of sorted) if (record.parent) records.get(record.parent)?.children.push(record.id);
  const out: PartRecord[] = [];
  const visit = (record: Draft<PartRecord, PartId>) => {
    out.push(record);
    for (const child of record.children) visit(records.get(child)!);
  };
  for (const record of sorted) if (!record.parent) visit(record);
  return out;
}

/** The nodes of the graph a link may join, and the graph each would state it in without named graphs. */
export interface LinkEnds {
  readonly instruments: readonly InstrumentRecord[];
  readonly provisions: readonly ProvisionRecord[];
  readonly tools: readonly ToolRecord[];
  readonly parts: readonly PartRecord[];
  readonly themes: readonly ThemeRecord[];
}

/** The links (`ukg:Link` nodes), each in the graph of the file that states it. */
export function readLinks(ctx: ReadContext, sourceIds: SourceIds, ends: LinkEnds): LinkRecord[] {
  const { instruments, provisions, tools, parts, themes } = ends;
  const nodes = new Set<string>([...instruments.map((i) => i.iri), ...provisions.map((p) => p.id), ...tools.map((t) => t.iri), ...parts.map((p) => p.id), ...themes.map((t) => t.iri)]);
  const instrumentOf = new Map<string, string>([...provisions.map((p): [string, string] => [p.id, p.instrument]), ...instruments.map((i): [string, string] => [i.iri, i.id])]);
  const toolOf = new Map<string, string>([...tools.map((t): [string, string] => [t.iri, t.id]), ...parts.map((p): [string, string] => [p.id, p.tool])]);
  return ctx.typed(UKG.Link).flatMap(({ iri, facts }): LinkRecord[] => {
    const property = PROPERTY_OF.get(facts.iri(RDF.predicate) ?? '');
    const from = facts.iri(RDF.subject);
    const to = facts.iri(RDF.object);
    const source = sourceIds(iri, facts)[0];
    if (!property || !from || !to || source === undefined) return [];
    for (const [path, node] of [[RDF.subject, from], [RDF.object, to], [UKG.correction, facts.iri(UKG.correction)]] as const) {
      if (node !== undefined && !nodes.has(node)) ctx.issue(iri, path, `<${node}> is not a node of the graph (an instrument, provision, tool, part or theme)`);
    }
    // The graph of the link's type triple is where it is stated; without graphs, where the export would put it.
    const instrument = property !== 'subject' && property !== 'addresses' ? instrumentOf.get(from) : undefined;
    const tool = toolOf.get(from);
    const stated = facts.graphOf(RDF.type, UKG.Link) ?? (instrument !== undefined ? graphIri('instrument', instrument) : tool !== undefined ? graphIri('tool', tool) : graphIri('themes'));
    const correction = facts.iri(UKG.correction);
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
        ...(correction !== undefined && { correction: correction as NodeIri }),
        ...facts.optional('discrepancy', UKG.discrepancy),
        file: ctx.file(stated),
      },
    ];
  });
}

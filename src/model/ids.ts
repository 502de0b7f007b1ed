/**
 * Identifiers. The only module that builds or takes apart IRI strings (DESIGN.md §2). Every id is a branded string, so
 * a function that wants a {@link ProvisionId} cannot be handed a {@link ToolId} or a label.
 *
 * Base: `https://w3id.org/untoc-kg/`. Provision IRIs are the instrument IRI followed by the Akoma Ntoso eId with `__`
 * replaced by `/`. IRIs are lower-case ASCII; labels never go into IRIs.
 *
 * @module
 */
import { isCleanNum, isEidNum, LATIN_SUFFIX_PATTERN } from './numbers.js';
import { hash64 } from '../util/hash.js';

export { hash64 };

declare const brand: unique symbol;
/** A string type that only this module mints. */
export type Brand<T, B extends string> = T & { readonly [brand]: B };

/** The base IRI every node of the graph lives under. */
export const BASE_IRI = 'https://w3id.org/untoc-kg/';

/** An instrument's stable id, e.g. `untoc`, `som-protocol`. */
export type InstrumentId = Brand<string, 'InstrumentId'>;
/** An Akoma Ntoso eId, e.g. `art_27__para_1__point_e` (elided `list`, lower-case). */
export type Eid = Brand<string, 'Eid'>;
/** The IRI of an instrument or of a provision (article, paragraph, subparagraph, item, chapter). */
export type ProvisionId = Brand<string, 'ProvisionId'>;
/** The IRI of an instrument. Every instrument IRI is also a valid {@link ProvisionId} root. */
export type InstrumentIri = Brand<string, 'InstrumentIri'>;
/** A tool's stable id, e.g. `legislative-guides`. */
export type ToolId = Brand<string, 'ToolId'>;
/** The IRI of a tool (for the Model Law, its instrument IRI). */
export type ToolIri = Brand<string, 'ToolIri'>;
/** The IRI of a part of a tool, e.g. `…/tool/legislative-guides/part_1/chp_5`. */
export type PartId = Brand<string, 'PartId'>;
/** A theme's slug, e.g. `law-enforcement-cooperation`. */
export type ThemeId = Brand<string, 'ThemeId'>;
/** The IRI of a theme (a SKOS concept). */
export type ThemeIri = Brand<string, 'ThemeIri'>;
/** The key of a source document, e.g. `seed`, `S1`. */
export type SourceId = Brand<string, 'SourceId'>;
/** The IRI of a source document. */
export type SourceIri = Brand<string, 'SourceIri'>;
/** The IRI of a qualified link node. */
export type LinkId = Brand<string, 'LinkId'>;
/** The IRI of a competent national authority, `cna/{alpha-3}/{slug}`. */
export type AuthorityId = Brand<string, 'AuthorityId'>;
/** The IRI of a State: `state/{alpha-3}`. */
export type StateIri = Brand<string, 'StateIri'>;
/** The id of a directory category: the path of its part of the `cna-directory` tool, e.g. `smuggling-of-migrants-by-sea`. */
export type CategoryId = Brand<string, 'CategoryId'>;
/** The IRI of any node of the graph. */
export type NodeIri = ProvisionId | InstrumentIri | ToolIri | PartId | ThemeIri | SourceIri | LinkId | AuthorityId;

/** The element kinds an eId is built from. */
export type EidElement = 'chp' | 'art' | 'para' | 'point';

/** One component of an eId: `art_27` is `{ element: 'art', num: '27' }`. */
export interface EidSegment {
  readonly element: EidElement;
  readonly num: string;
}

/** The kind of subdivision a provision is (the value of `eli:type_subdivision`). */
export type ProvisionLevel = 'chapter' | 'article' | 'paragraph' | 'subparagraph' | 'item' | 'subitem';

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const NUM = /^[0-9a-z]+(?:-[0-9a-z]+)*$/;
const ELI_PATH = /^eli(?:\/[a-z0-9-]+)+$/;
const LATIN_SPACE = new RegExp(`\\s+(${LATIN_SUFFIX_PATTERN})$`);
const ELEMENTS: ReadonlySet<string> = new Set<EidElement>(['chp', 'art', 'para', 'point']);

/** True when `value` is a lower-case slug (`a-z`, `0-9`, single hyphens). */
export function isSlug(value: string): boolean {
  return SLUG.test(value);
}

/**
 * Cleans a printed number the Akoma Ntoso way, lower-cased for IRIs: surrounding punctuation and spaces go, a space
 * before a Latin suffix goes (`2 bis` → `2bis`), inner punctuation becomes `-` (`5.A` → `5-a`, `(e)` → `e`).
 */
export function cleanNum(printed: string): string {
  if (isCleanNum(printed)) return printed;
  return printed
    .trim()
    .toLowerCase()
    .replace(/^[^0-9a-z]+|[^0-9a-z]+$/g, '')
    .replace(LATIN_SPACE, '$1')
    .replace(/[^0-9a-z]+/g, '-');
}

/** Gives an id minted here (or a string checked here) another brand: the one place a brand changes. */
function rebrand<T extends Brand<string, string>>(value: string): T {
  return value as T;
}

function fail(operation: string, message: string): never {
  // ids.ts imports only numbers.ts (which imports nothing), so that it can be used anywhere; the loader wraps these.
  throw new TypeError(`${operation}: ${message}`);
}

/** Builds an eId from its segments. Throws a `TypeError` for a malformed number (a programming error). */
export function mintEid(segments: readonly EidSegment[]): Eid {
  if (segments.length === 0) fail('mintEid', 'an eId needs at least one segment');
  const first = segments[0]!;
  if (!isEidNum(first.num)) fail('mintEid', `"${first.num}" is not a clean number (use cleanNum)`);
  let eid = HEADS[first.element][0] + first.num;
  for (let i = 1; i < segments.length; i++) {
    const { element, num } = segments[i]!;
    if (!isEidNum(num)) fail('mintEid', `"${num}" is not a clean number (use cleanNum)`);
    eid += HEADS[element][1] + num;
  }
  return eid as Eid;
}

/** `art_`, `para_` … before a number, then `__art_` … after another segment: constants, so an eId is two joins a segment. */
const HEADS: Readonly<Record<EidElement, readonly [first: string, joined: string]>> = {
  art: ['art_', '__art_'],
  para: ['para_', '__para_'],
  point: ['point_', '__point_'],
  chp: ['chp_', '__chp_'],
};

/** Splits an eId into segments, or returns `undefined` if it is not one. Accepts the strict AKN `list_n` components and drops them. */
export function parseEid(value: string): EidSegment[] | undefined {
  const segments: EidSegment[] = [];
  for (const part of value.split('__')) {
    const cut = part.indexOf('_');
    if (cut <= 0) return undefined;
    const element = part.slice(0, cut);
    const num = part.slice(cut + 1);
    if (element === 'list' && /^\d+$/.test(num)) continue;
    if (!ELEMENTS.has(element) || !isEidNum(num)) return undefined;
    segments.push({ element: element as EidElement, num });
  }
  return segments.length > 0 ? segments : undefined;
}

/** The level of the provision an eId names, derived from its last segment and how many `point`s lead to it. */
export function levelOfEid(segments: readonly EidSegment[]): ProvisionLevel {
  const last = segments[segments.length - 1];
  if (!last) fail('levelOfEid', 'empty eId');
  switch (last.element) {
    case 'chp':
      return 'chapter';
    case 'art':
      return 'article';
    case 'para':
      return 'paragraph';
    case 'point': {
      const depth = segments.filter((s) => s.element === 'point').length;
      return depth === 1 ? 'subparagraph' : depth === 2 ? 'item' : 'subitem';
    }
  }
}

/** Brands a known-good string as an {@link InstrumentId}. */
export function instrumentId(value: string): InstrumentId {
  if (!isSlug(value)) fail('instrumentId', `"${value}" is not a lower-case slug`);
  return value as InstrumentId;
}

/** The IRI of an instrument from its ELI path (`eli/un/convention/2000/untoc`). */
export function instrumentIri(eliPath: string): InstrumentIri {
  if (!ELI_PATH.test(eliPath)) fail('instrumentIri', `"${eliPath}" is not an ELI path like eli/un/convention/2000/untoc`);
  return `${BASE_IRI}${eliPath}` as InstrumentIri;
}

/** The ELI path of an instrument IRI (`eli/un/convention/2000/untoc`): the inverse of {@link instrumentIri}. */
export function eliPathOf(iri: InstrumentIri): string {
  return iri.slice(BASE_IRI.length);
}

/** The IRI of a provision of an instrument. */
export function provisionId(instrument: InstrumentIri, eid: Eid): ProvisionId {
  return `${instrument}/${eid.replaceAll('__', '/')}` as ProvisionId;
}

/** The instrument IRI seen as the root provision id (the instrument itself is a node like its provisions). */
export function instrumentAsProvision(instrument: InstrumentIri): ProvisionId {
  return rebrand<ProvisionId>(instrument);
}

/**
 * The part of an IRI below an instrument, in eId form (`…/untoc/art_27/para_1` → `art_27__para_1`): `''` for the
 * instrument's own IRI, `undefined` for an IRI that is not under it. The tail is not checked; `parseEid` does that.
 *
 * @example
 * ```ts
 * provisionTail(`${untoc}/art_27/para_1`, untoc) // 'art_27__para_1'
 * ```
 */
export function provisionTail(iri: string, instrument: InstrumentIri): string | undefined {
  if (iri === instrument) return '';
  return iri.startsWith(`${instrument}/`) ? iri.slice(instrument.length + 1).replaceAll('/', '__') : undefined;
}

/**
 * Splits a provision IRI into its instrument IRI and eId, given the instrument IRIs that exist. Returns `undefined`
 * when the IRI belongs to none of them or its tail is not an eId.
 */
export function splitProvisionId(
  iri: string,
  instruments: Iterable<InstrumentIri>,
): { instrument: InstrumentIri; eid: Eid | undefined } | undefined {
  for (const instrument of instruments) {
    if (iri === instrument) return { instrument, eid: undefined };
    if (iri.startsWith(`${instrument}/`)) {
      const tail = iri.slice(instrument.length + 1).replaceAll('/', '__');
      const segments = parseEid(tail);
      return segments ? { instrument, eid: mintEid(segments) } : undefined;
    }
  }
  return undefined;
}

/** The parent of a provision IRI below the article level: its own IRI minus the last segment. */
export function parentProvisionId(id: ProvisionId): ProvisionId {
  return id.slice(0, id.lastIndexOf('/')) as ProvisionId;
}

/** Brands a tool slug. */
export function toolId(value: string): ToolId {
  if (!isSlug(value)) fail('toolId', `"${value}" is not a lower-case slug`);
  return value as ToolId;
}

/** The IRI of a tool: `tool/{id}`, or the instrument IRI when the tool is also an instrument (the Model Law). */
export function toolIri(id: ToolId, sameAsInstrument?: InstrumentIri): ToolIri {
  return rebrand<ToolIri>(sameAsInstrument ?? `${TOOL_BASE}${id}`);
}

/**
 * The path of a tool IRI after `tool/` (`…/tool/legislative-guides/part_1` → `legislative-guides/part_1`), or
 * `undefined` for an IRI that is not a tool's.
 *
 * @example
 * ```ts
 * toolPathOf('https://w3id.org/untoc-kg/tool/legislative-guides') // 'legislative-guides'
 * ```
 */
export function toolPathOf(iri: string): string | undefined {
  return iri.startsWith(TOOL_BASE) ? iri.slice(TOOL_BASE.length) : undefined;
}

const TOOL_BASE = `${BASE_IRI}tool/`;
const PART_SEGMENT = /^[a-z0-9]+(?:[_-][a-z0-9]+)*$/;

/** True when `value` is a valid part path such as `part_1/chp_5` or `module_8`. */
export function isPartPath(value: string): boolean {
  return value.split('/').every((segment) => PART_SEGMENT.test(segment));
}

/** The IRI of a part of a tool: the tool IRI followed by the part's path. */
export function partId(tool: ToolIri, path: string): PartId {
  if (!isPartPath(path)) fail('partId', `"${path}" is not a part path like part_1/chp_5`);
  return `${tool}/${path}` as PartId;
}

/** Brands a theme slug. */
export function themeId(value: string): ThemeId {
  if (!isSlug(value)) fail('themeId', `"${value}" is not a lower-case slug`);
  return value as ThemeId;
}

/** The IRI of the theme scheme itself. */
export const THEME_SCHEME_IRI = `${BASE_IRI}theme`;

/** The IRI of a theme: `theme/{slug}`. */
export function themeIri(id: ThemeId): ThemeIri {
  return `${BASE_IRI}theme/${id}` as ThemeIri;
}

/** Brands a source key (letters, digits and hyphens; case kept, e.g. `S1`, `seed`). */
export function sourceId(value: string): SourceId {
  if (!/^[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*$/.test(value)) fail('sourceId', `"${value}" is not a source key`);
  return value as SourceId;
}

/** The IRI of a source document: `source/{key}` (lower-cased). */
export function sourceIri(id: SourceId): SourceIri {
  return `${BASE_IRI}source/${id.toLowerCase()}` as SourceIri;
}

/** The IRI of a competent national authority: `cna/{alpha-3}/{slug}`. */
export function authorityId(alpha3: string, slug: string): AuthorityId {
  if (!/^[a-z]{3}$/.test(alpha3)) fail('authorityId', `"${alpha3}" is not a lower-case ISO 3166 alpha-3 code`);
  if (!isSlug(slug)) fail('authorityId', `"${slug}" is not a lower-case slug`);
  return `${BASE_IRI}cna/${alpha3}/${slug}` as AuthorityId;
}

/**
 * A slug for an authority's IRI made from its name: accents dropped, lower case, anything else a hyphen, at most 60
 * characters (cut at a hyphen). A name with no Latin letters or digits gets `a-` and a hash of the name.
 *
 * @example
 * ```ts
 * authoritySlug('Bundesamt für Seeschifffahrt und Hydrographie') // 'bundesamt-fur-seeschifffahrt-und-hydrographie'
 * ```
 */
export function authoritySlug(name: string): string {
  let slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length > 60) slug = slug.slice(0, 61).replace(/-[^-]*$/, '') || slug.slice(0, 60);
  return slug.length > 0 ? slug : `a-${hash64(name).slice(0, 12)}`;
}

/**
 * The IRI of a State: `state/{alpha-3}` in lower case.
 *
 * @example
 * ```ts
 * stateIri('DEU') // 'https://w3id.org/untoc-kg/state/deu'
 * ```
 */
export function stateIri(alpha3: string): StateIri {
  if (!/^[A-Za-z]{3}$/.test(alpha3)) fail('stateIri', `"${alpha3}" is not an ISO 3166 alpha-3 code`);
  return `${BASE_IRI}state/${alpha3.toLowerCase()}` as StateIri;
}

/**
 * Brands a directory category slug (the path of a part of the `cna-directory` tool).
 *
 * @example
 * ```ts
 * categoryId('smuggling-of-migrants-by-sea')
 * ```
 */
export function categoryId(value: string): CategoryId {
  if (!isSlug(value)) fail('categoryId', `"${value}" is not a lower-case slug`);
  return value as CategoryId;
}

/**
 * The IRI of a participation record (a State's signature and consent to be bound by an instrument, as at a date,
 * from a source): `participation/{hash}`.
 *
 * @example
 * ```ts
 * participationIri('DEU', 'untoc', '2024-05-04', 'S5') // 'https://w3id.org/untoc-kg/participation/…'
 * ```
 */
export function participationIri(alpha3: string, instrument: string, asOf: string, source: string): string {
  return `${BASE_IRI}participation/${hash64(`${alpha3.toLowerCase()}\n${instrument}\n${asOf}\n${source}`)}`;
}

/**
 * The IRI of a qualified link: `link/{hash}`, where the hash is a stable 64-bit hash of what the link says (its
 * property, both ends and its source). The same claim from the same source always gets the same IRI.
 */
export function linkId(property: string, from: string, to: string, source: string): LinkId {
  return `${BASE_IRI}link/${hash64(`${property}\n${from}\n${to}\n${source}`)}` as LinkId;
}

/** What kind of node an IRI of this graph names, judged by its path only. */
export function kindOfIri(iri: string): 'instrument-or-provision' | 'tool' | 'theme' | 'source' | 'link' | 'authority' | 'state' | 'other' {
  if (!iri.startsWith(BASE_IRI)) return 'other';
  const path = iri.slice(BASE_IRI.length);
  if (path.startsWith('eli/')) return 'instrument-or-provision';
  if (path.startsWith('tool/')) return 'tool';
  if (path.startsWith('theme/') || path === 'theme') return 'theme';
  if (path.startsWith('source/')) return 'source';
  if (path.startsWith('link/')) return 'link';
  if (path.startsWith('cna/')) return 'authority';
  if (path.startsWith('state/')) return 'state';
  return 'other';
}

/**
 * The IRI of a named graph of the exports: `graph/instrument/untoc`, `graph/tool/cna-directory`, `graph/themes`; a
 * directory snapshot's is `graph/directory/{snapshot id}` (its date, e.g. `graph/directory/2024-05-04`), and it is also
 * the IRI of the snapshot itself; `graph/states` holds the States the graph refers to.
 */
export function graphIri(kind: 'instrument' | 'tool' | 'directory' | 'participation', id: string): string;
export function graphIri(kind: 'themes' | 'sources' | 'meta' | 'states'): string;
export function graphIri(kind: string, id?: string): string {
  if (id !== undefined && !/^[a-z0-9]+(?:[-.][a-z0-9]+)*$/.test(id)) fail('graphIri', `"${id}" is not a graph name`);
  return `${BASE_IRI}graph/${kind}${id === undefined ? '' : `/${id}`}`;
}

const GRAPH_BASE = `${BASE_IRI}graph/`;

/**
 * The short name of a named graph of the exports (`instrument/untoc`, `tool/cna-directory`, `themes`, `meta`), or
 * `undefined` for an IRI that is not one.
 */
export function graphName(iri: string): string | undefined {
  if (!iri.startsWith(GRAPH_BASE)) return undefined;
  const name = iri.slice(GRAPH_BASE.length);
  return /^[a-z]+(?:\/[a-z0-9]+(?:[-.][a-z0-9]+)*)?$/.test(name) ? name : undefined;
}

/** The IRI of a named graph from its short name (`instrument/untoc`, `themes`); the inverse of {@link graphName}. */
export function graphIriOfName(name: string): string | undefined {
  const iri = `${GRAPH_BASE}${name}`;
  return graphName(iri) === name ? iri : undefined;
}

/** The IRI of the dataset as a whole: the subject of its VoID/DCAT description. */
export const DATASET_IRI = `${BASE_IRI}dataset`;

/** The IRI of the ontology (`ontology/untoc-kg.ttl`). */
export const ONTOLOGY_IRI = `${BASE_IRI}ontology`;

/** The IRI of the SHACL shapes every export conforms to (`ontology/shapes.ttl`). */
export const SHAPES_IRI = `${BASE_IRI}shapes`;

/**
 * The URL the JSON-LD context (`ontology/context.jsonld`) is published under. Documents may name it as their
 * `@context`; the library's document loader serves the bundled copy for it and fetches nothing.
 */
export const CONTEXT_URL = `${BASE_IRI}context.jsonld`;

/** The IRI of a count a source reports about a tool or an instrument (e.g. "over 600 authorities", seed, 2015). */
export function countIri(tool: ToolIri | InstrumentIri, what: string, source: string, asOf: string | undefined): string {
  return `${BASE_IRI}count/${hash64(`${tool}\n${what}\n${source}\n${asOf ?? ''}`)}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Research corpora: national legislation, its sections, court cases

/** A national law of a research corpus: `doc/{alpha-3}/legislation/{id}`. */
export type LegislationIri = Brand<string, 'LegislationIri'>;
/** A section of a national law: the law's IRI followed by eId-like segments (`…/legislation/tui/art_12`). */
export type SectionIri = Brand<string, 'SectionIri'>;
/** A court case of a research corpus: `doc/{alpha-3}/case/{id}`. */
export type CaseIri = Brand<string, 'CaseIri'>;
/** A national law or a court case. */
export type DocumentIri = LegislationIri | CaseIri;

const DOC_ID = /^[a-z0-9]+(?:[-_.][a-z0-9]+)*$/;

/** The IRI segment of a user's document id: lower case; anything but letters, digits, `-`, `_`, `.` is refused. */
function docSegment(operation: string, id: string): string {
  const lower = id.toLowerCase();
  if (!DOC_ID.test(lower) || lower.length > 120) fail(operation, `"${id.slice(0, 80)}" is not a document id (letters, digits, - _ .)`);
  return lower;
}

/**
 * True when `id` can name a national law or case (letters, digits and single `-`, `_`, `.` between them; at most 120
 * characters): `it-tui`, `ITAx041`.
 */
export function isDocumentId(id: string): boolean {
  return id.length <= 120 && DOC_ID.test(id.toLowerCase());
}

/**
 * The IRI of a national law: `doc/{alpha-3}/legislation/{id}`, both lower-cased.
 */
export function legislationIri(alpha3: string, id: string): LegislationIri {
  if (!/^[A-Za-z]{3}$/.test(alpha3)) fail('legislationIri', `"${alpha3}" is not an ISO 3166 alpha-3 code`);
  return `${BASE_IRI}doc/${alpha3.toLowerCase()}/legislation/${docSegment('legislationIri', id)}` as LegislationIri;
}

/**
 * The IRI of a section: its law's (or parent section's) IRI and one eId-like segment (`art_12`, `para_1`).
 */
export function sectionIri(parent: LegislationIri | SectionIri, element: 'art' | 'para' | 'point' | 'sec', printed: string): SectionIri {
  const num = cleanNum(printed);
  if (!NUM.test(num) || num.length > 40) fail('sectionIri', `"${printed.slice(0, 80)}" is not a section number`);
  return `${parent}/${element}_${num}` as SectionIri;
}

/**
 * The IRI of a court case: `doc/{alpha-3}/case/{id}`, lower-cased.
 */
export function caseIri(alpha3: string, id: string): CaseIri {
  if (!/^[A-Za-z]{3}$/.test(alpha3)) fail('caseIri', `"${alpha3}" is not an ISO 3166 alpha-3 code`);
  return `${BASE_IRI}doc/${alpha3.toLowerCase()}/case/${docSegment('caseIri', id)}` as CaseIri;
}

/** The named graph of a loaded research corpus: `graph/corpus/{id}`. */
export function corpusGraphIri(id: string): string {
  return `${BASE_IRI}graph/corpus/${docSegment('corpusGraphIri', id)}`;
}

/**
 * The IRI of a source a corpus's links cite, `graph/corpus/{id}/source/{key}` (key lower-cased): apart from the
 * curated `source/{key}` and from other corpora's sources.
 */
export function corpusSourceIri(corpus: string, key: string): string {
  return `${corpusGraphIri(corpus)}/source/${sourceId(key).toLowerCase()}`;
}

/** The IRI of the n-th charge (1-based) of a court case: `{case IRI}/charge_{n}` (`…/case/example-1/charge_1`). */
export function chargeIri(of: CaseIri, n: number): string {
  if (!Number.isInteger(n) || n < 1) fail('chargeIri', `${n} is not a charge number`);
  return `${of}/charge_${n}`;
}

/**
 * The plain objects queries return: short, JSON-ready views of provisions, tools, parts, themes and evidence. Every
 * query builds its results from these, so the same thing always looks the same.
 *
 * @module
 */
import type { KnowledgeGraphCore } from '../core.js';
import type { LinkRecord, PartRecord, ProvisionRecord, ThemeRecord, ToolRecord } from '../model/dataset.js';
import type { Basis, ToolKind } from '../model/files.js';
import type { LinkId, PartId, ProvisionId, SourceId, ThemeId, ThemeIri, ToolId, ToolIri } from '../model/ids.js';
import type { ProvisionView } from '../lookup/views.js';

export type { ProvisionView } from '../lookup/views.js';

/** A tool as queries show it. */
export interface ToolView {
  readonly id: ToolId;
  readonly iri: ToolIri;
  readonly title: string;
  readonly kind: ToolKind;
}

/** A part of a tool as queries show it. */
export interface PartView {
  readonly iri: PartId;
  /** The tool's own numbering, e.g. "Part One, chapter V". */
  readonly label: string;
  readonly title: string | null;
  /** The path under the tool, e.g. `part_1/chp_5`. */
  readonly path: string;
}

/** A theme as queries show it. */
export interface ThemeView {
  readonly id: ThemeId;
  readonly iri: ThemeIri;
  readonly label: string;
}

/** Who says a link holds: one qualified link's provenance. */
export interface Evidence {
  /** `text` (the treaty says so), `source` (a cited document says so), `curated` (this project's judgement). */
  readonly basis: Basis;
  /** The source's key, e.g. `seed`, `S1`. */
  readonly source: SourceId;
  /** The source's title. */
  readonly sourceTitle: string;
  /** Where in the source. */
  readonly locator: string | null;
  /** What the link rests on, for curated links; qualifications for others. */
  readonly note: string | null;
  /**
   * The IRI of the qualified link node in the RDF; `null` for a designation, which its directory snapshot states
   * (the snapshot's source and id are given instead).
   */
  readonly link: LinkId | null;
}

/** Views are immutable and shared: built once per graph and node, then reused by every query. */
interface ViewCache {
  readonly labels: Map<string, string>;
  readonly evidence: Map<string, Evidence>;
}
const caches = new WeakMap<object, ViewCache>();
function cacheOf(kg: KnowledgeGraphCore): ViewCache {
  let cache = caches.get(kg.index);
  if (!cache) {
    cache = { labels: new Map(), evidence: new Map() };
    caches.set(kg.index, cache);
  }
  return cache;
}

/** The view of a provision or an instrument (shared and frozen, written with the index: do not modify it). */
export function provisionView(kg: KnowledgeGraphCore, id: ProvisionId): ProvisionView {
  const view = kg.index.viewOf(id);
  if (!view) throw new TypeError(`provisionView: ${id} is not a provision of this graph`);
  return view;
}

/** A provision's heading, or for a paragraph and below, its article's. */
export function headingOf(kg: KnowledgeGraphCore, record: ProvisionRecord): string | null {
  if (record.heading) return record.heading;
  let current: ProvisionRecord | undefined = record;
  while (current && current.level !== 'article') current = kg.index.provisionRecord(current.parent);
  return current?.heading ?? null;
}

/** The view of a tool. */
export function toolView(tool: ToolRecord): ToolView {
  return { id: tool.id, iri: tool.iri, title: tool.title, kind: tool.kind };
}

/** The view of a part of a tool. */
export function partView(part: PartRecord): PartView {
  return { iri: part.id, label: part.label, title: part.title ?? null, path: part.path };
}

/** The view of a theme. */
export function themeView(theme: ThemeRecord): ThemeView {
  return { id: theme.id, iri: theme.iri, label: theme.label };
}

/** The evidence of one link (shared and frozen). */
export function evidenceOf(kg: KnowledgeGraphCore, link: LinkRecord): Evidence {
  const cache = cacheOf(kg).evidence;
  let evidence = cache.get(link.id);
  if (!evidence) {
    evidence = Object.freeze(evidenceFrom(kg, { ...link, link: link.id }));
    cache.set(link.id, evidence);
  }
  return evidence;
}

/** Evidence from a link's provenance fields (a link record, or the evidence a graph edge carries). */
export function evidenceFrom(
  kg: KnowledgeGraphCore,
  fields: { readonly basis: Basis; readonly source: string; readonly locator?: string | undefined; readonly note?: string | undefined; readonly link: string },
): Evidence {
  return {
    basis: fields.basis,
    source: fields.source as SourceId,
    sourceTitle: kg.index.sources.get(fields.source)?.title ?? fields.source,
    locator: fields.locator ?? null,
    note: fields.note ?? null,
    link: fields.link as LinkId,
  };
}

/** A readable name for any node: a provision's citation, a tool's title, a part's label, a theme's label. */
export function nodeLabel(kg: KnowledgeGraphCore, iri: string): string {
  // Provisions and instruments: written when the index was built.
  const written = kg.index.labelOf(iri);
  if (written !== undefined) return written;
  const cache = cacheOf(kg).labels;
  let label = cache.get(iri);
  if (label === undefined) {
    label = buildLabel(kg, iri);
    cache.set(iri, label);
  }
  return label;
}

function buildLabel(kg: KnowledgeGraphCore, iri: string): string {
  const index = kg.index;
  const tool = index.toolsByIri.get(iri);
  if (tool) return tool.title;
  const part = index.parts.get(iri);
  if (part) return `${index.tools.get(part.tool)?.title ?? part.tool}, ${part.label}`;
  const theme = index.themesByIri.get(iri);
  if (theme) return `theme "${theme.label}"`;
  return iri;
}



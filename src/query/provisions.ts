/**
 * Queries that return provisions: one provision with everything around it, and the themes of a provision or tool.
 *
 * @module
 */
import type { CitationContext } from '../citation/types.js';
import type { KnowledgeGraphCore } from '../core.js';
import type { LinkRecord } from '../model/dataset.js';
import type { NodeIri, ProvisionId } from '../model/ids.js';
import { groupBy } from '../util/group.js';
import { authoritiesFor, type AuthoritySummary } from './designations.js';
import { nodeInput, provisionInput } from './inputs.js';
import { toolsAddressing, type Discrepancy, type NodeRef, type ToolMatch } from './tools.js';
import { evidenceOf, nodeLabel, provisionView, themeView, type Evidence, type ProvisionView, type ThemeView } from './views.js';

/** A reference from one provision to another (or to an instrument), with what the text says about it. */
export interface Reference {
  readonly provision: ProvisionView;
  /** What kind of reference it is ("without prejudice to", "applies mutatis mutandis"), when the data says. */
  readonly note: string | null;
  readonly evidence: readonly Evidence[];
}

/** A theme of a node, and whether the node has it itself or inherits it from what encloses it. */
export interface ThemeOf {
  readonly theme: ThemeView;
  readonly match: 'exact' | 'inherited';
  /** The node that carries the theme (the node itself for `exact`). */
  readonly via: NodeRef;
  readonly evidence: readonly Evidence[];
}

/** Everything about one provision. */
export interface ProvisionDetails extends ProvisionView {
  /** The Akoma Ntoso eId (`null` for a whole instrument). */
  readonly eid: string | null;
  /** The number as printed (`27`, `e`, `II`). */
  readonly number: string | null;
  readonly instrumentTitle: string;
  /** For an article, its chapter. */
  readonly chapter: ProvisionView | null;
  /** A grouping printed above it (the Model Law's options). */
  readonly group: string | null;
  /** True when the graph holds only some of its subdivisions. */
  readonly partial: boolean;
  /** What encloses it, nearest first, up to the instrument. */
  readonly parents: readonly ProvisionView[];
  /** Its subdivisions in order (for a chapter: its articles). */
  readonly children: readonly ProvisionView[];
  /** References its text makes (`out`) and references other provisions make to it (`in`). */
  readonly references: { readonly out: readonly Reference[]; readonly in: readonly Reference[] };
  readonly themes: readonly ThemeOf[];
  /** The tools that address it, as {@link toolsAddressing} gives them (exact, broader, narrower). */
  readonly tools: readonly ToolMatch[];
  /** The competent national authorities designated under it, as the directory snapshots in the graph list them. */
  readonly authorities: readonly AuthoritySummary[];
  readonly discrepancies: readonly Discrepancy[];
}

function references(kg: KnowledgeGraphCore, links: readonly LinkRecord[], end: 'from' | 'to'): Reference[] {
  const groups = groupBy(links, (l) => l[end], (l) => l.property === 'cites');
  return [...groups]
    .sort(([a], [b]) => kg.index.orderOf(a) - kg.index.orderOf(b))
    .map(([iri, group]) => ({
    provision: provisionView(kg, iri as ProvisionId),
    note: group.find((l) => l.note)?.note ?? null,
    evidence: group.map((l) => evidenceOf(kg, l)),
  }));
}

/**
 * One provision with its heading, instrument, parents, children, references in and out, themes, the tools that
 * address it, and any disputed claims about it.
 *
 * @param ref - a citation (`SOM art. 8(6)`), a provision IRI, an eId with `context`, or an instrument id.
 * @throws {@link UntocKgError} for an unknown or malformed citation.
 *
 * @example
 * ```ts
 * const p = provision(kg, 'SOM Protocol art. 8(6)')
 * p.parents.map((x) => x.citation) // ['SOM Protocol art. 8', 'SOM Protocol chapter II', 'SOM Protocol']
 * ```
 */
export function provision(kg: KnowledgeGraphCore, ref: string, options: { readonly context?: CitationContext } = {}): ProvisionDetails {
  const id = provisionInput(kg, 'provision', ref, options.context);
  const index = kg.index;
  const view = provisionView(kg, id);
  const record = index.provisionRecord(id);
  const instrument = index.instrumentRecord(view.instrument)!;
  const parents = record ? index.ancestorsOf(id).map((a) => provisionView(kg, a.id)) : [];
  const tools = toolsAddressing(kg, id);
  return {
    ...view,
    eid: record?.eid ?? null,
    number: record?.number ?? null,
    instrumentTitle: instrument.title,
    chapter: record?.chapter ? provisionView(kg, record.chapter) : null,
    group: record?.group ?? null,
    partial: record ? record.partial : instrument.structure.completeness !== 'complete',
    parents: sortParents(kg, parents),
    children: index.childrenOf(id).map((c) => provisionView(kg, c)),
    references: { out: references(kg, index.linksFrom(id), 'to'), in: references(kg, index.linksTo(id), 'from') },
    themes: themesOfNode(kg, id),
    tools: tools.results,
    authorities: record ? authoritiesFor(kg, id) : [],
    discrepancies: tools.discrepancies,
  };
}

/** Parents nearest first: provisions by depth, then chapters, then the instrument. */
function sortParents(kg: KnowledgeGraphCore, parents: ProvisionView[]): ProvisionView[] {
  const weight = (p: ProvisionView) => (p.level === 'instrument' ? 99 : p.level === 'chapter' ? 50 : -(kg.index.provisionRecord(p.iri)?.eid.split('__').length ?? 0));
  return [...parents].sort((a, b) => weight(a) - weight(b));
}

/** The answer of {@link themesOf}. */
export interface ThemesOfResult {
  readonly node: NodeRef;
  readonly themes: readonly ThemeOf[];
}

/**
 * The themes of a provision, tool or part: its own, and those it inherits from what encloses it (a provision from
 * its article, chapter and instrument; a part from its enclosing parts and tool).
 *
 * @param ref - a citation or provision IRI, a tool id or part path, or any node IRI.
 * @example
 * ```ts
 * themesOf(kg, 'SOM Protocol art. 8(6)').themes.map((t) => [t.theme.id, t.match])
 * // [['smuggling-of-migrants-by-sea', 'inherited']]  (from chapter II)
 * ```
 */
export function themesOf(kg: KnowledgeGraphCore, ref: string): ThemesOfResult {
  const node = nodeInput(kg, 'themesOf', ref);
  return { node: { iri: node, label: nodeLabel(kg, node) }, themes: themesOfNode(kg, node) };
}

function themesOfNode(kg: KnowledgeGraphCore, node: NodeIri | ProvisionId): ThemeOf[] {
  const index = kg.index;
  const carriers: { iri: string; match: ThemeOf['match'] }[] = [{ iri: node, match: 'exact' }];
  if (index.provisionRecord(node as ProvisionId)) {
    for (const ancestor of index.ancestorsOf(node as ProvisionId)) carriers.push({ iri: ancestor.id, match: 'inherited' });
  } else {
    let part = index.parts.get(node);
    while (part) {
      const parent: string = part.parent ?? index.tools.get(part.tool)!.iri;
      carriers.push({ iri: parent, match: 'inherited' });
      part = part.parent ? index.parts.get(part.parent) : undefined;
    }
  }
  const out: ThemeOf[] = [];
  const seen = new Set<string>();
  for (const carrier of carriers) {
    const groups = groupBy(index.linksFrom(carrier.iri), (l) => l.to, (l) => l.property === 'subject');
    for (const [theme, links] of groups) {
      if (seen.has(theme)) continue;
      seen.add(theme);
      out.push({
        theme: themeView(index.themesByIri.get(theme)!),
        match: carrier.match,
        via: { iri: carrier.iri, label: nodeLabel(kg, carrier.iri) },
        evidence: links.map((l) => evidenceOf(kg, l)),
      });
    }
  }
  return out;
}

/**
 * Queries that return provisions: one provision with everything around it, and the provisions a tool or part
 * addresses.
 *
 * @module
 */
import type { CitationContext } from '../citation/types.js';
import type { KnowledgeGraphCore } from '../core.js';
import type { LinkRecord, PartRecord } from '../model/dataset.js';
import type { ProvisionId } from '../model/ids.js';
import { groupBy } from '../util/group.js';
import { documentsOf, type ProvisionDocuments } from './corpus-views.js';
import { authoritiesFor, type AuthoritySummary } from './designations.js';
import type { Discrepancy } from './discrepancies.js';
import { provisionInput, toolInput } from './inputs.js';
import { chainSteps, step, type MatchKind, type PathStep } from './steps.js';
import { themesOfNode, type ThemeOf } from './themes.js';
import { toolsAddressing, type ToolMatch } from './tools.js';
import { evidenceOf, partView, provisionView, toolView, type Evidence, type PartView, type ProvisionView, type ToolView } from './views.js';

/** A reference from one provision to another (or to an instrument), with what the text says about it. */
export interface Reference {
  readonly provision: ProvisionView;
  /** What kind of reference it is ("without prejudice to", "applies mutatis mutandis"), when the data says. */
  readonly note: string | null;
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
  /** From the research corpora loaded (`withCorpora`): the sections that implement it and the cases that apply it. */
  readonly documents: ProvisionDocuments;
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
    documents: documentsOf(kg, id),
  };
}

/** Parents nearest first: provisions by depth, then chapters, then the instrument. */
function sortParents(kg: KnowledgeGraphCore, parents: ProvisionView[]): ProvisionView[] {
  const weight = (p: ProvisionView) => (p.level === 'instrument' ? 99 : p.level === 'chapter' ? 50 : -(kg.index.provisionRecord(p.iri)?.eid.split('__').length ?? 0));
  return [...parents].sort((a, b) => weight(a) - weight(b));
}

/** One answer of {@link provisionsAddressedBy}. */
export interface AddressedProvision {
  readonly provision: ProvisionView;
  /** The part that addresses it, or `null` for the tool as a whole. */
  readonly part: PartView | null;
  /**
   * `exact`: the tool or part asked about addresses it; `narrower`: a part inside it does; `broader`: the tool (or a
   * part) enclosing the part asked about does.
   */
  readonly match: Exclude<MatchKind, 'related'>;
  /** From the tool or part asked about to the provision. */
  readonly path: readonly PathStep[];
  readonly evidence: readonly Evidence[];
}

/** The answer of {@link provisionsAddressedBy}. */
export interface ProvisionsAddressedResult {
  readonly tool: ToolView;
  readonly part: PartView | null;
  /** In order of match (exact, narrower, broader), then document order. */
  readonly results: readonly AddressedProvision[];
}

/**
 * The provisions a tool, or a part of it, addresses.
 *
 * @param tool - a tool id (`legislative-guides`), a part path (`legislative-guides/part_1/chp_5`) or an IRI.
 * @throws {@link UntocKgError} `unknown_tool` or `unknown_part`, with the nearest ids.
 *
 * @example
 * ```ts
 * provisionsAddressedBy(kg, 'legislative-guides/part_1/chp_5').results.map((r) => r.provision.citation)
 * // ['UNTOC art. 27', 'UNTOC art. 27(1)(a)', …, 'UNTOC art. 27(1)(f)']
 * ```
 */
export function provisionsAddressedBy(kg: KnowledgeGraphCore, tool: string): ProvisionsAddressedResult {
  const operation = 'provisionsAddressedBy';
  const { tool: record, part } = toolInput(kg, operation, tool);
  const index = kg.index;
  const selected: string = part?.id ?? record.iri;
  const results: (AddressedProvision & { rank: number; order: number })[] = [];
  const add = (subject: string, kind: AddressedProvision['match'], path: PathStep[]) => {
    const groups = groupBy(index.linksFrom(subject), (l) => l.to, (l) => l.property === 'addresses');
    for (const [target, links] of groups) {
      const subjectPart = index.parts.get(subject);
      results.push({
        provision: provisionView(kg, target as ProvisionId),
        part: subjectPart ? partView(subjectPart) : null,
        match: kind,
        path: [...path, step(kg, subject, 'addresses', target, links)],
        evidence: links.map((l) => evidenceOf(kg, l)),
        rank: kind === 'exact' ? 0 : kind === 'narrower' ? 1 : 2,
        order: index.orderOf(target),
      });
    }
  };
  add(selected, 'exact', []);
  // Parts inside the selection.
  const visit = (node: string, chain: string[]) => {
    const children = node === record.iri ? record.parts : index.parts.get(node)?.children ?? [];
    for (const child of children) {
      const next = [...chain, child];
      add(child, 'narrower', chainSteps(kg, next, 'hasPart'));
      visit(child, next);
    }
  };
  visit(selected, [selected]);
  // What encloses the selected part: its parent parts and the tool.
  if (part) {
    const chain: string[] = [part.id];
    let current: PartRecord | undefined = part;
    while (current) {
      const parent: string = current.parent ?? record.iri;
      chain.push(parent);
      add(parent, 'broader', chainSteps(kg, chain, 'partOf'));
      current = current.parent ? index.parts.get(current.parent) : undefined;
    }
  }
  results.sort((a, b) => a.rank - b.rank || a.order - b.order);
  return {
    tool: toolView(record),
    part: part ? partView(part) : null,
    results: results.map(({ rank: _r, order: _o, ...rest }) => rest),
  };
}

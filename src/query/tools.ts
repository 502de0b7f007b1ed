/**
 * `toolsAddressing`: the tools, and the part of each, that address a provision, each with how it matches, the path
 * that explains it, and the evidence of each link on that path. It reads the addressing table of the lookup index
 * (`index.addressersOf`, `index.broaderAddressedOf`, `index.narrowerOf`, all built with the index) and builds views only for
 * what it returns.
 *
 * @module
 */
import type { CitationContext } from '../citation/types.js';
import type { KnowledgeGraphCore } from '../core.js';
import type { LinkRecord, PartRecord, ToolRecord } from '../model/dataset.js';
import type { Addressing } from '../lookup/addressing.js';
import type { NodeIri, ProvisionId } from '../model/ids.js';
import { compareStrings } from '../util/compare.js';
import { designationsOf, type AuthoritySummary } from './designations.js';
import { discrepanciesOf, type Discrepancy } from './discrepancies.js';
import { provisionInput, toolInput } from './inputs.js';
import { chainStepsOf, checkMatch, pathOf, step, type MatchKind, type PathStep } from './steps.js';
import { evidenceOf, partView, provisionView, toolView, type Evidence, type PartView, type ProvisionView, type ToolView } from './views.js';

/** One answer of {@link toolsAddressing}. */
export interface ToolMatch {
  readonly tool: ToolView;
  /** The part that does the addressing, or `null` when the tool as a whole does. */
  readonly part: PartView | null;
  readonly match: MatchKind;
  /** The provision the tool actually addresses. */
  readonly via: ProvisionView;
  /** From the queried provision to the tool (or part), step by step. */
  readonly path: readonly PathStep[];
  /** The evidence of the addressing link(s): basis, source, locator. */
  readonly evidence: readonly Evidence[];
  /**
   * For the directory of competent national authorities: the authorities designated under the provision addressed
   * (`via`), as the directory snapshots in the graph list them. Absent for other tools.
   */
  readonly authorities?: readonly AuthoritySummary[];
}

/** The answer of {@link toolsAddressing}. */
export interface ToolsAddressingResult {
  readonly provision: ProvisionView;
  /** Ordered by strength of match: exact, then broader (nearest first), narrower, related. */
  readonly results: readonly ToolMatch[];
  /** Disputed claims about this provision, with the provision the graph asserts instead. */
  readonly discrepancies: readonly Discrepancy[];
}

/** Options of {@link toolsAddressing}. */
export interface ToolsAddressingOptions {
  /** Which match kinds to report. Default `['exact', 'broader', 'narrower']`; add `'related'` for cross-references. */
  readonly match?: readonly MatchKind[];
  /** Only these tools. */
  readonly tools?: readonly string[];
  /** What a bare or relative citation means. */
  readonly context?: CitationContext;
}

/** Which match kinds a call reports. */
interface Wanted {
  readonly exact: boolean;
  readonly broader: boolean;
  readonly narrower: boolean;
  readonly related: boolean;
}

/** The default: exact, broader, narrower (a constant: the default call allocates nothing for its options). */
const DEFAULT_WANTED: Wanted = Object.freeze({ exact: true, broader: true, narrower: true, related: false });
const NO_OPTIONS: ToolsAddressingOptions = Object.freeze({});
const EMPTY_PATH: readonly PathStep[] = Object.freeze([]);
const ALL_MATCH: readonly MatchKind[] = ['exact', 'broader', 'narrower', 'related'];

function wantedOf(operation: string, match: readonly MatchKind[] | undefined): Wanted {
  if (match === undefined) return DEFAULT_WANTED;
  const kinds = checkMatch(operation, match, ALL_MATCH);
  return { exact: kinds.includes('exact'), broader: kinds.includes('broader'), narrower: kinds.includes('narrower'), related: kinds.includes('related') };
}

/** The tool and part that a link's subject is. */
export function subjectOf(kg: KnowledgeGraphCore, node: NodeIri): { tool: ToolRecord; part: PartRecord | undefined } | undefined {
  const part = kg.index.parts.get(node);
  if (part) return { tool: kg.index.tools.get(part.tool)!, part };
  const tool = kg.index.toolsByIri.get(node);
  return tool ? { tool, part: undefined } : undefined;
}

/** One tool or part that addresses a provision, with everything an answer shows about it (shared and frozen). */
interface Addresser {
  readonly tool: ToolRecord;
  readonly toolView: ToolView;
  readonly partView: PartView | null;
  /** The last step of every path through it: the provision addressed by the tool or part, with the evidence. */
  readonly step: PathStep;
  /** The path of an exact match: that step alone (results' paths are read-only, so every exact answer shares it). */
  readonly alone: readonly PathStep[];
  readonly evidence: readonly Evidence[];
}

/** An addressed provision as answers show it: its view, and the views of the tools and parts that address it. */
interface Addressed {
  readonly view: ProvisionView;
  /** In the index's order (`addressersOf`). */
  readonly addressers: readonly Addresser[];
}

/**
 * The views of the index's addressed provisions, per graph and by provision: built the first time an answer shows
 * one, then shared (views of the graph's nodes and links, not answers: the index has already grouped and ordered
 * them), so that one lookup finds a provision's view and its addressers' views.
 */
const shown = new WeakMap<object, Map<string, Addressed>>();

function shownOf(kg: KnowledgeGraphCore): Map<string, Addressed> {
  let views = shown.get(kg.index);
  if (!views) shown.set(kg.index, (views = new Map()));
  return views;
}

/** The views of the tools and parts (`found`, non-empty) that address `via`. */
function addressedView(kg: KnowledgeGraphCore, views: Map<string, Addressed>, via: ProvisionId, found: readonly Addressing[]): Addressed {
  let view = views.get(via);
  if (!view) {
    const addressers: Addresser[] = [];
    for (const who of found) {
      const last = Object.freeze(step(kg, via, 'addressedBy', who.subject, who.links));
      addressers.push(
        Object.freeze({
          tool: who.tool,
          toolView: Object.freeze(toolView(who.tool)),
          partView: who.part ? Object.freeze(partView(who.part)) : null,
          step: last,
          alone: Object.freeze([last]),
          evidence: Object.freeze(who.links.map((l) => evidenceOf(kg, l))),
        }),
      );
    }
    view = Object.freeze({ view: provisionView(kg, via), addressers: Object.freeze(addressers) });
    views.set(via, view);
  }
  return view;
}

/** What one call needs to emit its results: the graph, its shared views, the tools asked for. */
interface Emitting {
  readonly kg: KnowledgeGraphCore;
  readonly views: Map<string, Addressed>;
  readonly only: ReadonlySet<string> | undefined;
}

/**
 * Appends the results through `via`: one per tool or part that addresses it, in the index's order. `steps` are the
 * structural steps from the provision asked about to `via` (none for an exact match).
 */
function emit(call: Emitting, kind: MatchKind, via: ProvisionId, steps: readonly PathStep[], out: ToolMatch[]): void {
  let shownVia = call.views.get(via);
  if (!shownVia) {
    const found = call.kg.index.addressersOf(via);
    if (found.length === 0) return;
    shownVia = addressedView(call.kg, call.views, via, found);
  }
  const { view, addressers } = shownVia;
  for (const who of addressers) {
    if (call.only && !call.only.has(who.tool.id)) continue;
    const path = steps.length === 0 ? who.alone : pathOf(steps, who.step);
    out.push(
      who.tool.kind === 'directory'
        ? { tool: who.toolView, part: who.partView, match: kind, via: view, path, evidence: who.evidence, authorities: designationsOf(call.kg, via) }
        : { tool: who.toolView, part: who.partView, match: kind, via: view, path, evidence: who.evidence },
    );
  }
}

/** The results one cross-reference away (`related`), ordered by distance, document order, tool and part. */
function relatedMatches(call: Emitting, id: ProvisionId): ToolMatch[] {
  const { kg } = call;
  const index = kg.index;
  const chains = chainStepsOf(kg);
  const related: { result: ToolMatch; distance: number; order: number }[] = [];
  const add = (node: ProvisionId, relation: 'cites' | 'citedBy', link: LinkRecord, up: readonly PathStep[], distance: number) => {
    const via = (relation === 'cites' ? link.to : link.from) as ProvisionId;
    if (index.addressersOf(via).length === 0) return;
    const some: ToolMatch[] = [];
    emit(call, 'related', via, [...up, step(kg, node, relation, via, [link])], some);
    for (const result of some) related.push({ result, distance, order: index.orderOf(via) });
  };
  // One cross-reference away from the provision or from what encloses it, in either direction.
  const around = [{ id, chain: [id] as readonly ProvisionId[] }, ...index.ancestorsOf(id)];
  for (const { id: node, chain } of around) {
    const up = chains.along(chain, 'partOf');
    for (const link of index.linksFrom(node)) if (link.property === 'cites') add(node, 'cites', link, up, chain.length);
    for (const link of index.linksTo(node)) if (link.property === 'cites') add(node, 'citedBy', link, up, chain.length);
  }
  related.sort(
    (a, b) =>
      a.distance - b.distance ||
      a.order - b.order ||
      compareStrings(a.result.tool.id, b.result.tool.id) ||
      compareStrings(a.result.part?.path ?? '', b.result.part?.path ?? ''),
  );
  return related.map((r) => r.result);
}

/**
 * The tools, and the part of each, that address a provision.
 *
 * @param kg - the graph (a {@link KnowledgeGraph} or the lighter core of `loadCore()`).
 * @param provision - a citation (`art. 27 para. 1(e)`, `SOM Protocol art. 8(6)`), a provision IRI, or an instrument id.
 * @param options - `match`: which match kinds (default exact, broader, narrower; add `related`); `tools`: only these.
 * @returns the provision, the matches ordered by strength (exact, broader nearest first, narrower, related), each with
 * the path that explains it and the evidence of each link, and any disputed claims about the provision.
 * @throws {@link UntocKgError} for an unknown or malformed citation (`syntax`, `unknown_provision`, …) or bad options.
 *
 * @example
 * ```ts
 * const { results } = toolsAddressing(kg, 'art. 27 para. 1(e)')
 * results[0] // { tool: { id: 'legislative-guides', … }, part: { label: 'Part One, chapter V', … }, match: 'exact', … }
 * ```
 */
export function toolsAddressing(kg: KnowledgeGraphCore, provision: string, options: ToolsAddressingOptions = NO_OPTIONS): ToolsAddressingResult {
  const operation = 'toolsAddressing';
  const wanted = wantedOf(operation, options.match);
  const id = provisionInput(kg, operation, provision, options.context);
  const only = options.tools ? new Set(options.tools.map((t): string => toolInput(kg, operation, t).tool.id)) : undefined;
  const index = kg.index;
  const results: ToolMatch[] = [];
  const call: Emitting = { kg, views: shownOf(kg), only };
  // Results come out in their final order, with no sort over them: exact; broader, the (few) enclosing provisions
  // nearest first; narrower, the addressed provisions below by depth, each depth in document order (both orders are
  // the index's, and list only provisions that something addresses); within one provision, tools and parts in the
  // index's order. Only `related` (not asked by default) is sorted.
  if (wanted.exact && index.addressersOf(id).length > 0) emit(call, 'exact', id, EMPTY_PATH, results);
  if (wanted.broader || wanted.narrower) {
    const chains = chainStepsOf(kg);
    if (wanted.broader) {
      for (const { id: via, chain } of index.broaderAddressedOf(id)) emit(call, 'broader', via, chains.along(chain, 'partOf'), results);
    }
    if (wanted.narrower) {
      for (const { via, chain } of index.narrowerOf(id)) emit(call, 'narrower', via, chains.along(chain, 'hasPart'), results);
    }
  }
  if (wanted.related) for (const r of relatedMatches(call, id)) results.push(r);
  return {
    provision: provisionView(kg, id),
    results,
    discrepancies: discrepanciesOf(kg, id),
  };
}

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
import type { PartRecord, ToolRecord } from '../model/dataset.js';
import type { Addressing } from '../lookup/addressing.js';
import type { NodeIri, ProvisionId } from '../model/ids.js';
import { compareStrings } from '../util/compare.js';
import { authoritiesFor, type AuthoritySummary } from './designations.js';
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

const DEFAULT_MATCH: readonly MatchKind[] = ['exact', 'broader', 'narrower'];
const EMPTY_PATH: readonly PathStep[] = Object.freeze([]);

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

/**
 * The views of the index's addressers, per graph: built the first time an answer shows one, then shared (views of
 * the graph's nodes and links, not answers: the index has already grouped and ordered them).
 */
const shown = new WeakMap<object, WeakMap<Addressing, Addresser>>();

/** The view of one tool or part that addresses `target`. */
function addresserView(kg: KnowledgeGraphCore, views: WeakMap<Addressing, Addresser>, target: string, who: Addressing): Addresser {
  let view = views.get(who);
  if (!view) {
    const last = Object.freeze(step(kg, target, 'addressedBy', who.subject, who.links));
    view = Object.freeze({
      tool: who.tool,
      toolView: Object.freeze(toolView(who.tool)),
      partView: who.part ? Object.freeze(partView(who.part)) : null,
      step: last,
      alone: Object.freeze([last]),
      evidence: Object.freeze(who.links.map((l) => evidenceOf(kg, l))),
    });
    views.set(who, view);
  }
  return view;
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
export function toolsAddressing(kg: KnowledgeGraphCore, provision: string, options: ToolsAddressingOptions = {}): ToolsAddressingResult {
  const operation = 'toolsAddressing';
  const match = checkMatch(operation, options.match, DEFAULT_MATCH);
  const id = provisionInput(kg, operation, provision, options.context);
  const only = options.tools ? new Set(options.tools.map((t): string => toolInput(kg, operation, t).tool.id)) : undefined;
  const index = kg.index;
  const chains = chainStepsOf(kg);
  let views = shown.get(index);
  if (!views) shown.set(index, (views = new WeakMap()));
  // Results come out in their final order, with no sort over them: exact; broader, the (few) enclosing provisions
  // nearest first; narrower, the addressed provisions below by depth, each depth in document order (both orders are
  // the index's); within one provision, tools and parts in the index's order. Only `related` (not asked by default)
  // is sorted.
  const results: ToolMatch[] = [];
  let related: { result: ToolMatch; distance: number; order: number }[] | undefined;

  // Paths are built only for provisions that something addresses: most ancestors have no link (every provision of
  // `narrowerOf` has one).
  const addressed = (via: string) => index.addressersOf(via).length > 0;
  const add = (kind: MatchKind, via: ProvisionId, steps: readonly PathStep[], distance: number) => {
    const found = index.addressersOf(via);
    const view = provisionView(kg, via);
    for (const who of found) {
      if (only && !only.has(who.tool.id)) continue;
      const shownWho = addresserView(kg, views, via, who);
      const path = steps.length === 0 ? shownWho.alone : pathOf(steps, shownWho.step);
      const result: ToolMatch =
        who.tool.kind === 'directory'
          ? { tool: shownWho.toolView, part: shownWho.partView, match: kind, via: view, path, evidence: shownWho.evidence, authorities: authoritiesFor(kg, via) }
          : { tool: shownWho.toolView, part: shownWho.partView, match: kind, via: view, path, evidence: shownWho.evidence };
      if (kind === 'related') (related ??= []).push({ result, distance, order: index.orderOf(via) });
      else results.push(result);
    }
  };

  if (match.includes('exact') && addressed(id)) add('exact', id, EMPTY_PATH, 0);
  if (match.includes('broader')) {
    for (const { id: via, chain } of index.broaderAddressedOf(id)) add('broader', via, chains.along(chain, 'partOf'), 0);
  }
  if (match.includes('narrower')) {
    for (const { via, chain } of index.narrowerOf(id)) add('narrower', via, chains.along(chain, 'hasPart'), 0);
  }
  if (match.includes('related')) {
    // One cross-reference away from the provision or from what encloses it, in either direction.
    const around = [{ id, chain: [id] as readonly ProvisionId[] }, ...index.ancestorsOf(id)];
    for (const { id: node, chain } of around) {
      const up = () => chains.along(chain, 'partOf');
      for (const link of index.linksFrom(node)) {
        if (link.property === 'cites' && addressed(link.to)) add('related', link.to as ProvisionId, [...up(), step(kg, node, 'cites', link.to, [link])], chain.length);
      }
      for (const link of index.linksTo(node)) {
        if (link.property === 'cites' && addressed(link.from)) add('related', link.from as ProvisionId, [...up(), step(kg, node, 'citedBy', link.from, [link])], chain.length);
      }
    }
  }

  related?.sort(
    (a, b) =>
      a.distance - b.distance ||
      a.order - b.order ||
      compareStrings(a.result.tool.id, b.result.tool.id) ||
      compareStrings(a.result.part?.path ?? '', b.result.part?.path ?? ''),
  );
  for (const r of related ?? []) results.push(r.result);
  return {
    provision: provisionView(kg, id),
    results,
    discrepancies: discrepanciesOf(kg, id),
  };
}

/**
 * `toolsAddressing`: the tools, and the part of each, that address a provision, each with how it matches, the path
 * that explains it, and the evidence of each link on that path. It reads the addressing table of the lookup index
 * (`index.addressesTo`, `index.addressedBelow`) and builds views only for what it returns.
 *
 * @module
 */
import type { CitationContext } from '../citation/types.js';
import type { KnowledgeGraphCore } from '../core.js';
import type { PartRecord, ToolRecord } from '../model/dataset.js';
import type { AddressedBelow } from '../lookup/addressing.js';
import type { NodeIri, ProvisionId } from '../model/ids.js';
import { compareStrings } from '../util/compare.js';
import { groupBy } from '../util/group.js';
import { authoritiesFor, type AuthoritySummary } from './designations.js';
import { discrepanciesAbout, type Discrepancy } from './discrepancies.js';
import { provisionInput, toolInput } from './inputs.js';
import { checkMatch, step, type MatchKind, type PathStep } from './steps.js';
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
  readonly evidence: readonly Evidence[];
}

/**
 * What answers show, kept per graph: the addressers of a provision, and the structural steps along a chain (an
 * ancestry chain of the index, or a chain of `addressedBelow`). Each is built the first time a query needs it and
 * shared after that, so a one-off query (the CLI) pays only for what it shows.
 */
interface ShownCache {
  readonly addressers: Map<string, readonly Addresser[]>;
  readonly paths: WeakMap<readonly string[], readonly PathStep[]>;
}

const shown = new WeakMap<object, ShownCache>();

function shownOf(kg: KnowledgeGraphCore): ShownCache {
  let cache = shown.get(kg.index);
  if (!cache) shown.set(kg.index, (cache = { addressers: new Map(), paths: new WeakMap() }));
  return cache;
}

/** The tools and parts that address `target` (none: an empty list), one per tool or part with all its links. */
function addressersOf(kg: KnowledgeGraphCore, cache: ShownCache, target: string): readonly Addresser[] {
  const known = cache.addressers.get(target);
  if (known) return known;
  const list: Addresser[] = [];
  for (const [subject, own] of groupBy(kg.index.addressesTo(target), (l) => l.from)) {
    const who = subjectOf(kg, subject);
    if (!who) continue;
    list.push(
      Object.freeze({
        tool: who.tool,
        toolView: Object.freeze(toolView(who.tool)),
        partView: who.part ? Object.freeze(partView(who.part)) : null,
        step: Object.freeze(step(kg, target, 'addressedBy', subject, own)),
        evidence: Object.freeze(own.map((l) => evidenceOf(kg, l))),
      }),
    );
  }
  // Within one provision, answers show tools by id and parts by path: fixed here, once, so no query sorts them.
  list.sort((a, b) => compareStrings(a.tool.id, b.tool.id) || compareStrings(a.partView?.path ?? '', b.partView?.path ?? ''));
  cache.addressers.set(target, list);
  return list;
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
  const match = new Set(checkMatch(operation, options.match, DEFAULT_MATCH));
  const id = provisionInput(kg, operation, provision, options.context);
  const only = options.tools ? new Set(options.tools.map((t): string => toolInput(kg, operation, t).tool.id)) : undefined;
  const index = kg.index;
  const cache = shownOf(kg);
  // Results come out in their final order, with no sort over them: exact; broader, the (few) enclosing provisions
  // nearest first; narrower, the addressed provisions below bucketed by depth, each bucket in document order; within
  // one provision, tools and parts in the order addressersOf fixed. Only `related` (not asked by default) is sorted.
  const results: ToolMatch[] = [];
  const related: { result: ToolMatch; distance: number; order: number }[] = [];
  const along = (chain: readonly string[], relation: 'partOf' | 'hasPart'): readonly PathStep[] => {
    let steps = cache.paths.get(chain);
    if (!steps) {
      const out: PathStep[] = [];
      for (let i = 0; i + 1 < chain.length; i++) out.push(Object.freeze(step(kg, chain[i]!, relation, chain[i + 1]!)));
      cache.paths.set(chain, (steps = Object.freeze(out)));
    }
    return steps;
  };
  const up = (chain: readonly string[]) => along(chain, 'partOf');
  const down = (chain: readonly string[]) => along(chain, 'hasPart');

  // Paths are built only for provisions that something addresses: most ancestors and descendants have no link.
  const add = (kind: MatchKind, via: ProvisionId, path: () => readonly PathStep[], distance: number) => {
    const found = addressersOf(kg, cache, via);
    if (found.length === 0) return;
    const prefix = path();
    const view = provisionView(kg, via);
    for (const who of found) {
      if (only && !only.has(who.tool.id)) continue;
      const steps = prefix.slice();
      steps.push(who.step);
      const result: ToolMatch = {
        tool: who.toolView,
        part: who.partView,
        match: kind,
        via: view,
        path: steps,
        evidence: who.evidence,
        ...(who.tool.kind === 'directory' ? { authorities: authoritiesFor(kg, via) } : {}),
      };
      if (kind === 'related') related.push({ result, distance, order: index.orderOf(via) });
      else results.push(result);
    }
  };

  if (match.has('exact')) add('exact', id, () => EMPTY_PATH, 0);
  const ancestors = index.ancestorsOf(id);
  if (match.has('broader')) {
    // A whole instrument is the least specific enclosing provision: after a chapter at the same distance.
    const distance = (a: { id: ProvisionId; chain: readonly string[] }) => a.chain.length - 1 + (index.instrumentsByIri.has(a.id) ? 0.5 : 0);
    const nearestFirst = [...ancestors].sort((a, b) => distance(a) - distance(b) || index.orderOf(a.id) - index.orderOf(b.id));
    for (const ancestor of nearestFirst) add('broader', ancestor.id, () => up(ancestor.chain), distance(ancestor));
  }
  if (match.has('narrower')) {
    const byDepth: AddressedBelow[][] = [];
    for (const below of index.addressedBelow(id)) (byDepth[below.chain.length - 1] ??= []).push(below);
    for (const bucket of byDepth) if (bucket) for (const { via, chain } of bucket) add('narrower', via, () => down(chain), chain.length - 1);
  }
  if (match.has('related')) {
    // One cross-reference away from the provision or from what encloses it, in either direction.
    const around = [{ id, chain: [id] as readonly ProvisionId[] }, ...ancestors];
    for (const { id: node, chain } of around) {
      for (const link of index.linksFrom(node)) {
        if (link.property === 'cites') add('related', link.to as ProvisionId, () => [...up(chain), step(kg, node, 'cites', link.to, [link])], chain.length);
      }
      for (const link of index.linksTo(node)) {
        if (link.property === 'cites') add('related', link.from as ProvisionId, () => [...up(chain), step(kg, node, 'citedBy', link.from, [link])], chain.length);
      }
    }
  }

  related.sort(
    (a, b) =>
      a.distance - b.distance ||
      a.order - b.order ||
      compareStrings(a.result.tool.id, b.result.tool.id) ||
      compareStrings(a.result.part?.path ?? '', b.result.part?.path ?? ''),
  );
  for (const r of related) results.push(r.result);
  return {
    provision: provisionView(kg, id),
    results,
    discrepancies: discrepanciesAbout(kg, id),
  };
}

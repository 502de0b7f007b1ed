/**
 * Queries that return tools: which tools address a provision, what a tool addresses, which tools are on a theme.
 * Every result says how it matches, the path that explains it, and the evidence of each link on that path.
 *
 * @module
 */
import type { CitationContext } from '../citation/types.js';
import type { KnowledgeGraphCore } from '../core.js';
import { UntocKgError } from '../errors.js';
import type { LinkRecord, PartRecord, ThemeRecord, ToolRecord } from '../model/dataset.js';
import type { NodeIri, ProvisionId } from '../model/ids.js';
import { compareStrings } from '../util/compare.js';
import { groupBy } from '../util/group.js';
import { authoritiesFor, type AuthoritySummary } from './designations.js';
import { provisionInput, themeInput, toolInput } from './inputs.js';
import {
  evidenceOf,
  nodeLabel,
  partView,
  provisionView,
  themeView,
  toolView,
  type Evidence,
  type PartView,
  type ProvisionView,
  type ThemeView,
  type ToolView,
} from './views.js';

/**
 * How a tool matches a provision: it addresses the provision itself (`exact`), a provision that encloses it
 * (`broader`: art. 27 encloses art. 27(1)(e)), a provision inside it (`narrower`), or a provision connected to it by a
 * cross-reference in the text (`related`: SOM art. 10(1) cites UNTOC art. 27).
 */
export type MatchKind = 'exact' | 'broader' | 'narrower' | 'related';

/** The relation of one step of an explaining path, read from the step's `from` to its `to`. */
export type PathRelation =
  | 'partOf'
  | 'hasPart'
  | 'addresses'
  | 'addressedBy'
  | 'cites'
  | 'citedBy'
  | 'subject'
  | 'subjectOf'
  | 'supplements'
  | 'supplementedBy'
  | 'broader'
  | 'narrower'
  | 'modelProvisionFor'
  | 'hasModelProvision'
  | 'designatedUnder'
  | 'designates'
  | 'inCategory'
  | 'categoryOf'
  | 'ofState'
  | 'stateOf'
  | 'implements'
  | 'implementedBy'
  | 'applies'
  | 'appliedBy';

/** A node on a path. */
export interface NodeRef {
  readonly iri: string;
  readonly label: string;
}

/** One step of the path that explains a result. Steps that are links carry their evidence. */
export interface PathStep {
  readonly from: NodeRef;
  readonly relation: PathRelation;
  readonly to: NodeRef;
  readonly evidence: readonly Evidence[];
}

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

/** A claim a source makes that the graph does not assert, because another source or the text contradicts it. */
export interface Discrepancy {
  /** `claimed`: the queried provision is the one the disputed claim names; `accepted`: it is the correction. */
  readonly role: 'claimed' | 'accepted';
  /** Who the claim is about (a tool or part). */
  readonly subject: NodeRef;
  /** The provision the disputed claim names (e.g. SOM art. 8(5)). */
  readonly claimed: ProvisionView;
  /** The provision the graph asserts instead (e.g. SOM art. 8(6)). */
  readonly accepted: ProvisionView;
  /** Why the claim is disputed. */
  readonly explanation: string;
  /** The disputed claim's own evidence. */
  readonly evidence: Evidence;
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
const RANK: Record<MatchKind, number> = { exact: 0, broader: 1, narrower: 2, related: 3 };
const MATCH_KINDS: ReadonlySet<string> = new Set(['exact', 'broader', 'narrower', 'related']);

function ref(kg: KnowledgeGraphCore, iri: string): NodeRef {
  return { iri, label: nodeLabel(kg, iri) };
}

function step(kg: KnowledgeGraphCore, from: string, relation: PathRelation, to: string, links: readonly LinkRecord[] = []): PathStep {
  return { from: ref(kg, from), relation, to: ref(kg, to), evidence: links.map((l) => evidenceOf(kg, l)) };
}

/** Steps up a chain of structural parents: [a, b, c] → a partOf b, b partOf c. */
function upSteps(kg: KnowledgeGraphCore, chain: readonly string[]): PathStep[] {
  const out: PathStep[] = [];
  for (let i = 0; i + 1 < chain.length; i++) out.push(step(kg, chain[i]!, 'partOf', chain[i + 1]!));
  return out;
}

/** Steps down a chain: [a, b, c] (c inside b inside a) → a hasPart b, b hasPart c. */
function downSteps(kg: KnowledgeGraphCore, chain: readonly string[]): PathStep[] {
  const out: PathStep[] = [];
  for (let i = 0; i + 1 < chain.length; i++) out.push(step(kg, chain[i]!, 'hasPart', chain[i + 1]!));
  return out;
}

function checkMatch(operation: string, match: readonly MatchKind[] | undefined): readonly MatchKind[] {
  if (match === undefined) return DEFAULT_MATCH;
  if (!Array.isArray(match) || match.some((m) => !MATCH_KINDS.has(m))) {
    throw new UntocKgError('invalid_input', operation, `options.match must list exact, broader, narrower or related; got ${JSON.stringify(match)}`, {
      value: match,
      suggestions: ['exact', 'broader', 'narrower', 'related'],
    });
  }
  return match;
}

/** The tool and part that a link's subject is. */
function subjectOf(kg: KnowledgeGraphCore, node: NodeIri): { tool: ToolRecord; part: PartRecord | undefined } | undefined {
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
 * The index the tool queries read, built once per graph on first use: for every provision, the provisions inside it
 * that something addresses (with the chain down to each). What answers show about an addresser (views, the last path
 * step, the evidence) and the structural steps along a chain are built the first time a query needs them and shared
 * after that, so a one-off query (the CLI) pays only for what it shows.
 */
interface AddressingIndex {
  readonly addressers: Map<string, readonly Addresser[]>;
  readonly addressedBelow: ReadonlyMap<string, readonly { readonly via: ProvisionId; readonly chain: readonly ProvisionId[] }[]>;
  /** The structural steps along a chain (an ancestry chain of the index, or a chain of `addressedBelow`). */
  readonly paths: WeakMap<readonly string[], readonly PathStep[]>;
}

const addressingIndexes = new WeakMap<object, AddressingIndex>();

/** The asserted `addresses` links to a node (`linksTo` holds the asserted links only). */
function addressesTo(kg: KnowledgeGraphCore, node: string): LinkRecord[] {
  return kg.index.linksTo(node).filter((l) => l.property === 'addresses');
}

function addressingIndex(kg: KnowledgeGraphCore): AddressingIndex {
  const cached = addressingIndexes.get(kg.index);
  if (cached) return cached;
  const index = kg.index;
  // Every addressed provision, under each provision that encloses it, in document order.
  const targets = new Set(kg.dataset.links.filter((l) => l.property === 'addresses').map((l) => l.to as string));
  const addressed = [...targets].filter((id) => (index.provisionRecord(id as ProvisionId) || index.instrumentsByIri.has(id)) && addressesTo(kg, id).length > 0);
  addressed.sort((a, b) => index.orderOf(a) - index.orderOf(b));
  const addressedBelow = new Map<string, { via: ProvisionId; chain: readonly ProvisionId[] }[]>();
  for (const via of addressed) {
    for (const ancestor of index.ancestorsOf(via as ProvisionId)) {
      const chain = Object.freeze([...ancestor.chain].reverse());
      const list = addressedBelow.get(ancestor.id);
      if (list) list.push({ via: via as ProvisionId, chain });
      else addressedBelow.set(ancestor.id, [{ via: via as ProvisionId, chain }]);
    }
  }
  const built: AddressingIndex = { addressers: new Map(), addressedBelow, paths: new WeakMap() };
  addressingIndexes.set(kg.index, built);
  return built;
}

/** The tools and parts that address `target` (none: an empty list), one per tool or part with all its links. */
function addressersOf(kg: KnowledgeGraphCore, addressing: AddressingIndex, target: string): readonly Addresser[] {
  const known = addressing.addressers.get(target);
  if (known) return known;
  const list: Addresser[] = [];
  for (const [subject, own] of groupBy(addressesTo(kg, target), (l) => l.from)) {
    const who = subjectOf(kg, subject as NodeIri);
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
  addressing.addressers.set(target, list);
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
  const match = new Set(checkMatch(operation, options.match));
  const id = provisionInput(kg, operation, provision, options.context);
  const only = options.tools ? new Set(options.tools.map((t) => toolInput(kg, operation, t).tool.id as string)) : undefined;
  const index = kg.index;
  const addressing = addressingIndex(kg);
  const results: { result: ToolMatch; distance: number; order: number }[] = [];
  const along = (chain: readonly string[], relation: 'partOf' | 'hasPart'): readonly PathStep[] => {
    let steps = addressing.paths.get(chain);
    if (!steps) {
      const out: PathStep[] = [];
      for (let i = 0; i + 1 < chain.length; i++) out.push(Object.freeze(step(kg, chain[i]!, relation, chain[i + 1]!)));
      addressing.paths.set(chain, (steps = Object.freeze(out)));
    }
    return steps;
  };
  const up = (chain: readonly string[]) => along(chain, 'partOf');
  const down = (chain: readonly string[]) => along(chain, 'hasPart');

  // Paths are built only for provisions that something addresses: most ancestors and descendants have no link.
  const add = (kind: MatchKind, via: string, path: () => readonly PathStep[], distance: number) => {
    const found = addressersOf(kg, addressing, via);
    if (found.length === 0) return;
    const prefix = path();
    const view = provisionView(kg, via as ProvisionId);
    const order = index.orderOf(via);
    for (const who of found) {
      if (only && !only.has(who.tool.id)) continue;
      const result: ToolMatch = { tool: who.toolView, part: who.partView, match: kind, via: view, path: [...prefix, who.step], evidence: who.evidence };
      if (who.tool.kind === 'directory') (result as { authorities?: readonly AuthoritySummary[] }).authorities = authoritiesFor(kg, via as ProvisionId);
      results.push({ result, distance, order });
    }
  };

  if (match.has('exact')) add('exact', id, () => [], 0);
  const ancestors = index.ancestorsOf(id);
  if (match.has('broader')) {
    // A whole instrument is the least specific enclosing provision: after a chapter at the same distance.
    for (const ancestor of ancestors) {
      const distance = ancestor.chain.length - 1 + (index.instrumentsByIri.has(ancestor.id) ? 0.5 : 0);
      add('broader', ancestor.id, () => up(ancestor.chain), distance);
    }
  }
  if (match.has('narrower')) {
    for (const { via, chain } of addressing.addressedBelow.get(id) ?? []) add('narrower', via, () => down(chain), chain.length - 1);
  }
  if (match.has('related')) {
    // One cross-reference away from the provision or from what encloses it, in either direction.
    const around = [{ id, chain: [id] as readonly ProvisionId[] }, ...ancestors];
    for (const { id: node, chain } of around) {
      for (const link of index.linksFrom(node)) {
        if (link.property === 'cites') add('related', link.to, () => [...up(chain), step(kg, node, 'cites', link.to, [link])], chain.length);
      }
      for (const link of index.linksTo(node)) {
        if (link.property === 'cites') add('related', link.from, () => [...up(chain), step(kg, node, 'citedBy', link.from, [link])], chain.length);
      }
    }
  }

  results.sort(
    (a, b) =>
      RANK[a.result.match] - RANK[b.result.match] ||
      a.distance - b.distance ||
      a.order - b.order ||
      compareStrings(a.result.tool.id, b.result.tool.id) ||
      compareStrings(a.result.part?.path ?? '', b.result.part?.path ?? ''),
  );
  return {
    provision: provisionView(kg, id),
    results: results.map((r) => r.result),
    discrepancies: discrepanciesAbout(kg, id),
  };
}

/** Disputed claims that name a provision, or whose correction it is. */
export function discrepanciesAbout(kg: KnowledgeGraphCore, id: ProvisionId): Discrepancy[] {
  const out: Discrepancy[] = [];
  const describe = (link: LinkRecord, role: Discrepancy['role']): Discrepancy => ({
    role,
    subject: ref(kg, link.from),
    claimed: provisionView(kg, link.to as ProvisionId),
    accepted: provisionView(kg, link.correction as ProvisionId),
    explanation: link.discrepancy ?? '',
    evidence: evidenceOf(kg, link),
  });
  for (const link of kg.index.disputedTo(id)) if (link.correction) out.push(describe(link, 'claimed'));
  for (const link of kg.index.correctionsTo(id)) out.push(describe(link, 'accepted'));
  return out;
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
  const selected = (part?.id ?? record.iri) as string;
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
      add(child, 'narrower', downSteps(kg, next));
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
      add(parent, 'broader', upSteps(kg, chain));
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

/** One answer of {@link toolsOnTheme}. */
export interface ThemeMatch {
  readonly tool: ToolView;
  readonly part: PartView | null;
  /**
   * `exact`: on the theme asked about; `narrower`: on a theme below it (law enforcement cooperation is a kind of
   * international cooperation); `broader`: on a theme above it.
   */
  readonly match: Exclude<MatchKind, 'related'>;
  /** The theme the tool or part is actually linked to. */
  readonly theme: ThemeView;
  readonly path: readonly PathStep[];
  readonly evidence: readonly Evidence[];
}

/** The answer of {@link toolsOnTheme}. */
export interface ToolsOnThemeResult {
  readonly theme: ThemeView;
  readonly results: readonly ThemeMatch[];
}

/**
 * The tools and parts that are about a theme, directly or through the theme hierarchy.
 *
 * @param theme - a theme slug (`law-enforcement-cooperation`), IRI or label.
 * @param options - `match`: which of exact, narrower, broader (default all three).
 * @throws {@link UntocKgError} `unknown_theme` with the nearest slugs.
 *
 * @example
 * ```ts
 * toolsOnTheme(kg, 'international-cooperation').results.map((r) => [r.part?.label, r.match])
 * // [['Module 8', 'exact'], ['Module 8', 'narrower'], …]  (the Basic and the In-depth manual)
 * ```
 */
export function toolsOnTheme(
  kg: KnowledgeGraphCore,
  theme: string,
  options: { readonly match?: readonly Exclude<MatchKind, 'related'>[] } = {},
): ToolsOnThemeResult {
  const operation = 'toolsOnTheme';
  const wanted = new Set(checkMatch(operation, options.match ?? ['exact', 'narrower', 'broader']));
  const record = themeInput(kg, operation, theme);
  const index = kg.index;
  const results: (ThemeMatch & { rank: number; distance: number })[] = [];
  const add = (target: ThemeRecord, kind: ThemeMatch['match'], path: PathStep[], distance: number) => {
    const groups = groupBy(index.linksTo(target.iri), (l) => l.from, (l) => l.property === 'subject');
    for (const [subject, links] of groups) {
      const who = subjectOf(kg, subject as NodeIri);
      if (!who) continue;
      results.push({
        tool: toolView(who.tool),
        part: who.part ? partView(who.part) : null,
        match: kind,
        theme: themeView(target),
        path: [...path, step(kg, target.iri, 'subjectOf', subject, links)],
        evidence: links.map((l) => evidenceOf(kg, l)),
        rank: kind === 'exact' ? 0 : kind === 'narrower' ? 1 : 2,
        distance,
      });
    }
  };
  if (wanted.has('exact')) add(record, 'exact', [], 0);
  if (wanted.has('narrower')) {
    for (const narrower of index.narrowerThemes(record.id)) {
      const chain = themeChain(kg, record.id, narrower.id, 'narrower');
      add(narrower, 'narrower', chain, chain.length);
    }
  }
  if (wanted.has('broader')) {
    for (const broader of index.broaderThemes(record.id)) {
      const chain = themeChain(kg, record.id, broader.id, 'broader');
      add(broader, 'broader', chain, chain.length);
    }
  }
  results.sort((a, b) => a.rank - b.rank || a.distance - b.distance || compareStrings(a.tool.id, b.tool.id) || compareStrings(a.part?.path ?? '', b.part?.path ?? ''));
  return { theme: themeView(record), results: results.map(({ rank: _r, distance: _d, ...rest }) => rest) };
}

/** The SKOS steps from one theme to a narrower or broader one. */
function themeChain(kg: KnowledgeGraphCore, from: string, to: string, direction: 'narrower' | 'broader'): PathStep[] {
  const index = kg.index;
  // Breadth-first over the hierarchy, keeping parents to rebuild the chain.
  const previous = new Map<string, string>();
  const queue = [from];
  while (queue.length) {
    const current = queue.shift()!;
    if (current === to) break;
    const next = direction === 'broader' ? index.themes.get(current)?.broader ?? [] : kg.dataset.themes.filter((t) => t.broader.includes(current as never)).map((t) => t.id);
    for (const n of next) {
      if (!previous.has(n) && n !== from) {
        previous.set(n, current);
        queue.push(n);
      }
    }
  }
  const chain = [to];
  while (chain[0] !== from && previous.has(chain[0]!)) chain.unshift(previous.get(chain[0]!)!);
  const iri = (id: string) => index.themes.get(id)!.iri;
  const steps: PathStep[] = [];
  for (let i = 0; i + 1 < chain.length; i++) steps.push(step(kg, iri(chain[i]!), direction, iri(chain[i + 1]!)));
  return steps;
}


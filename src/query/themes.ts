/**
 * Queries by theme: the tools and parts on a theme (directly or through the SKOS hierarchy), and the themes of a
 * provision, tool or part (its own and those it inherits from what encloses it).
 *
 * @module
 */
import type { KnowledgeGraphCore } from '../core.js';
import type { ThemeRecord } from '../model/dataset.js';
import type { NodeIri, ProvisionId } from '../model/ids.js';
import { compareStrings } from '../util/compare.js';
import { groupBy } from '../util/group.js';
import { nodeInput, themeInput } from './inputs.js';
import { checkMatch, ref, step, type MatchKind, type NodeRef, type PathStep } from './steps.js';
import { subjectOf } from './tools.js';
import { evidenceOf, partView, themeView, toolView, type Evidence, type PartView, type ThemeView, type ToolView } from './views.js';

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

const THEME_MATCH: readonly ThemeMatch['match'][] = ['exact', 'narrower', 'broader'];
const THEME_RANK: Record<ThemeMatch['match'], number> = { exact: 0, narrower: 1, broader: 2 };

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
  const wanted = new Set(checkMatch(operation, options.match, THEME_MATCH));
  const record = themeInput(kg, operation, theme);
  const index = kg.index;
  const results: (ThemeMatch & { rank: number; distance: number })[] = [];
  const add = (target: ThemeRecord, kind: ThemeMatch['match'], path: PathStep[], distance: number) => {
    const groups = groupBy(index.linksTo(target.iri), (l) => l.from, (l) => l.property === 'subject');
    for (const [subject, links] of groups) {
      const who = subjectOf(kg, subject);
      if (!who) continue;
      results.push({
        tool: toolView(who.tool),
        part: who.part ? partView(who.part) : null,
        match: kind,
        theme: themeView(target),
        path: [...path, step(kg, target.iri, 'subjectOf', subject, links)],
        evidence: links.map((l) => evidenceOf(kg, l)),
        rank: THEME_RANK[kind],
        distance,
      });
    }
  };
  if (wanted.has('exact')) add(record, 'exact', [], 0);
  for (const kind of ['narrower', 'broader'] as const) {
    if (!wanted.has(kind)) continue;
    const related = kind === 'narrower' ? index.narrowerThemes(record.id) : index.broaderThemes(record.id);
    for (const other of related) {
      const chain = themeChain(kg, record, other, kind);
      add(other, kind, chain, chain.length);
    }
  }
  results.sort((a, b) => a.rank - b.rank || a.distance - b.distance || compareStrings(a.tool.id, b.tool.id) || compareStrings(a.part?.path ?? '', b.part?.path ?? ''));
  return { theme: themeView(record), results: results.map(({ rank: _r, distance: _d, ...rest }) => rest) };
}

/** The SKOS steps from one theme to a narrower or broader one. */
function themeChain(kg: KnowledgeGraphCore, from: ThemeRecord, to: ThemeRecord, direction: 'narrower' | 'broader'): PathStep[] {
  const index = kg.index;
  // Breadth-first over the hierarchy, keeping parents to rebuild the chain.
  const previous = new Map<ThemeRecord, ThemeRecord>();
  const queue = [from];
  while (queue.length) {
    const current = queue.shift()!;
    if (current === to) break;
    const next =
      direction === 'broader'
        ? current.broader.flatMap((id) => index.themes.get(id) ?? [])
        : kg.dataset.themes.filter((t) => t.broader.some((id) => id === current.id));
    for (const n of next) {
      if (!previous.has(n) && n !== from) {
        previous.set(n, current);
        queue.push(n);
      }
    }
  }
  const chain = [to];
  while (chain[0] !== from && previous.has(chain[0]!)) chain.unshift(previous.get(chain[0]!)!);
  const steps: PathStep[] = [];
  for (let i = 0; i + 1 < chain.length; i++) steps.push(step(kg, chain[i]!.iri, direction, chain[i + 1]!.iri));
  return steps;
}

/** A theme of a node, and whether the node has it itself or inherits it from what encloses it. */
export interface ThemeOf {
  readonly theme: ThemeView;
  readonly match: 'exact' | 'inherited';
  /** The node that carries the theme (the node itself for `exact`). */
  readonly via: NodeRef;
  readonly evidence: readonly Evidence[];
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
 * @param node - a citation or provision IRI, a tool id or part path, or any node IRI.
 * @example
 * ```ts
 * themesOf(kg, 'SOM Protocol art. 8(6)').themes.map((t) => [t.theme.id, t.match])
 * // [['smuggling-of-migrants-by-sea', 'inherited']]  (from chapter II)
 * ```
 */
export function themesOf(kg: KnowledgeGraphCore, node: string): ThemesOfResult {
  const iri = nodeInput(kg, 'themesOf', node);
  return { node: ref(kg, iri), themes: themesOfNode(kg, iri) };
}

/** The themes of a node given by its IRI (for `themesOf` and `provision`). */
export function themesOfNode(kg: KnowledgeGraphCore, node: NodeIri): ThemeOf[] {
  const index = kg.index;
  const carriers: { iri: string; match: ThemeOf['match'] }[] = [{ iri: node, match: 'exact' }];
  const record = index.provisionRecord(node as ProvisionId);
  if (record) {
    for (const ancestor of index.ancestorsOf(record.id)) carriers.push({ iri: ancestor.id, match: 'inherited' });
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
      out.push({ theme: themeView(index.themesByIri.get(theme)!), match: carrier.match, via: ref(kg, carrier.iri), evidence: links.map((l) => evidenceOf(kg, l)) });
    }
  }
  return out;
}

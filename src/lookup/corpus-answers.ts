/**
 * The answers of `documentsAddressing` with its default options, built with the corpus lookup (in `withCorpora`, so
 * the load pays for them, not a query's first call): for every provision and instrument of the graph, its results in
 * answer order (exact; broader, nearest first; narrower, by depth, each depth in document order; within one provision,
 * its link groups in the lookup's order), as a frozen list of frozen results, each path built once. A call with the
 * default options then copies a list; a call with options filters it in one pass.
 *
 * **The budget.** The answers hold, for every link group, one result per provision that sees it: the provision it
 * links to (exact), every provision below that one (broader) and the few above it (narrower). For links to long
 * articles, chapters or whole instruments that is links × provisions, which on a user's data could outgrow the corpus
 * itself by far. So the lookup counts the results first (one pass over the lists it holds anyway) and builds them only
 * when they stay within a budget linear in the corpus: {@link RESULTS_PER_LINK} per link, and never less than
 * {@link RESULTS_FLOOR}. Over it, the graph keeps no answers and each call builds its own results (the query's other
 * path, which gives the same answers: tests/query/corpus-answers.test.ts checks both). Measured on generated
 * SHERLOC-shaped corpora: the answers hold 4.3 results per link at 11k and 109k triples alike (a third of the budget),
 * and a result with its path takes about 140 bytes of heap (2.7 MB for 19,302 results at 109k, 25 bytes per triple);
 * at the budget's limit they would add about 1.7 KB per link, under 190 bytes per triple (a link is nine triples or
 * more), which keeps a corpus and its graph within 300 bytes per triple; the floor is 2.3 MB at most.
 *
 * @module
 */
import { instrumentAsProvision, type ProvisionId } from '../model/ids.js';
import type { GraphIndex } from './build.js';
import type { CorpusEvidence, CorpusStep, DocumentView, LinkGroup, SectionView } from './corpus-views.js';
import type { ProvisionView } from './views.js';

/**
 * One result of a corpus answer: the query's `DocumentMatch`, written here because the lookup builds it (the query's
 * type accepts it as it is).
 */
export interface CorpusMatch {
  readonly document: DocumentView;
  /** The section that implements the provision, or `null` for a case. */
  readonly section: SectionView | null;
  readonly match: 'exact' | 'broader' | 'narrower';
  /** The provision the document actually implements or applies. */
  readonly via: ProvisionView;
  /** From the queried provision to the section or case, step by step. */
  readonly path: readonly CorpusStep[];
  readonly evidence: readonly CorpusEvidence[];
}

/** A linked provision around a provision, with the structural steps from the provision to it. */
export interface LinkedAround {
  readonly via: ProvisionId;
  readonly steps: readonly CorpusStep[];
}

/** What the answers are built from: the lookup's tables (link groups, linked provisions around each provision). */
export interface AnswerTables {
  linkGroupsTo(node: string): readonly LinkGroup[];
  broaderLinkedOf(provision: string): readonly LinkedAround[];
  narrowerOf(provision: string): readonly LinkedAround[];
}

/** Results the answers may hold per corpus link (the budget, with {@link RESULTS_FLOOR}). */
export const RESULTS_PER_LINK = 12;
/** Results the answers may always hold, whatever the number of links (small corpora, e.g. a few links to an instrument). */
export const RESULTS_FLOOR = 16_384;

/** Which results an answer holds: its match kinds, and (when given) only the documents `keep` accepts. */
export interface AnswerFilter {
  readonly exact: boolean;
  readonly broader: boolean;
  readonly narrower: boolean;
  readonly keep?: ((document: DocumentView) => boolean) | undefined;
}

/** The default answer's filter: every match kind, every document. */
export const EVERY_RESULT: AnswerFilter = Object.freeze({ exact: true, broader: true, narrower: true });

/**
 * The answer of one provision or instrument in answer order (exact; broader, nearest first; narrower, by depth, each
 * depth in document order; within one provision, its link groups in the lookup's order): what `documentsAddressing`
 * returns, built here for the stored answers and, over their budget, by each call. An exact match's path is its
 * group's shared one-step path; a broader or narrower one's is a new array (the chain's steps, then the group's link
 * step). `frozen` freezes each result and its path (the stored answers are shared by every call).
 *
 * @example
 * ```ts
 * answerOf(index, lookup, article6, { exact: true, broader: false, narrower: false }) // its exact matches, a new array
 * ```
 */
export function answerOf(index: GraphIndex, tables: AnswerTables, node: string, filter: AnswerFilter = EVERY_RESULT, frozen = false): CorpusMatch[] {
  const out: CorpusMatch[] = [];
  if (filter.exact) {
    const exact = tables.linkGroupsTo(node);
    if (exact.length > 0) append(out, 'exact', viewOf(index, node), exact, undefined, filter.keep, frozen);
  }
  if (filter.broader) for (const { via, steps } of tables.broaderLinkedOf(node)) append(out, 'broader', viewOf(index, via), tables.linkGroupsTo(via), steps, filter.keep, frozen);
  if (filter.narrower) for (const { via, steps } of tables.narrowerOf(node)) append(out, 'narrower', viewOf(index, via), tables.linkGroupsTo(via), steps, filter.keep, frozen);
  return out;
}

/** The steps and one more, in a new array of its final length (about twice as fast as pushing into an empty one). */
function extended(steps: readonly CorpusStep[], last: CorpusStep): CorpusStep[] {
  const n = steps.length;
  const path = new Array<CorpusStep>(n + 1);
  for (let i = 0; i < n; i++) path[i] = steps[i]!;
  path[n] = last;
  return path;
}

/** The provisions and instruments a query can name, as the query's ids. */
function nodesOf(index: GraphIndex): ProvisionId[] {
  const nodes: ProvisionId[] = [];
  for (const record of index.provisions.values()) nodes.push(record.id);
  for (const record of index.instruments.values()) nodes.push(instrumentAsProvision(record.iri));
  return nodes;
}

/** How many results the default answer of `node` has. */
function countOf(tables: AnswerTables, node: string): number {
  let n = tables.linkGroupsTo(node).length;
  for (const { via } of tables.broaderLinkedOf(node)) n += tables.linkGroupsTo(via).length;
  for (const { via } of tables.narrowerOf(node)) n += tables.linkGroupsTo(via).length;
  return n;
}

/** The view of a provision or instrument of the index (every node the tables name is one). */
function viewOf(index: GraphIndex, id: string): ProvisionView {
  const view = index.viewOf(id);
  if (!view) throw new TypeError(`buildAnswers: ${id} is not a provision of this graph`);
  return view;
}

/** Appends the results of the link groups of one provision that `keep` accepts (frozen, with their paths, if asked). */
function append(
  out: CorpusMatch[],
  match: CorpusMatch['match'],
  via: ProvisionView,
  groups: readonly LinkGroup[],
  steps: readonly CorpusStep[] | undefined,
  keep: ((document: DocumentView) => boolean) | undefined,
  frozen: boolean,
): void {
  for (let i = 0; i < groups.length; i++) {
    const group = groups[i]!;
    if (keep !== undefined && !keep(group.documentView)) continue;
    const path = steps === undefined ? group.path : extended(steps, group.step);
    if (frozen && steps !== undefined) Object.freeze(path);
    const result: CorpusMatch = { document: group.documentView, section: group.sectionView, match, via, path, evidence: group.evidence };
    out.push(frozen ? Object.freeze(result) : result);
  }
}

/**
 * The default answer of every provision and instrument that has one (frozen lists of frozen results), or `undefined`
 * when they would hold more than `budget` results in all (counted before anything is built).
 *
 * @example
 * ```ts
 * const answers = buildAnswers(index, tables, RESULTS_FLOOR)
 * answers?.get(article6)?.length // results of documentsAddressing(kg, 'SOM Protocol art. 6')
 * ```
 */
export function buildAnswers(index: GraphIndex, tables: AnswerTables, budget: number): ReadonlyMap<string, readonly CorpusMatch[]> | undefined {
  const nodes = nodesOf(index);
  let total = 0;
  for (const node of nodes) {
    total += countOf(tables, node);
    if (total > budget) return undefined;
  }
  const answers = new Map<string, readonly CorpusMatch[]>();
  if (total === 0) return answers;
  for (const node of nodes) {
    const out = answerOf(index, tables, node, EVERY_RESULT, true);
    if (out.length > 0) answers.set(node, Object.freeze(out));
  }
  return answers;
}

/** The answers' budget for a corpus of `links` links. */
export function budgetFor(links: number): number {
  return Math.max(RESULTS_FLOOR, RESULTS_PER_LINK * links);
}

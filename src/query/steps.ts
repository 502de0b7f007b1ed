/**
 * The vocabulary of answers: how a result matches what was asked (`MatchKind`), and the path that explains it, step
 * by step (`NodeRef`, `PathRelation`, `PathStep`), with the small builders every query uses for them.
 *
 * @module
 */
import type { KnowledgeGraphCore } from '../core.js';
import { UntocKgError } from '../errors.js';
import type { LinkRecord } from '../model/dataset.js';
import { evidenceOf, nodeLabel, type Evidence } from './views.js';

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

const MATCH_KINDS: readonly MatchKind[] = ['exact', 'broader', 'narrower', 'related'];

/** A node with its readable name. */
export function ref(kg: KnowledgeGraphCore, iri: string): NodeRef {
  return { iri, label: nodeLabel(kg, iri) };
}

/** One step, with the evidence of the links it stands for (none for a structural step). */
export function step(kg: KnowledgeGraphCore, from: string, relation: PathRelation, to: string, links: readonly LinkRecord[] = []): PathStep {
  return { from: ref(kg, from), relation, to: ref(kg, to), evidence: links.map((l) => evidenceOf(kg, l)) };
}

/** The structural steps along chains of the index, by relation: built the first time an answer shows them, then shared. */
export interface ChainSteps {
  /**
   * The steps along a chain of the index (an ancestry chain, `Enclosing.chain`, with `partOf`; a chain down to a
   * provision inside, `AddressedBelow.chain`, with `hasPart`), frozen and shared by every answer that shows them.
   */
  along(chain: readonly string[], relation: 'partOf' | 'hasPart'): readonly PathStep[];
}

const structural = new WeakMap<object, ChainSteps>();

/**
 * The shared structural steps of a graph's index (one per index; a query looks it up once).
 *
 * @example
 * ```ts
 * chainStepsOf(kg).along(index.broaderOf(id)[0].chain, 'partOf') // [art. 27(1)(e) partOf art. 27(1)]
 * ```
 */
export function chainStepsOf(kg: KnowledgeGraphCore): ChainSteps {
  let shared = structural.get(kg.index);
  if (!shared) {
    const caches = { partOf: new WeakMap<readonly string[], readonly PathStep[]>(), hasPart: new WeakMap<readonly string[], readonly PathStep[]>() };
    shared = {
      along: (chain, relation) => {
        const cache = caches[relation];
        let steps = cache.get(chain);
        if (!steps) {
          const out: PathStep[] = [];
          for (let i = 0; i + 1 < chain.length; i++) out.push(Object.freeze({ from: ref(kg, chain[i]!), relation, to: ref(kg, chain[i + 1]!), evidence: NO_EVIDENCE }));
          cache.set(chain, (steps = out));
        }
        return steps;
      },
    };
    structural.set(kg.index, shared);
  }
  return shared;
}

/** A path: shared steps, then one more (a new array: answers may hold it; allocated at its length and filled in a loop). */
export function pathOf(steps: readonly PathStep[], last: PathStep): PathStep[] {
  const n = steps.length;
  const path = new Array<PathStep>(n + 1);
  for (let i = 0; i < n; i++) path[i] = steps[i]!;
  path[n] = last;
  return path;
}

const NO_EVIDENCE: readonly Evidence[] = Object.freeze([]);

/**
 * The steps along a chain, each with the same relation: [a, b, c] and `partOf` → a partOf b, b partOf c; with
 * `hasPart`, c inside b inside a.
 */
export function chainSteps(kg: KnowledgeGraphCore, chain: readonly string[], relation: PathRelation): PathStep[] {
  const out: PathStep[] = [];
  for (let i = 0; i + 1 < chain.length; i++) out.push(step(kg, chain[i]!, relation, chain[i + 1]!));
  return out;
}

/**
 * Checks a query's `match` option, or gives the default.
 *
 * @throws {@link UntocKgError} `invalid_input` when it lists anything but the four match kinds.
 */
export function checkMatch<M extends MatchKind>(operation: string, match: readonly M[] | undefined, fallback: readonly M[]): readonly M[] {
  if (match === undefined) return fallback;
  if (!Array.isArray(match) || match.some((m) => !MATCH_KINDS.includes(m))) {
    throw new UntocKgError('invalid_input', operation, `options.match must list exact, broader, narrower or related; got ${JSON.stringify(match)?.slice(0, 80)}`, {
      value: match,
      suggestions: [...MATCH_KINDS],
    });
  }
  return match;
}

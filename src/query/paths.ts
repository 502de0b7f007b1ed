/**
 * `explainPath`: the shortest chain of links between two nodes of the network view (graphology), each step typed and,
 * where it is a link, with its evidence. Edges are followed in either direction, and each step is named in the
 * direction it is walked ("art. 27(1)(e) partOf art. 27(1)", "art. 27 addressedBy Part One, chapter V").
 *
 * @module
 */
import type { Attributes } from 'graphology-types';
import { UntocKgError } from '../errors.js';
import type { EdgeAttributes } from '../graph/build.js';
import type { KnowledgeGraph } from '../kg.js';
import type { SourceId } from '../model/ids.js';
import { corpusEdges, corpusLabel, corpusNode } from './corpus-paths.js';
import { nodeInput } from './inputs.js';
import type { NodeRef, PathRelation, PathStep } from './steps.js';
import { evidenceFrom, nodeLabel, type Evidence } from './views.js';

/** The answer of {@link explainPath}. */
export interface PathResult {
  readonly from: NodeRef;
  readonly to: NodeRef;
  /** From `from` to `to`; empty when they are the same node. */
  readonly steps: readonly PathStep[];
}

const FORWARD: Record<EdgeAttributes['kind'], PathRelation> = {
  partOf: 'partOf',
  addresses: 'addresses',
  subject: 'subject',
  cites: 'cites',
  supplements: 'supplements',
  modelProvisionFor: 'modelProvisionFor',
  designatedUnder: 'designatedUnder',
  category: 'inCategory',
  state: 'ofState',
};
const BACKWARD: Record<EdgeAttributes['kind'], PathRelation> = {
  partOf: 'hasPart',
  addresses: 'addressedBy',
  subject: 'subjectOf',
  cites: 'citedBy',
  supplements: 'supplementedBy',
  modelProvisionFor: 'hasModelProvision',
  designatedUnder: 'designates',
  category: 'categoryOf',
  state: 'stateOf',
};

/** The evidence of an edge: its links' provenance, or for a directory fact the snapshots that state it. */
function edgeEvidence(kg: KnowledgeGraph, attributes: EdgeAttributes): Evidence[] {
  switch (attributes.kind) {
    case 'partOf':
      return [];
    case 'designatedUnder':
    case 'category':
    case 'state':
      return attributes.snapshots.map((id) => {
        const snapshot = kg.index.snapshots.get(id);
        const source = (snapshot?.source ?? id) as SourceId;
        return {
          basis: 'source',
          source,
          sourceTitle: kg.index.sources.get(source)?.title ?? snapshot?.title ?? id,
          locator: `directory snapshot ${id}`,
          note: snapshot?.example ? 'example data' : null,
          link: null,
        };
      });
    default:
      return attributes.evidence.map((e) => evidenceFrom(kg, e));
  }
}

/** Options of {@link explainPath}. */
export interface PathOptions {
  /** Give up beyond this many steps (default 12). */
  readonly maxSteps?: number;
  /** Edge kinds not to follow (e.g. `['partOf']` for links only). */
  readonly exclude?: readonly EdgeAttributes['kind'][];
}

/**
 * The shortest chain of links between two nodes.
 *
 * @param from - a citation, tool id, part path (`legislative-guides/part_1/chp_5`), theme slug, instrument id or IRI;
 * with research corpora loaded, also a national law's or case's id or IRI, or a section's key (`it-tui#12`) or IRI.
 * @param to - the same.
 * @throws {@link UntocKgError} `unknown_node` (or a citation error) for an input that names nothing; `no_path` when
 * the two are not connected within `maxSteps`.
 *
 * @example
 * ```ts
 * explainPath(kg, 'art. 27 para. 1(a)', 'legislative-guides').steps.map((s) => s.relation)
 * // ['addressedBy', 'partOf', 'partOf']  (art. 27(1)(a) ← Part One, chapter V ⊂ Part One ⊂ the Guides)
 * ```
 */
export function explainPath(kg: KnowledgeGraph, from: string, to: string, options: PathOptions = {}): PathResult {
  const operation = 'explainPath';
  const source = corpusNode(kg, from) ?? nodeInput(kg, operation, from);
  const target = corpusNode(kg, to) ?? nodeInput(kg, operation, to);
  const maxSteps = options.maxSteps ?? 12;
  const exclude = new Set(options.exclude ?? []);
  const graph = kg.graph;
  const corpus = kg.corpus.corpora.length > 0 ? kg.corpus : undefined;
  const label = (iri: string): string => (corpus ? corpusLabel(kg, iri) : undefined) ?? nodeLabel(kg, iri);
  const ref = (iri: string): NodeRef => ({ iri, label: label(iri) });

  // Breadth-first in both directions along edges (of the network view, and of the corpora's links and structure);
  // remember how each node was reached.
  const previous = new Map<string, { node: string; relation: PathRelation; evidence: () => Evidence[] }>();
  const seen = new Set<string>([source]);
  let frontier: string[] = [source];
  for (let depth = 0; depth < maxSteps && frontier.length > 0 && !seen.has(target); depth++) {
    const next: string[] = [];
    const reach = (node: string, other: string, relation: PathRelation, evidence: () => Evidence[]) => {
      if (seen.has(other)) return;
      seen.add(other);
      previous.set(other, { node, relation, evidence });
      next.push(other);
    };
    for (const node of frontier) {
      if (graph.hasNode(node)) {
        graph.forEachEdge(node, (_edge: string, attributes: Attributes, edgeSource: string, edgeTarget: string) => {
          const a = attributes as EdgeAttributes;
          if (exclude.has(a.kind)) return;
          const forward = edgeSource === node;
          reach(node, forward ? edgeTarget : edgeSource, (forward ? FORWARD : BACKWARD)[a.kind], () => edgeEvidence(kg, a));
        });
      }
      if (corpus) corpusEdges(kg, node, exclude.has('partOf'), reach);
    }
    frontier = next;
  }
  if (!seen.has(target)) {
    throw new UntocKgError('no_path', operation, `no chain of at most ${maxSteps} links connects ${label(source)} and ${label(target)}`, {
      value: [from, to],
    });
  }
  const steps: PathStep[] = [];
  for (let node: string = target; node !== source; ) {
    const { node: before, relation, evidence } = previous.get(node)!;
    steps.unshift({ from: ref(before), relation, to: ref(node), evidence: evidence() });
    node = before;
  }
  return { from: ref(source), to: ref(target), steps };
}

/**
 * The network projection: the dataset as a graphology `MultiDirectedGraph` whose nodes are keyed by IRI. Node and edge
 * attributes are discriminated unions on `kind`; each edge carries the evidence of the links behind it.
 *
 * Edges point from the part to the whole (`partOf`), from a tool or part to what it addresses (`addresses`), from
 * anything to its theme (`subject`), from a citing provision to the cited one (`cites`), and from a Protocol to the
 * Convention (`supplements`). Disputed claims are not edges.
 *
 * @module
 */
import { MultiDirectedGraph } from 'graphology';
import type { Basis, Dataset, LinkProperty } from '../model/dataset.js';
import type { ProvisionLevel, SourceId } from '../model/ids.js';
import type { ToolKind } from '../model/files.js';
import { provisionLabel } from '../citation/format.js';
import { defined } from '../util/defined.js';

/** The attributes of a node, by kind. */
export type NodeAttributes =
  | { readonly kind: 'instrument'; readonly label: string; readonly title: string }
  | { readonly kind: 'provision'; readonly label: string; readonly level: ProvisionLevel; readonly heading?: string }
  | { readonly kind: 'tool'; readonly label: string; readonly toolKind: ToolKind }
  | { readonly kind: 'part'; readonly label: string; readonly title?: string }
  | { readonly kind: 'theme'; readonly label: string }
  | { readonly kind: 'authority'; readonly label: string; readonly state: string }
  | { readonly kind: 'state'; readonly label: string; readonly alpha2: string; readonly alpha3: string };

/** One piece of evidence for an edge: the basis, source and locator of a link. */
export interface EdgeEvidence {
  readonly link: string;
  readonly basis: Basis;
  readonly source: SourceId;
  readonly locator?: string;
  readonly note?: string;
}

/** The attributes of an edge, by kind. */
export type EdgeAttributes =
  | { readonly kind: 'partOf' }
  | { readonly kind: Exclude<LinkProperty, never>; readonly evidence: readonly EdgeEvidence[] }
  /** From an authority to the provision it is designated under, its category's part, or its State; `snapshots` say which directory snapshots list it so. */
  | { readonly kind: 'designatedUnder' | 'category' | 'state'; readonly snapshots: readonly string[] };

/** The network projection's type. */
export type NetworkGraph = MultiDirectedGraph<NodeAttributes, EdgeAttributes>;

/**
 * Builds the graphology graph of a dataset.
 *
 * @example
 * ```ts
 * const graph = buildGraph(dataset)
 * graph.getNodeAttributes(provisionIri).kind // 'provision'
 * ```
 */
export function buildGraph(dataset: Dataset): NetworkGraph {
  const graph: NetworkGraph = new MultiDirectedGraph<NodeAttributes, EdgeAttributes>({ allowSelfLoops: false });
  const abbreviation = new Map(dataset.instruments.map((i) => [i.id as string, i.abbreviation]));
  for (const i of dataset.instruments) graph.addNode(i.iri, { kind: 'instrument', label: i.abbreviation, title: i.title });
  for (const p of dataset.provisions) {
    graph.addNode(p.id, {
      kind: 'provision',
      label: provisionLabel(p, abbreviation.get(p.instrument) ?? p.instrument),
      level: p.level,
      ...defined({ heading: p.heading }),
    });
  }
  for (const t of dataset.tools) {
    // The Model Law is a tool and an instrument with one IRI: one node.
    if (!graph.hasNode(t.iri)) graph.addNode(t.iri, { kind: 'tool', label: t.title, toolKind: t.kind });
  }
  for (const p of dataset.parts) graph.addNode(p.id, { kind: 'part', label: p.label, ...defined({ title: p.title }) });
  for (const t of dataset.themes) graph.addNode(t.iri, { kind: 'theme', label: t.label });

  for (const p of dataset.provisions) {
    graph.addDirectedEdgeWithKey(`${p.id}|partOf|${p.parent}`, p.id, p.parent, { kind: 'partOf' });
    if (p.chapter) graph.addDirectedEdgeWithKey(`${p.id}|partOf|${p.chapter}`, p.id, p.chapter, { kind: 'partOf' });
  }
  const toolIris = new Map(dataset.tools.map((t) => [t.id as string, t.iri as string]));
  for (const p of dataset.parts) {
    const parent = p.parent ?? toolIris.get(p.tool)!;
    graph.addDirectedEdgeWithKey(`${p.id}|partOf|${parent}`, p.id, parent, { kind: 'partOf' });
  }
  const evidence = new Map<string, EdgeEvidence[]>();
  for (const link of dataset.links) {
    if (link.status !== 'asserted') continue;
    const key = `${link.from}|${link.property}|${link.to}`;
    const item: EdgeEvidence = {
      link: link.id,
      basis: link.basis,
      source: link.source,
      ...defined({ locator: link.locator, note: link.note }),
    };
    const list = evidence.get(key);
    if (list) {
      list.push(item);
      continue;
    }
    const fresh = [item];
    evidence.set(key, fresh);
    if (link.from === link.to) continue;
    graph.addDirectedEdgeWithKey(key, link.from, link.to, { kind: link.property, evidence: fresh });
  }

  // The directory: authorities, their States, and what they are designated under.
  for (const s of dataset.states ?? []) graph.addNode(s.iri, { kind: 'state', label: s.name, alpha2: s.alpha2, alpha3: s.alpha3 });
  const stateIri = new Map((dataset.states ?? []).map((s) => [s.alpha2, s.iri as string]));
  const categoryPart = new Map((dataset.categories ?? []).map((c) => [c.id as string, c.part as string]));
  const snapshotsOf = new Map<string, string[]>();
  const edge = (from: string, kind: 'designatedUnder' | 'category' | 'state', to: string, snapshot: string) => {
    const key = `${from}|${kind}|${to}`;
    const snapshots = snapshotsOf.get(key);
    if (snapshots) {
      if (!snapshots.includes(snapshot)) snapshots.push(snapshot);
      return;
    }
    const fresh = [snapshot];
    snapshotsOf.set(key, fresh);
    graph.addDirectedEdgeWithKey(key, from, to, { kind, snapshots: fresh });
  };
  for (const a of dataset.authorities ?? []) {
    if (!graph.hasNode(a.id)) graph.addNode(a.id, { kind: 'authority', label: a.name, state: a.state });
    edge(a.id, 'state', stateIri.get(a.state)!, a.snapshot);
    for (const c of a.categories) edge(a.id, 'category', categoryPart.get(c)!, a.snapshot);
    for (const p of a.designatedUnder) edge(a.id, 'designatedUnder', p, a.snapshot);
  }
  return graph;
}

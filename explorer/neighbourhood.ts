/**
 * A provision's neighbourhood as a small graphology graph, for the See view: the provision, what encloses it and
 * what it holds, its cross-references and themes (from the network view of the graph), the tools and parts that
 * address it (as `toolsAddressing` answers, exact, broader and narrower), and, with a corpus loaded, the national
 * sections and cases that implement or apply it.
 *
 * @module
 */
import Graph from 'graphology';
import { toolsAddressing, type KnowledgeGraphCore, type NetworkGraph } from '../src/index.js';
import { shortTitle } from '../src/cli/format.js';
import { documentsAddressing } from '../src/query/documents.js';

/** The kinds of node the view draws, each with its colour. */
export type NeighbourKind = 'focus' | 'instrument' | 'provision' | 'tool' | 'part' | 'theme' | 'authority' | 'state' | 'legislation' | 'case';

/** Colours by kind, readable on light and dark backgrounds. */
export const KIND_COLOURS: Readonly<Record<NeighbourKind, string>> = {
  focus: '#d62728',
  instrument: '#7f7f7f',
  provision: '#1f77b4',
  tool: '#2ca02c',
  part: '#98df8a',
  theme: '#9467bd',
  authority: '#8c564b',
  state: '#bcbd22',
  legislation: '#ff7f0e',
  case: '#e377c2',
};

/** A node of the neighbourhood. */
export interface NeighbourAttributes {
  label: string;
  kind: NeighbourKind;
  color: string;
  size: number;
  x: number;
  y: number;
}

/** Builds the neighbourhood of provision `id` (an IRI) from the network view and the answers of the queries. */
export function neighbourhood(kg: KnowledgeGraphCore, network: NetworkGraph, id: string): Graph<NeighbourAttributes> {
  const graph = new Graph<NeighbourAttributes>({ multi: false, type: 'undirected' });
  const add = (iri: string, label: string, kind: NeighbourKind) => {
    if (!graph.hasNode(iri)) graph.addNode(iri, { label, kind, color: KIND_COLOURS[kind], size: kind === 'focus' ? 12 : kind === 'tool' ? 9 : 6, x: 0, y: 0 });
  };
  const edge = (a: string, b: string) => {
    if (a !== b && graph.hasNode(a) && graph.hasNode(b) && !graph.hasEdge(a, b)) graph.addEdge(a, b);
  };
  add(id, network.hasNode(id) ? network.getNodeAttributes(id).label : id, 'focus');
  if (network.hasNode(id)) {
    network.forEachNeighbor(id, (other, attributes) => {
      add(other, attributes.kind === 'tool' ? shortTitle(attributes.label) : attributes.label, attributes.kind);
      edge(id, other);
    });
  }
  const answer = toolsAddressing(kg, id);
  for (const m of answer.results) {
    add(m.tool.iri, shortTitle(m.tool.title), 'tool');
    add(m.via.iri, m.via.citation, 'provision');
    edge(id, m.via.iri);
    if (m.part) {
      add(m.part.iri, m.part.label, 'part');
      edge(m.via.iri, m.part.iri);
      edge(m.part.iri, m.tool.iri);
    } else edge(m.via.iri, m.tool.iri);
  }
  if (kg.corpus) {
    for (const d of documentsAddressing(kg, id).results) {
      const iri = d.section?.iri ?? d.document.iri;
      add(iri, d.section?.label ?? d.document.title, d.document.kind);
      add(d.via.iri, d.via.citation, 'provision');
      edge(id, d.via.iri);
      edge(d.via.iri, iri);
    }
  }
  // A circle to start from (the same every time), then ForceAtlas2 lays it out.
  const n = graph.order;
  let i = 0;
  graph.forEachNode((node) => {
    const angle = (2 * Math.PI * i++) / n;
    graph.mergeNodeAttributes(node, { x: 100 * Math.cos(angle), y: 100 * Math.sin(angle) });
  });
  return graph;
}

/**
 * Network exports of the graphology projection, for network tools: graphology's own JSON (`graph.export()`), GEXF
 * 1.3 (Gephi) and GraphML. Each writer streams its output in chunks. Nodes carry their kind and label (and level,
 * heading, title, tool kind where they have one); edges their kind and the evidence of the links behind them,
 * flattened to text: how many links, their bases, sources, locators and IRIs. Pure: no I/O.
 *
 * graphology-gexf has a writer but builds the whole document as one string, and graphology-graphml has none: both
 * are written here, and the tests read the output back with graphology's own parsers.
 *
 * @module
 */
import type { EdgeAttributes, NetworkGraph, NodeAttributes } from '../graph/build.js';

/** A node's or edge's attributes as the flat scalars GEXF and GraphML hold. */
export type FlatAttributes = Record<string, string | number>;

/** Options of the network writers. */
export interface NetworkWriteOptions {
  /** About how many characters each chunk holds (default 65,536). */
  readonly chunkSize?: number;
}

/**
 * A node's attributes, flat: `kind`, `label`, and whichever of `level`, `heading`, `title`, `toolKind` it has.
 *
 * @example
 * ```ts
 * flatNodeAttributes(kg.graph.getNodeAttributes(iri)) // { kind: 'provision', label: 'UNTOC art. 27', level: 'article', heading: '…' }
 * ```
 */
export function flatNodeAttributes(attributes: NodeAttributes): FlatAttributes {
  const out: FlatAttributes = {};
  for (const [key, value] of Object.entries(attributes)) if (typeof value === 'string' || typeof value === 'number') out[key] = value;
  return out;
}

/**
 * An edge's attributes, flat: `kind`, and for links `evidence` (how many), `basis`, `sources` (distinct, space
 * separated), `locators` (` | ` separated) and `links` (the `ukg:Link` IRIs).
 *
 * @example
 * ```ts
 * flatEdgeAttributes({ kind: 'addresses', evidence: [{ link, basis: 'source', source: 'seed', locator: 'annex' }] })
 * // { kind: 'addresses', evidence: 1, basis: 'source', sources: 'seed', locators: 'annex', links: '…' }
 * ```
 */
export function flatEdgeAttributes(attributes: EdgeAttributes): FlatAttributes {
  if (!('evidence' in attributes)) return { kind: attributes.kind };
  const distinct = (values: readonly (string | undefined)[]) => [...new Set(values.filter((v): v is string => v !== undefined))];
  const evidence = attributes.evidence;
  return {
    kind: attributes.kind,
    evidence: evidence.length,
    basis: distinct(evidence.map((e) => e.basis)).join(' '),
    sources: distinct(evidence.map((e) => e.source)).join(' '),
    locators: distinct(evidence.map((e) => e.locator)).join(' | '),
    links: evidence.map((e) => e.link).join(' '),
  };
}

/** An attribute's name and type, in the order first seen. */
interface Column {
  readonly name: string;
  readonly type: 'string' | 'integer';
}

function columns(rows: Iterable<FlatAttributes>): Column[] {
  const seen = new Map<string, Column['type']>();
  for (const row of rows) {
    for (const [name, value] of Object.entries(row)) {
      const type = typeof value === 'number' && Number.isInteger(value) ? 'integer' : 'string';
      const known = seen.get(name);
      if (known === undefined || (known === 'integer' && type === 'string')) seen.set(name, type);
    }
  }
  return [...seen].map(([name, type]) => ({ name, type }));
}

// XML 1.0 allows tab, LF and CR among the C0 controls; the others cannot be written at all, so they become U+FFFD.
const XML_INVALID = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;
const XML_ESCAPE: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\t': '&#9;', '\n': '&#10;', '\r': '&#13;' };

/**
 * A string as an XML attribute value or text (without the quotes); characters XML cannot hold become U+FFFD.
 *
 * @example
 * ```ts
 * escapeXml('a < b & c') // 'a &lt; b &amp; c'
 * ```
 */
export function escapeXml(value: string): string {
  return value.replace(XML_INVALID, '\ufffd').replace(/[&<>"\t\n\r]/g, (c) => XML_ESCAPE[c]!);
}

/** Collects chunks of text and hands them out when they are large enough. */
class Chunks {
  #text = '';
  readonly #size: number;
  constructor(size = 1 << 16) {
    this.#size = size;
  }
  /** Adds text; returns a chunk when enough has gathered. */
  add(text: string): string | undefined {
    this.#text += text;
    if (this.#text.length < this.#size) return undefined;
    const chunk = this.#text;
    this.#text = '';
    return chunk;
  }
  rest(): string {
    return this.#text;
  }
}

/**
 * Writes the graph as graphology's serialization (what `graph.export()` returns, as JSON), in chunks.
 *
 * @example
 * ```ts
 * const copy = MultiDirectedGraph.from(JSON.parse([...writeGraphologyJson(kg.graph)].join('')))
 * ```
 */
export function* writeGraphologyJson(graph: NetworkGraph, options: NetworkWriteOptions = {}): Generator<string, void, undefined> {
  const chunks = new Chunks(options.chunkSize);
  let chunk = chunks.add(
    `{"options":${JSON.stringify({ type: graph.type, multi: graph.multi, allowSelfLoops: graph.allowSelfLoops })},"attributes":${JSON.stringify(graph.getAttributes())},"nodes":[`,
  );
  let first = true;
  for (const { node, attributes } of graph.nodeEntries()) {
    if ((chunk = chunks.add(`${first ? '' : ','}\n${JSON.stringify({ key: node, attributes })}`))) yield chunk;
    first = false;
  }
  chunk = chunks.add('\n],"edges":[');
  if (chunk) yield chunk;
  first = true;
  for (const { edge, source, target, attributes, undirected } of graph.edgeEntries()) {
    const entry = { key: edge, source, target, attributes, ...(undirected && { undirected: true }) };
    if ((chunk = chunks.add(`${first ? '' : ','}\n${JSON.stringify(entry)}`))) yield chunk;
    first = false;
  }
  yield `${chunks.rest()}\n]}\n`;
}

/** The attribute columns of the graph's nodes and edges (one pass each; the rows are not kept). */
function attributeColumns(graph: NetworkGraph): { nodes: Column[]; edges: Column[] } {
  const nodeRows = function* () {
    for (const { attributes } of graph.nodeEntries()) yield flatNodeAttributes(attributes);
  };
  const edgeRows = function* () {
    for (const { attributes } of graph.edgeEntries()) yield flatEdgeAttributes(attributes);
  };
  return { nodes: columns(nodeRows()), edges: columns(edgeRows()) };
}

/**
 * Writes the graph as GEXF 1.3 (for Gephi), in chunks: node labels as GEXF labels, the other attributes as declared
 * attributes, edges directed and labelled by their kind.
 *
 * @example
 * ```ts
 * for (const chunk of writeGexf(kg.graph)) stream.write(chunk)
 * ```
 */
export function* writeGexf(graph: NetworkGraph, options: NetworkWriteOptions = {}): Generator<string, void, undefined> {
  const { nodes, edges } = attributeColumns(graph);
  const chunks = new Chunks(options.chunkSize);
  const declare = (kind: 'node' | 'edge', list: readonly Column[]) =>
    `    <attributes class="${kind}">\n${list.map((c, i) => `      <attribute id="${i}" title="${escapeXml(c.name)}" type="${c.type}"/>\n`).join('')}    </attributes>\n`;
  const values = (list: readonly Column[], row: FlatAttributes) => {
    const items = list.flatMap((c, i) => (row[c.name] === undefined ? [] : [`<attvalue for="${i}" value="${escapeXml(String(row[c.name]))}"/>`]));
    return items.length > 0 ? `<attvalues>${items.join('')}</attvalues>` : '';
  };
  let chunk = chunks.add(
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
      '<gexf xmlns="http://gexf.net/1.3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">\n' +
      '  <meta>\n    <creator>untoc-kg</creator>\n    <description>UNTOC, its Protocols, the Model Law and the UNODC tools, with the links between them</description>\n  </meta>\n' +
      '  <graph defaultedgetype="directed" mode="static">\n' +
      declare('node', nodes) +
      declare('edge', edges) +
      '    <nodes>\n',
  );
  if (chunk) yield chunk;
  for (const { node, attributes } of graph.nodeEntries()) {
    const row = flatNodeAttributes(attributes);
    if ((chunk = chunks.add(`      <node id="${escapeXml(node)}" label="${escapeXml(attributes.label)}">${values(nodes, row)}</node>\n`))) yield chunk;
  }
  chunk = chunks.add('    </nodes>\n    <edges>\n');
  if (chunk) yield chunk;
  for (const { edge, source, target, attributes } of graph.edgeEntries()) {
    const row = flatEdgeAttributes(attributes);
    const line = `      <edge id="${escapeXml(edge)}" source="${escapeXml(source)}" target="${escapeXml(target)}" label="${escapeXml(attributes.kind)}">${values(edges, row)}</edge>\n`;
    if ((chunk = chunks.add(line))) yield chunk;
  }
  yield `${chunks.rest()}    </edges>\n  </graph>\n</gexf>\n`;
}

/**
 * Writes the graph as GraphML, in chunks: every node and edge attribute declared as a `<key>` with its type.
 *
 * @example
 * ```ts
 * for (const chunk of writeGraphml(kg.graph)) stream.write(chunk)
 * ```
 */
export function* writeGraphml(graph: NetworkGraph, options: NetworkWriteOptions = {}): Generator<string, void, undefined> {
  const { nodes, edges } = attributeColumns(graph);
  const chunks = new Chunks(options.chunkSize);
  const type = (c: Column) => (c.type === 'integer' ? 'int' : 'string');
  const keys = [
    ...nodes.map((c, i) => `  <key id="n${i}" for="node" attr.name="${escapeXml(c.name)}" attr.type="${type(c)}"/>\n`),
    ...edges.map((c, i) => `  <key id="e${i}" for="edge" attr.name="${escapeXml(c.name)}" attr.type="${type(c)}"/>\n`),
  ].join('');
  const data = (prefix: string, list: readonly Column[], row: FlatAttributes) =>
    list.map((c, i) => (row[c.name] === undefined ? '' : `<data key="${prefix}${i}">${escapeXml(String(row[c.name]))}</data>`)).join('');
  let chunk = chunks.add(
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
      '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n' +
      keys +
      '  <graph id="untoc-kg" edgedefault="directed">\n',
  );
  if (chunk) yield chunk;
  for (const { node, attributes } of graph.nodeEntries()) {
    if ((chunk = chunks.add(`    <node id="${escapeXml(node)}">${data('n', nodes, flatNodeAttributes(attributes))}</node>\n`))) yield chunk;
  }
  for (const { edge, source, target, attributes } of graph.edgeEntries()) {
    const line = `    <edge id="${escapeXml(edge)}" source="${escapeXml(source)}" target="${escapeXml(target)}">${data('e', edges, flatEdgeAttributes(attributes))}</edge>\n`;
    if ((chunk = chunks.add(line))) yield chunk;
  }
  yield `${chunks.rest()}  </graph>\n</graphml>\n`;
}

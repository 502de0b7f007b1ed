/**
 * The network and spreadsheet exports, read back by independent readers: graphology JSON is `graph.export()`;
 * GEXF and GraphML are well-formed XML (xmllint) that graphology-gexf and graphology-graphml read back into the same
 * nodes, edges and attributes; the CSV tables are RFC 4180 that csv-parse reads into one row per provision and link,
 * with awkward text (quotes, commas, tabs, line breaks) intact.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MultiDirectedGraph } from 'graphology';
import type { SerializedGraph } from 'graphology-types';
import { parse as parseGexf } from 'graphology-gexf';
import { parse as parseGraphml } from 'graphology-graphml';
import { parse as parseCsv } from 'csv-parse/sync';
import { afterAll, describe, expect, test } from 'vitest';
import { LINK_COLUMNS, PROVISION_COLUMNS, writeLinksCsv, writeProvisionsCsv } from '../../src/export/csv.js';
import { flatEdgeAttributes, flatNodeAttributes, writeGexf, writeGraphml, writeGraphologyJson } from '../../src/export/network.js';
import { loadGraph } from '../../src/kg.js';
import { generatedGraph } from '../helpers/generated.js';
import { xmllintAvailable, xmlProblems } from '../helpers/rdf.js';

const dir = mkdtempSync(join(tmpdir(), 'untoc-kg-network-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const text = (chunks: Iterable<string>) => [...chunks].join('');
// The generated graph's headings and theme labels hold tabs, line breaks, quotes, commas and accents.
const graphs = [
  ['curated', loadGraph()],
  ['generated', generatedGraph(20_000, 5)],
] as const;

describe.each(graphs)('the %s network', (name, kg) => {
  const graph = kg.graph;

  test('graphology JSON is exactly graph.export()', () => {
    expect(JSON.parse(text(writeGraphologyJson(graph)))).toEqual(JSON.parse(JSON.stringify(graph.export())));
    const copy = MultiDirectedGraph.from(JSON.parse(text(writeGraphologyJson(graph))) as SerializedGraph);
    expect([copy.order, copy.size]).toEqual([graph.order, graph.size]);
  });

  test.each([
    ['gexf', writeGexf, parseGexf],
    ['graphml', writeGraphml, parseGraphml],
  ] as const)('%s is well-formed XML that graphology reads back, nodes, edges and attributes', (format, write, parse) => {
    const xml = text(write(graph));
    const file = join(dir, `${name}.${format}`);
    writeFileSync(file, xml);
    if (xmllintAvailable || process.env['CI']) expect(xmlProblems(file)).toBe('');
    const back = parse(MultiDirectedGraph, xml);
    expect([back.order, back.size]).toEqual([graph.order, graph.size]);
    graph.forEachNode((node, attributes) => {
      expect(back.getNodeAttributes(node)).toMatchObject(flatNodeAttributes(attributes));
    });
    graph.forEachEdge((edge, attributes, source, target) => {
      expect([back.source(edge), back.target(edge)]).toEqual([source, target]);
      expect(back.getEdgeAttributes(edge)).toMatchObject(flatEdgeAttributes(attributes));
    });
  });

  test('the CSV tables: one row per provision and per link, every field intact', () => {
    const options = { columns: true, skip_empty_lines: false, record_delimiter: '\r\n' } as const;
    const provisionsCsv = text(writeProvisionsCsv(kg.dataset));
    expect(provisionsCsv.startsWith(`${PROVISION_COLUMNS.join(',')}\r\n`)).toBe(true);
    const provisions = parseCsv(provisionsCsv, options) as Record<string, string>[];
    expect(provisions).toHaveLength(kg.dataset.provisions.length);
    kg.dataset.provisions.forEach((p, i) => expect(provisions[i]).toMatchObject({ id: p.id, eid: p.eid, level: p.level, heading: p.heading ?? '', parent: p.parent, partial: String(p.partial) }));
    const links = parseCsv(text(writeLinksCsv(kg.dataset)), options) as Record<string, string>[];
    expect(Object.keys(links[0]!)).toEqual([...LINK_COLUMNS]);
    expect(links).toHaveLength(kg.dataset.links.length);
    kg.dataset.links.forEach((l, i) => expect(links[i]).toMatchObject({ id: l.id, from: l.from, to: l.to, basis: l.basis, source: l.source, locator: l.locator ?? '', status: l.status }));
    if (name === 'generated') {
      expect(provisions.some((p) => p['heading']!.includes('\t') && p['heading']!.includes('\n') && p['heading']!.includes('"'))).toBe(true);
      expect(links.some((l) => l['to_label']!.includes(',') && l['to_label']!.includes('"'))).toBe(true);
    }
  });
});

test('edges carry the evidence of their links, flattened', () => {
  const kg = loadGraph();
  const link = kg.dataset.links.find((l) => l.property === 'addresses' && l.status === 'asserted' && l.locator)!;
  const edge = `${link.from}|addresses|${link.to}`;
  expect(flatEdgeAttributes(kg.graph.getEdgeAttributes(edge))).toMatchObject({ kind: 'addresses', basis: expect.stringContaining(link.basis), sources: expect.stringContaining(link.source), links: expect.stringContaining(link.id), locators: expect.stringContaining(link.locator!) });
});

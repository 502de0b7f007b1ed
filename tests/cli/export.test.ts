/**
 * `untoc-kg export`: every format from the command line, read back; one graph or a kind of graphs; a file that
 * appears whole; `--from` an edited RDF file; and the usage errors, each with its code and exit status.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { EXPORT_FORMATS, writeExport } from '../../src/export/formats.js';
import { loadGraph } from '../../src/kg.js';
import { graphIri } from '../../src/model/ids.js';
import { exportQuads } from '../../src/rdf/graphs.js';
import { parseRdf } from '../../src/import/read.js';
import { runCli } from '../helpers/io.js';
import { lines, tripleLines } from '../helpers/rdf.js';

const dir = mkdtempSync(join(tmpdir(), 'untoc-kg-cli-export-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const kg = loadGraph();

describe('untoc-kg export', () => {
  test('--help lists every format', async () => {
    const help = await runCli('export', '--help');
    for (const format of Object.keys(EXPORT_FORMATS)) expect(help.out).toContain(`  ${format} `);
  });

  test.each(['nquads', 'trig', 'jsonld', 'jsonld-compact'] as const)('--format %s writes every named graph to stdout', async (format) => {
    const result = await runCli('export', '--format', format);
    expect(result.code).toBe(0);
    expect(lines(await parseRdf(result.out, format === 'jsonld-compact' ? 'jsonld' : format))).toEqual(lines(exportQuads(kg.dataset)));
  });

  test('--graph keeps one graph, or every graph of a kind', async () => {
    const one = await runCli('export', '--format', 'nquads', '--graph', 'instrument/untoc');
    expect(new Set((await parseRdf(one.out, 'nquads')).map((q) => q.graph.value))).toEqual(new Set([graphIri('instrument', 'untoc')]));
    const tools = await runCli('export', '-f', 'nquads', '-g', 'tool', '-g', 'meta');
    const graphs = new Set((await parseRdf(tools.out, 'nquads')).map((q) => q.graph.value));
    expect(graphs.size).toBe(kg.dataset.tools.length + 1);
  });

  // Devices, FIFOs, symbolic links and every typed write error: tests/cli/write.test.ts.
  test('--out writes the file whole, and leaves nothing behind', async () => {
    const file = join(dir, 'graph.nt');
    const result = await runCli('export', '--format', 'ntriples', '--out', file);
    expect(result.code).toBe(0);
    expect(result.err).toMatch(/wrote ntriples .* to /);
    expect(tripleLines(await parseRdf(readFileSync(file, 'utf8'), 'ntriples'))).toEqual(tripleLines(exportQuads(kg.dataset)));
    expect(readdirSync(dir).filter((f) => f.includes('partial'))).toEqual([]);
    const failed = await runCli('export', '--format', 'ntriples', '--out', join(dir, 'no-such-folder', 'x.nt'));
    expect(failed.code).toBe(1);
    expect(failed.err).toMatch(/no-such-folder does not exist.*\[output_no_folder\]/);
    expect(existsSync(join(dir, 'no-such-folder'))).toBe(false);
  });

  test('jsonld-framed writes one document per line; --frame tool one per tool', async () => {
    const provisions = (await runCli('export', '--format', 'jsonld-framed')).out.trim().split('\n');
    expect(provisions).toHaveLength(kg.dataset.provisions.length);
    const tools = (await runCli('export', '--format', 'jsonld-framed', '--frame', 'tool', '--context', 'inline')).out.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(tools.map((t) => t['id']).sort()).toEqual(kg.dataset.tools.map((t) => t.iri).sort());
    expect(typeof tools[0]!['@context']).toBe('object');
  });

  test.each(['void', 'graphology-json', 'gexf', 'graphml', 'csv-provisions', 'csv-links'] as const)('--format %s prints what writeExport writes', async (format) => {
    const result = await runCli('export', '--format', format);
    expect(result.code).toBe(0);
    expect(result.out.length).toBeGreaterThan(1000);
    // The writers are tested against independent readers in tests/rdf and tests/export; the command prints them whole.
    expect(result.out.trimEnd()).toBe([...writeExport(kg, format)].join('').trimEnd());
  });

  test('--from reads an edited RDF file: what the import accepts is exported again', async () => {
    const file = join(dir, 'edited.trig');
    writeFileSync(file, (await runCli('export', '--format', 'trig')).out);
    const again = await runCli('export', '--format', 'nquads', '--from', file);
    expect(again.code).toBe(0);
    expect(lines(await parseRdf(again.out, 'nquads'))).toEqual(lines(exportQuads(kg.dataset)));
    const broken = join(dir, 'broken.ttl');
    writeFileSync(broken, (await runCli('export', '--format', 'turtle')).out.replace(/(\n<[^>]*art_27> a [^;]*;)/, '$1\n    <https://example.org/mine> "added in another tool" ;'));
    const refused = await runCli('export', '--format', 'nquads', '--from', broken);
    expect(refused.code).toBe(2);
    expect(refused.out).toBe('');
    expect(refused.err).toMatch(/does not conform \(1 problem\); nothing was loaded:\n {2}<.*art_27> <https:\/\/example\.org\/mine>: .*\[unrecognized\]/);
  });

  test.each([
    [['--format', 'rdfxml'], /unknown format "rdfxml".*\[unsupported_format\]/],
    [['--format', 'turtle', '--graph', 'instrument/untok'], /no graph named "instrument\/untok".*did you mean instrument\/untoc.*\[unknown_graph\]/],
    [['--format', 'gexf', '--graph', 'tool'], /no named graphs.*\[invalid_input\]/],
    [['--format', 'jsonld-framed', '--frame', 'article'], /--frame is provision or tool/],
    [['--format', 'turtle', '--from', 'x.xml'], /cannot tell the format.*\[unsupported_format\]/],
    [['--format', 'turtle', '--from', join(dir, 'missing.ttl')], /cannot read .*missing\.ttl.*\[data_unreadable\]/],
  ])('usage errors exit 2: %j', async (args, message) => {
    const result = await runCli('export', ...args);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(message);
    expect(result.out).toBe('');
  });
});

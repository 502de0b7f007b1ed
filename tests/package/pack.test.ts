/**
 * The packed tarball is the tested artefact: publint and attw pass on it, it ships the licence, and a scratch
 * project that installs it loads the graph from ESM and from CJS, uses the `untoc-kg/rdf` and `untoc-kg/sparql`
 * entries (reading JSON-LD first without its optional peer jsonld, then with it; SPARQL first without its optional
 * peer oxigraph, then with it), type-checks against it under `nodenext` and `bundler` with `strict` and without
 * `skipLibCheck` (so `kg.store` is typed, not `any`), and runs the CLI.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ROOT } from '../helpers/paths.js';

const versionOf = (dir: string) => (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string }).version;
const scratch = mkdtempSync(join(tmpdir(), 'untoc-kg-pack-'));
/** For the tests that spawn attw, tsc or npm: they are slow on a busy machine (nothing here is timed). */
const SLOW = 300_000;
let tarball = '';

function run(command: string, args: string[], cwd: string) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, npm_config_update_notifier: 'false' } });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

beforeAll(() => {
  const packed = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', scratch], { cwd: ROOT, encoding: 'utf8' })) as { filename: string }[];
  tarball = join(scratch, packed[0]!.filename);
  writeFileSync(join(scratch, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', private: true }));
  const install = run('npm', ['install', '--no-audit', '--no-fund', tarball, `typescript@${versionOf(join(ROOT, 'node_modules', 'typescript'))}`], scratch);
  if (install.code !== 0) throw new Error(`npm install of the tarball failed:\n${install.err}`);
}, 300_000);

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('the packed tarball', () => {
  test('publint finds nothing', () => {
    const result = run(join(ROOT, 'node_modules', '.bin', 'publint'), ['--strict', '--pack', 'npm'], ROOT);
    expect(result.out + result.err).toMatch(/All good/);
    expect(result.code).toBe(0);
  });

  test('attw --pack finds no problem', () => {
    const result = run(join(ROOT, 'node_modules', '.bin', 'attw'), ['--pack', '.'], ROOT);
    expect(result.out).toMatch(/No problems found/);
    expect(result.code).toBe(0);
  }, SLOW);

  test('ships dist, the ontology, the data and the licence, and nothing of tests', () => {
    const listing = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' });
    expect(listing).toContain('package/LICENSE');
    expect(readFileSync(join(ROOT, 'LICENSE'), 'utf8')).toMatch(/^MIT License\n\nCopyright \(c\) untoc-kg contributors\n/);
    expect(listing).toContain('package/dist/index.js');
    expect(listing).toContain('package/ontology/untoc-kg.ttl');
    expect(listing).toContain('package/data/instruments/untoc.yaml');
    expect(listing).not.toContain('package/tests/');
    expect(listing).not.toContain('package/src/');
  });

  test('loads the graph from ESM', () => {
    const code = "import { loadGraph, resolveCitation } from 'untoc-kg'; const kg = loadGraph(); console.log(JSON.stringify({ triples: kg.store.size, nodes: kg.graph.order, tools: kg.dataset.tools.length, art: resolveCitation(kg, 'art. 27 para. 1(e)').targets[0].id }))";
    const result = run('node', ['--input-type=module', '-e', code], scratch);
    expect(result.err).toBe('');
    const out = JSON.parse(result.out) as { triples: number; nodes: number; tools: number; art: string };
    expect(out.tools).toBe(8);
    expect(out.triples).toBeGreaterThan(5000);
    expect(out.nodes).toBeGreaterThan(600);
    expect(out.art).toBe('https://w3id.org/untoc-kg/eli/un/convention/2000/untoc/art_27/para_1/point_e');
  });

  test('loads the graph from CommonJS', () => {
    const code = "const { loadGraph } = require('untoc-kg'); const kg = loadGraph(); console.log(kg.store.size, kg.dataset.instruments.length)";
    const result = run('node', ['-e', code], scratch);
    expect(result.err).toBe('');
    const [triples, instruments] = result.out.trim().split(' ').map(Number);
    expect(instruments).toBe(6);
    expect(triples).toBeGreaterThan(5000);
  });

  test('untoc-kg/node loads the shipped data folder from ESM and CJS', () => {
    const esm = run('node', ['--input-type=module', '-e', "import { loadDataset } from 'untoc-kg/node'; const d = await loadDataset('node_modules/untoc-kg/data'); console.log(d.provisions.length)"], scratch);
    expect(esm.err).toBe('');
    const cjs = run('node', ['-e', "require('untoc-kg/node').loadDataset('node_modules/untoc-kg/data').then((d) => console.log(d.provisions.length))"], scratch);
    expect(cjs.err).toBe('');
    expect(Number(esm.out)).toBeGreaterThan(600);
    expect(cjs.out).toBe(esm.out);
  });

  test('without the optional jsonld: writing JSON-LD works, reading it is a typed error that says how to install it', () => {
    const code =
      "import { loadGraph } from 'untoc-kg'; import { writeExport, importRdf } from 'untoc-kg/rdf'; const text = [...writeExport(loadGraph(), 'jsonld')].join(''); console.log(text.length > 100000); try { await importRdf(text, { format: 'jsonld' }) } catch (e) { console.log(e.code, e.message) }";
    const result = run('node', ['--input-type=module', '-e', code], scratch);
    expect(result.err).toBe('');
    expect(result.out).toMatch(/^true\njsonld_unavailable .*npm install jsonld/);
    writeFileSync(join(scratch, 'graph.jsonld'), '{}');
    const cli = run(join(scratch, 'node_modules', '.bin', 'untoc-kg'), ['export', '--format', 'turtle', '--from', 'graph.jsonld'], scratch);
    expect(cli.code).toBe(1);
    expect(cli.err).toMatch(/npm install jsonld.*\[jsonld_unavailable\]/);
  });

  test('untoc-kg/rdf exports and imports from ESM and CJS, with jsonld installed', () => {
    const install = run('npm', ['install', '--no-audit', '--no-fund', `jsonld@${versionOf(join(ROOT, 'node_modules', 'jsonld'))}`], scratch);
    expect(install.code).toBe(0);
    const esm = run(
      'node',
      [
        '--input-type=module',
        '-e',
        "import { loadGraph } from 'untoc-kg'; import { writeExport, importRdf } from 'untoc-kg/rdf'; const kg = loadGraph(); const text = [...writeExport(kg, 'jsonld-compact')].join(''); const back = await importRdf(text, { format: 'jsonld' }); console.log(back.dataset.provisions.length === kg.dataset.provisions.length, text.length > 100000)",
      ],
      scratch,
    );
    expect(esm.err).toBe('');
    expect(esm.out.trim()).toBe('true true');
    const cjs = run('node', ['-e', "const { loadGraph } = require('untoc-kg'); const { writeExport } = require('untoc-kg/rdf'); console.log([...writeExport(loadGraph(), 'gexf')].join('').startsWith('<?xml'))"], scratch);
    expect(cjs.err).toBe('');
    expect(cjs.out.trim()).toBe('true');
  }, SLOW);

  test('untoc-kg/sparql without the optional oxigraph: a typed error that says how to install it', () => {
    const result = run('node', ['--input-type=module', '-e', "import { loadGraph } from 'untoc-kg'; import { sparql } from 'untoc-kg/sparql'; try { await sparql(loadGraph(), 'ASK {}') } catch (e) { console.log(e.code, e.message) }"], scratch);
    expect(result.out).toMatch(/^sparql_unavailable .*npm install oxigraph/);
    const cli = run(join(scratch, 'node_modules', '.bin', 'untoc-kg'), ['sparql', 'ASK {}'], scratch);
    expect(cli.code).toBe(1);
    expect(cli.err).toMatch(/npm install oxigraph.*\[sparql_unavailable\]/);
  });

  test('untoc-kg/sparql with oxigraph installed, from ESM and CJS', () => {
    const install = run('npm', ['install', '--no-audit', '--no-fund', `oxigraph@${versionOf(join(ROOT, 'node_modules', 'oxigraph'))}`], scratch);
    expect(install.code).toBe(0);
    const query = "SELECT (COUNT(DISTINCT ?t) AS ?n) WHERE { ?t a ukg:Tool }";
    const esm = run('node', ['--input-type=module', '-e', `import { loadGraph } from 'untoc-kg'; import { sparql } from 'untoc-kg/sparql'; const r = await sparql(loadGraph(), ${JSON.stringify(query)}); console.log(r.rows[0].n.value)`], scratch);
    expect(esm.err).toBe('');
    expect(esm.out.trim()).toBe('8');
    const cjs = run('node', ['-e', `const { loadGraph } = require('untoc-kg'); require('untoc-kg/sparql').sparql(loadGraph(), ${JSON.stringify(query)}).then((r) => console.log(r.rows[0].n.value))`], scratch);
    expect(cjs.err).toBe('');
    expect(cjs.out.trim()).toBe('8');
  }, SLOW);

  test.each(['nodenext', 'bundler'])('a TypeScript consumer type-checks under moduleResolution %s, strict, without skipLibCheck', (resolution) => {
    writeFileSync(
      join(scratch, `consumer-${resolution}.ts`),
      [
        "import { loadGraph, resolveCitation, type ProvisionId, type KnowledgeGraph } from 'untoc-kg';",
        "import { loadDataset } from 'untoc-kg/node';",
        "import { writeExport, importRdf, type ExportFormat, type RdfIssue } from 'untoc-kg/rdf';",
        "import { sparql, sparqlQuery, type SparqlResult } from 'untoc-kg/sparql';",
        "const format: ExportFormat = 'trig';",
        "export const chunks: Iterable<string> = writeExport(loadGraph(), format);",
        "export const later2: Promise<SparqlResult> = sparql(loadGraph(), sparqlQuery`ASK { ${{ iri: 'https://w3id.org/untoc-kg/tool/legislative-guides' }} a ukg:Tool }`);",
        "export const reread = importRdf('', { format: 'turtle' });",
        "export type Issue = RdfIssue['code'];",
        'const kg: KnowledgeGraph = loadGraph();',
        "const id: ProvisionId | undefined = resolveCitation(kg, 'art. 27(1)(e)').targets[0]?.id;",
        "export const size: number = kg.store.size + kg.graph.order + (id?.length ?? 0);",
        "export const quads: number = kg.store.getQuads(null, null, null, null).filter((q) => q.object.termType === 'Literal').length;",
        '// @ts-expect-error kg.store is typed (an N3 Store), not any: it has no such method',
        'kg.store.noSuchMethod();',
        "export const later = loadDataset('x');",
        '// @ts-expect-error a ToolId is not a ProvisionId',
        "export const wrong: ProvisionId = 'legislative-guides';",
      ].join('\n'),
    );
    const module = resolution === 'nodenext' ? 'nodenext' : 'esnext';
    const result = run(join(scratch, 'node_modules', '.bin', 'tsc'), ['--noEmit', '--strict', '--skipLibCheck', 'false', '--module', module, '--moduleResolution', resolution, '--target', 'es2022', `consumer-${resolution}.ts`], scratch);
    expect(result.out + result.err).toBe('');
    expect(result.code).toBe(0);
  }, SLOW);

  test('the installed CLI runs and validates the shipped data', () => {
    const bin = join(scratch, 'node_modules', '.bin', 'untoc-kg');
    const version = run(bin, ['--version'], scratch);
    expect(version.out.trim()).toBe(versionOf(ROOT));
    const validate = run(bin, ['validate'], scratch);
    expect(validate.code).toBe(0);
    const bad = run(bin, ['export', '--format', 'nope'], scratch);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/^untoc-kg: .*\[unsupported_format\]\n$/);
  });
});

/**
 * SPARQL over the graph: the three kinds of result, typed; values put into queries by the one escaping function
 * stay values whatever they hold (property-tested against the engine); the errors are typed; and the CLI command.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { DataFactory } from 'n3';
import { afterAll, describe, expect, test } from 'vitest';
import { loadGraph } from '../../src/kg.js';
import { sparqlQuery, sparqlValue } from '../../src/sparql/escape.js';
import { loadEngine, sparql } from '../../src/sparql/run.js';
import { runCli } from '../helpers/io.js';
import { parseRdf } from '../helpers/rdf.js';

const { namedNode, literal, quad } = DataFactory;
const kg = loadGraph();
const art27 = `${kg.index.instrumentRecord('untoc')!.iri}/art_27`;
const dir = mkdtempSync(join(tmpdir(), 'untoc-kg-sparql-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('sparql(kg, query)', () => {
  test('SELECT: variables and rows of bound values', async () => {
    const result = await sparql(kg, sparqlQuery`SELECT ?child ?number WHERE { ?child eli:is_part_of ${{ iri: art27 }} ; eli:number ?number } ORDER BY ?number`);
    expect(result).toMatchObject({ kind: 'select', variables: ['child', 'number'] });
    if (result.kind !== 'select') throw new Error('not a select');
    expect(result.rows.map((r) => r['number']!.value)).toEqual(['1', '2', '3']);
    expect(result.rows[0]!['child']).toEqual({ type: 'uri', value: `${art27}/para_1` });
  });

  test('SELECT with no rows still names its variables', async () => {
    expect(await sparql(kg, 'SELECT ?x ?y WHERE { ?x ukg:addresses ?y . FILTER(false) }')).toEqual({ kind: 'select', variables: ['x', 'y'], rows: [] });
  });

  test('ASK and CONSTRUCT', async () => {
    expect(await sparql(kg, sparqlQuery`ASK { ${{ iri: art27 }} a ukg:Provision }`)).toEqual({ kind: 'ask', value: true });
    const graph = await sparql(kg, sparqlQuery`# a comment first\nCONSTRUCT { ?c eli:is_part_of ${{ iri: art27 }} } WHERE { ?c eli:is_part_of ${{ iri: art27 }} }`);
    expect(graph.kind === 'graph' && graph.quads.length).toBe(3);
  });

  test('named graphs are there, and their union is the default graph', async () => {
    const result = await sparql(kg, sparqlQuery`SELECT DISTINCT ?g WHERE { GRAPH ?g { ${{ iri: art27 }} a ukg:Provision } }`);
    expect(result.kind === 'select' && result.rows.map((r) => r['g']!.value)).toEqual(['https://w3id.org/untoc-kg/graph/instrument/untoc']);
    const only = await sparql(kg, 'SELECT (COUNT(*) AS ?n) WHERE { ?s a ukg:Tool }', { graphs: ['instrument'] });
    expect(only.kind === 'select' && only.rows[0]!['n']!.value).toBe('0');
  });

  test('a query the engine rejects: a typed error with the line and column in the query as written', async () => {
    await expect(sparql(kg, 'SELECT ?x\nWHERE { ?x ?y }')).rejects.toMatchObject({ code: 'sparql_error', message: expect.stringMatching(/line 2, column \d+/) });
    await expect(sparql(kg, 'INSERT DATA { <urn:a> <urn:b> <urn:c> }')).rejects.toMatchObject({ code: 'sparql_error' });
    await expect(sparql(kg, '  ')).rejects.toMatchObject({ code: 'empty_query' });
  });

  test('without oxigraph: a typed error that says how to install it', async () => {
    await expect(loadEngine(() => Promise.reject(new Error("Cannot find package 'oxigraph'")))).rejects.toMatchObject({
      code: 'sparql_unavailable',
      message: expect.stringContaining('npm install oxigraph'),
    });
  });
});

describe('the one escaping function', () => {
  test('any string goes in as the literal it is, and cannot change the query', async () => {
    const subject = namedNode('https://example.org/s');
    const predicate = namedNode('https://example.org/p');
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 40 }), async (value) => {
        const quads = [quad(subject, predicate, literal(value)), quad(subject, predicate, literal(`${value}x`))];
        const result = await sparql(quads, sparqlQuery`SELECT ?s WHERE { ?s ${{ iri: predicate.value }} ${value} }`);
        expect(result.kind === 'select' && result.rows.map((r) => r['s']!.value)).toEqual([subject.value]);
      }),
      { numRuns: 60 },
    );
  });

  test('attempts to break out stay literals', async () => {
    for (const value of ['" } ; ASK { ?s ?p ?o', "' . } DROP ALL #", '\\" }\n}', '"""', '\u0000\u001f\u2028']) {
      const result = await sparql(kg, sparqlQuery`SELECT ?s WHERE { ?s rdfs:label ${value} }`);
      expect(result).toEqual({ kind: 'select', variables: ['s'], rows: [] });
    }
  });

  test('values of every kind, and the ones that cannot be written', () => {
    expect(sparqlValue(27)).toBe('"27"^^<http://www.w3.org/2001/XMLSchema#integer>');
    expect(sparqlValue(1e21)).toBe('"1000000000000000000000"^^<http://www.w3.org/2001/XMLSchema#integer>');
    expect(sparqlValue(0.5)).toBe('"0.5"^^<http://www.w3.org/2001/XMLSchema#double>');
    expect(sparqlValue(true)).toBe('true');
    expect(sparqlValue(literal('titre', 'fr'))).toBe('"titre"@fr');
    expect(sparqlValue(literal('2000', namedNode('http://www.w3.org/2001/XMLSchema#gYear')))).toBe('"2000"^^<http://www.w3.org/2001/XMLSchema#gYear>');
    expect(sparqlValue('a "b"\n')).toBe('"a \\"b\\"\\n"');
    expect(() => sparqlValue({ iri: 'https://example.org/a> . ?s ?p <b' })).toThrow(expect.objectContaining({ code: 'invalid_input' }));
    expect(() => sparqlValue(Number.NaN)).toThrow(expect.objectContaining({ code: 'invalid_input' }));
    expect(() => sparqlValue(DataFactory.blankNode('b'))).toThrow(expect.objectContaining({ code: 'invalid_input' }));
  });

  test('what is not a value at all is refused with invalid_input, never a TypeError; messages stay short', () => {
    for (const value of [null, undefined, Symbol('s'), 10n, () => 1, { iri: null }, { iri: 5 }]) {
      expect(() => (sparqlValue as (v: unknown) => string)(value), typeof value).toThrow(expect.objectContaining({ code: 'invalid_input' }));
    }
    const long = `a b${'x'.repeat(100_000)}`;
    expect(() => sparqlValue({ iri: long })).toThrow(expect.objectContaining({ code: 'invalid_input', value: long, message: expect.stringMatching(/^.{0,300}$/s) }));
  });
});

describe('untoc-kg sparql', () => {
  test('SELECT as SPARQL TSV, and as SPARQL JSON with --json', async () => {
    const query = `SELECT ?n WHERE { <${art27}/para_1> eli:number ?n }`;
    const tsv = await runCli('sparql', query);
    expect(tsv).toMatchObject({ code: 0, out: '?n\n"1"\n' });
    const json = await runCli('sparql', query, '--json');
    expect(JSON.parse(json.out)).toEqual({ head: { vars: ['n'] }, results: { bindings: [{ n: { type: 'literal', value: '1' } }] } });
  });

  test('a query from a file; ASK; CONSTRUCT as Turtle', async () => {
    const file = join(dir, 'q.rq');
    writeFileSync(file, `CONSTRUCT { ?c eli:is_part_of <${art27}> } WHERE { ?c eli:is_part_of <${art27}> }`);
    const turtle = await runCli('sparql', `@${file}`);
    expect(turtle.code).toBe(0);
    expect(parseRdf(turtle.out)).toHaveLength(3);
    expect((await runCli('sparql', 'ASK { ?s a ukg:Tool }')).out).toBe('true\n');
  });

  test('errors: a rejected query exits 1, a missing query 2', async () => {
    const bad = await runCli('sparql', 'SELECT WHERE');
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/\[sparql_error\]/);
    expect((await runCli('sparql')).code).toBe(2);
    expect((await runCli('sparql', `@${join(dir, 'missing.rq')}`)).code).toBe(2);
  });
});

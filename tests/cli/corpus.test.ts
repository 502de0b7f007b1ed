/**
 * The research-corpus commands over a small hand-written corpus (example data, marked synthetic): `documents`,
 * `coverage` (matrix, --json, --csv), `corpus check` (the row report, exit 2), `corpus generate`, and `--data` on
 * `tools`, `show`, `path` and `export`. The corpus is read from JSON Lines and from CSV files alike.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { loadGraph, withCorpora } from '../../src/kg.js';
import { readCorpusFile } from '../../src/node/corpus.js';
import { citedTogether, coverage, documentsAddressing } from '../../src/query/documents.js';
import { provision } from '../../src/query/provisions.js';
import { runCli } from '../helpers/io.js';

const dir = mkdtempSync(join(tmpdir(), 'untoc-kg-cli-corpus-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const CORPUS = join(dir, 'example.jsonl');
writeFileSync(
  CORPUS,
  [
    { type: 'corpus', id: 'example', title: 'Example corpus (synthetic)', synthetic: true, note: 'Hand-written example data for tests; no record in it is real.' },
    { type: 'source', id: 'example-source', title: 'Example source (synthetic)', url: 'https://example.org/source' },
    { type: 'legislation', id: 'EXAMPLE-it-law', state: 'IT', title: 'Example law (synthetic)', date: '1998-07-25', abbreviations: ['EXL'] },
    { type: 'section', legislation: 'EXAMPLE-it-law', number: '12', heading: 'Example offence (synthetic)', implements: [{ provision: 'SOM Protocol art. 6(1)(a)', basis: 'curated', note: 'example link' }] },
    { type: 'section', legislation: 'EXAMPLE-it-law', number: '13', implements: [{ provision: 'SOM Protocol art. 6', basis: 'source', source: 'example-source', locator: 'p. 1' }] },
    { type: 'legislation', id: 'EXAMPLE-de-law', state: 'DE', title: 'Example German law (synthetic)' },
    { type: 'section', legislation: 'EXAMPLE-de-law', number: '96', implements: [{ provision: 'SOM Protocol art. 6(1)(a)', basis: 'curated', note: 'example link' }] },
    {
      type: 'case',
      id: 'EXAMPLE-ITAx041',
      state: 'IT',
      title: 'Example case (synthetic)',
      crimeTypes: ['Smuggling of migrants'],
      applies: [
        { provision: 'SOM Protocol art. 6(3)(a)', basis: 'curated', note: 'example link' },
        { section: 'EXAMPLE-it-law#12', basis: 'curated', note: 'example link' },
      ],
    },
  ]
    .map((r) => JSON.stringify(r))
    .join('\n'),
);

/** The same corpus as CSV files. */
const CSV = join(dir, 'example-csv');
mkdirSync(CSV);
writeFileSync(join(CSV, 'legislation.csv'), 'id,state,title,date,abbreviations\r\nEXAMPLE-it-law,IT,Example law (synthetic),1998-07-25,EXL\r\nEXAMPLE-de-law,DE,Example German law (synthetic),,\r\n');
writeFileSync(join(CSV, 'sections.csv'), 'legislation,number,heading\r\nEXAMPLE-it-law,12,Example offence (synthetic)\r\nEXAMPLE-it-law,13,\r\nEXAMPLE-de-law,96,\r\n');
writeFileSync(join(CSV, 'cases.csv'), 'id,state,title,crimeTypes\r\nEXAMPLE-ITAx041,IT,Example case (synthetic),Smuggling of migrants\r\n');
writeFileSync(join(CSV, 'sources.csv'), 'id,title,url\r\nexample-source,Example source (synthetic),https://example.org/source\r\n');
writeFileSync(
  join(CSV, 'links.csv'),
  [
    'from,provision,section,basis,source,locator,note',
    'EXAMPLE-it-law#12,SOM Protocol art. 6(1)(a),,curated,,,example link',
    'EXAMPLE-it-law#13,SOM Protocol art. 6,,source,example-source,p. 1,',
    'EXAMPLE-de-law#96,SOM Protocol art. 6(1)(a),,curated,,,example link',
    'EXAMPLE-ITAx041,SOM Protocol art. 6(3)(a),,curated,,,example link',
    'EXAMPLE-ITAx041,,EXAMPLE-it-law#12,curated,,,example link',
  ].join('\r\n') + '\r\n',
);

interface DocumentsJson {
  provision: { citation: string };
  results: { document: { kind: string; id: string; iri: string; title: string; state: string }; section: { key: string; label: string } | null; match: string; via: { citation: string }; evidence: { basis: string }[] }[];
}

describe.each([
  ['JSON Lines', CORPUS],
  ['CSV', CSV],
])('untoc-kg documents (%s)', (_name, data) => {
  test('exact, broader and narrower answers with the shape of tools --json', async () => {
    const { code, out, err } = await runCli('documents', 'SOM Protocol art. 6(1)(a)', '--data', data, '--json');
    expect(err).toBe('');
    expect(code).toBe(0);
    const json = JSON.parse(out) as DocumentsJson;
    expect(json.provision.citation).toBe('SOM Protocol art. 6(1)(a)');
    const found = json.results.map((r) => [r.match, r.document.id, r.section?.key ?? null]);
    expect(found).toEqual([
      ['exact', 'EXAMPLE-de-law', 'EXAMPLE-de-law#96'],
      ['exact', 'EXAMPLE-it-law', 'EXAMPLE-it-law#12'],
      ['broader', 'EXAMPLE-it-law', 'EXAMPLE-it-law#13'],
    ]);
    expect(json.results[1]).toMatchObject({
      document: { kind: 'legislation', id: 'EXAMPLE-it-law', iri: 'https://w3id.org/untoc-kg/doc/ita/legislation/example-it-law', title: 'Example law (synthetic)', state: 'IT' },
      section: { label: 'EXL art. 12' },
      evidence: [{ basis: 'curated' }],
    });
  });

  test('a case that applies art. 6(3)(a) is narrower for art. 6; --state and --kind filter', async () => {
    const all = JSON.parse((await runCli('documents', 'SOM Protocol art. 6', '--data', data, '--json')).out) as DocumentsJson;
    expect(all.results.find((r) => r.document.kind === 'case')).toMatchObject({ match: 'narrower', section: null, via: { citation: 'SOM Protocol art. 6(3)(a)' } });
    const it = JSON.parse((await runCli('documents', 'SOM Protocol art. 6', '--data', data, '--state', 'IT', '--kind', 'case', '--json')).out) as DocumentsJson;
    expect(it.results.map((r) => r.document.id)).toEqual(['EXAMPLE-ITAx041']);
    const de = JSON.parse((await runCli('documents', 'SOM Protocol art. 6', '--data', data, '--state', 'DEU', '--json')).out) as DocumentsJson;
    expect(new Set(de.results.map((r) => r.document.state))).toEqual(new Set(['DE']));
  });
});

describe('untoc-kg documents: text and bad input', () => {
  test('readable lines with the evidence', async () => {
    const { code, out } = await runCli('documents', 'SOM Protocol art. 6(1)(a)', '--data', CORPUS);
    expect(code).toBe(0);
    expect(out).toMatch(/^exact\s+EXL art\. 12 \(Example offence \(synthetic\)\), Example law \(synthetic\) \[IT\]$/m);
    expect(out).toMatch(/^broader\s+EXL art\. 13, Example law \(synthetic\) \[IT\], via SOM Protocol art\. 6$/m);
    expect(out).toContain('source: Example source (synthetic) (p. 1)');
  });

  test('without --data it says how to load a corpus', async () => {
    const { code, out } = await runCli('documents', 'SOM Protocol art. 6');
    expect(code).toBe(0);
    expect(out).toContain('--data');
  });

  test.each([
    [['documents'], /give a citation/],
    [['documents', 'SOM Protocol art. 6', '--data', CORPUS, '--state', 'XX'], /\[unknown_state\]/],
    [['documents', 'SOM Protocol art. 6', '--data', CORPUS, '--kind', 'statute'], /\[invalid_input\]/],
    [['documents', 'SOM Protocol art. 6', '--data', join(dir, 'missing.jsonl')], /\[data_unreadable\]/],
  ])('%j exits 2 with one line', async (args, message) => {
    const { code, err } = await runCli(...args);
    expect(code).toBe(2);
    expect(err).toMatch(message);
  });
});

describe('untoc-kg coverage', () => {
  interface CoverageJson {
    states: string[];
    rows: { provision: { citation: string }; states: Record<string, { legislation: string | null; sections: { label: string }[]; cases: number }> }[];
  }
  const row = (json: CoverageJson, citation: string) => json.rows.find((r) => r.provision.citation === citation)!.states;

  test('--json: the matrix, States as columns', async () => {
    const { code, out } = await runCli('coverage', 'SOM Protocol art. 6', '--data', CORPUS, '--json');
    expect(code).toBe(0);
    const json = JSON.parse(out) as CoverageJson;
    expect(json.states).toEqual(['DE', 'IT']);
    expect(row(json, 'SOM Protocol art. 6(1)(a)')).toMatchObject({ IT: { legislation: 'exact', cases: 0 }, DE: { legislation: 'exact' } });
    expect(row(json, 'SOM Protocol art. 6(2)')).toMatchObject({ IT: { legislation: 'broader', sections: [{ label: 'EXL art. 13' }] }, DE: { legislation: null } });
    expect(row(json, 'SOM Protocol art. 6(3)(a)').IT!.cases).toBe(1);
    expect(row(json, 'SOM Protocol art. 6').IT).toMatchObject({ legislation: 'exact', cases: 1 });
  });

  test('--csv: one row per provision and State', async () => {
    const { code, out } = await runCli('coverage', 'SOM Protocol art. 6(1)', '--data', CORPUS, '--csv', '--state', 'IT');
    expect(code).toBe(0);
    const lines = out.trim().split('\r\n');
    expect(lines[0]).toBe('provision,citation,state,legislation,sections,cases');
    expect(lines).toContain('https://w3id.org/untoc-kg/eli/un/protocol/2000/som/art_6/para_1/point_a,SOM Protocol art. 6(1)(a),IT,exact,EXL art. 12,0');
    expect(lines.every((l, i) => i === 0 || l.split(',')[2] === 'IT')).toBe(true);
  });

  test('on a terminal: a matrix with a legend', async () => {
    const { out } = await runCli('coverage', 'SOM Protocol art. 6(3)', '--data', CORPUS);
    expect(out).toMatch(/^provision\s+DE\s+IT$/m);
    expect(out).toMatch(/^SOM Protocol art\. 6\(3\)\(a\)\s+·\s+B 1$/m);
    expect(out).toMatch(/^SOM Protocol art\. 6\(3\)\s+·\s+B 1$/m);
    expect(out).toContain('E implemented exactly');
  });

  test('--json with --csv is a usage error', async () => {
    expect((await runCli('coverage', 'SOM Protocol art. 6', '--json', '--csv')).code).toBe(2);
  });
});

describe('untoc-kg corpus check', () => {
  const bad = join(dir, 'bad.jsonl');
  writeFileSync(
    bad,
    [
      '{"type":"legislation","id":"EXAMPLE-law","state":"IT","title":"Example law (synthetic)"}',
      '{"type":"legislation","id":"EXAMPLE-x","state":"XX","title":"Example (synthetic)"}',
      '{"type":"case","id":"EXAMPLE-case","state":"IT","title":"Example case (synthetic)","decisionDate":"2014-02-30"}',
      '{"type":"section","legislation":"EXAMPLE-law","number":"1","implements":[{"provision":"SOM Protocol art. 99","basis":"curated","note":"example"}]}',
      '{"type":"legislation","id":"EXAMPLE-law","state":"IT","title":"Example law again (synthetic)"}',
      'not json',
    ].join('\n'),
  );

  test('a bad file: one row per problem, with line, field and code; exit 2', async () => {
    const { code, out, err } = await runCli('corpus', 'check', bad, '--json');
    expect(code).toBe(2);
    const rows = JSON.parse(out) as { file: string; line: number; field: string | null; code: string; suggestions: string[] }[];
    expect(rows.map((r) => [r.line, r.field, r.code])).toEqual([
      [2, 'state', 'unknown_state'],
      [3, 'decisionDate', 'bad_date'],
      [4, 'implements.0.provision', 'unknown_provision'],
      [5, 'id', 'duplicate_id'],
      [6, null, 'invalid_json'],
    ]);
    expect(rows.every((r) => r.file === bad)).toBe(true);
    expect(err).toMatch(/5 problems; 1 laws/);
  });

  test('the text report: file:line, field, code, message', async () => {
    const { code, out } = await runCli('corpus', 'check', bad);
    expect(code).toBe(2);
    expect(out.split('\n')[0]).toMatch(new RegExp(`^${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:2\tstate\tunknown_state\t`));
  });

  test('CSV: the file, the row and the column', async () => {
    const folder = join(dir, 'bad-csv');
    mkdirSync(folder);
    writeFileSync(join(folder, 'legislation.csv'), 'id,state,title\r\nEXAMPLE-law,IT,Example law (synthetic)\r\nEXAMPLE-x,XX,Example (synthetic)\r\n');
    writeFileSync(join(folder, 'sections.csv'), 'legislation,number\r\nEXAMPLE-law,1\r\n');
    writeFileSync(join(folder, 'links.csv'), 'from,provision,basis,note\r\nEXAMPLE-law#1,SOM Protocol art. 6,curated,example\r\nEXAMPLE-law#1,SOM Protocol art. 99,curated,example\r\nEXAMPLE-law#7,SOM Protocol art. 6,curated,example\r\n');
    const { code, out } = await runCli('corpus', 'check', folder, '--json');
    expect(code).toBe(2);
    const rows = JSON.parse(out) as { file: string; line: number; field: string; code: string }[];
    expect(rows.map((r) => [r.file, r.line, r.field, r.code])).toEqual([
      [join(folder, 'legislation.csv'), 3, 'state', 'unknown_state'],
      [join(folder, 'links.csv'), 3, 'provision', 'unknown_provision'],
      [join(folder, 'links.csv'), 4, 'from', 'unknown_section'],
    ]);
  });

  test('good corpora: exit 0 and a summary on stderr', async () => {
    const { code, out, err } = await runCli('corpus', 'check', CORPUS, CSV);
    expect(code).toBe(0);
    expect(out).toBe('');
    expect(err).toContain(`${CORPUS}: no problems; 2 laws, 3 sections, 1 cases, 5 links (synthetic data)`);
    expect(err).toContain(`${CSV}: no problems; 2 laws, 3 sections, 1 cases, 5 links`);
  });

  test('no subcommand, or an unknown one, is a usage error', async () => {
    expect((await runCli('corpus')).code).toBe(2);
    expect((await runCli('corpus', 'load')).code).toBe(2);
  });
});

describe('untoc-kg corpus generate', () => {
  test('--out writes a corpus that checks clean, with the counts asked for', async () => {
    const file = join(dir, 'generated.jsonl');
    const { code, err } = await runCli('corpus', 'generate', '--laws', '7', '--cases', '9', '--seed', '3', '--out', file);
    expect(code).toBe(0);
    expect(err).toMatch(/wrote a synthetic corpus/);
    const records = readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { type: string });
    expect(records.filter((r) => r.type === 'legislation')).toHaveLength(7);
    expect(records.filter((r) => r.type === 'case')).toHaveLength(9);
    expect((await runCli('corpus', 'check', file)).code).toBe(0);
  });

  test('to stdout, the same for the same seed', async () => {
    const a = await runCli('corpus', 'generate', '--laws', '2', '--cases', '2', '--seed', '5');
    const b = await runCli('corpus', 'generate', '--laws', '2', '--cases', '2', '--seed', '5');
    expect(a.code).toBe(0);
    expect(a.out).toBe(b.out);
    expect(a.out.split('\n')[0]).toContain('"synthetic":true');
  });

  test.each([
    [['--laws', 'many'], 2],
    [['--states', 'XX'], 2],
  ])('bad options %j exit 2 and write nothing', async (args, exit) => {
    const file = join(dir, `never-${args[0]!.slice(2)}.jsonl`);
    expect((await runCli('corpus', 'generate', ...args, '--out', file)).code).toBe(exit);
    expect(existsSync(file)).toBe(false);
  });
});

describe('--data on the other commands', () => {
  test('tools --data: the national documents follow the tools', async () => {
    const { code, out } = await runCli('tools', 'SOM Protocol art. 6(1)(a)', '--data', CORPUS);
    expect(code).toBe(0);
    expect(out).toContain('National legislation and cases (--data):');
    expect(out).toMatch(/^exact\s+EXL art\. 12/m);
    const json = JSON.parse((await runCli('tools', 'SOM Protocol art. 6(1)(a)', '--data', CORPUS, '--json')).out) as { results: unknown[]; documents: DocumentsJson['results'] };
    expect(json.documents.map((d) => d.document.id)).toEqual(['EXAMPLE-de-law', 'EXAMPLE-it-law', 'EXAMPLE-it-law']);
  });

  test('tools without --data has no documents key', async () => {
    expect(JSON.parse((await runCli('tools', 'SOM Protocol art. 6(1)(a)', '--json')).out)).not.toHaveProperty('documents');
  });

  test('show --data: the sections that implement a provision and the cases that apply it', async () => {
    const { code, out } = await runCli('show', 'SOM Protocol art. 6(3)', '--data', CORPUS);
    expect(code).toBe(0);
    expect(out).toContain('cases that apply it (1):');
    expect(out).toMatch(/^\s+narrower\s+case EXAMPLE-ITAx041, Example case \(synthetic\) \[IT\], via SOM Protocol art\. 6\(3\)\(a\)$/m);
    const json = JSON.parse((await runCli('show', 'SOM Protocol art. 6(1)(a)', '--data', CORPUS, '--json')).out) as { documents: { sections: { count: number }; cases: { count: number } } };
    expect(json.documents).toMatchObject({ sections: { count: 2 }, cases: { count: 0 } });
  });

  test('path --data: from a case to the provision that encloses the one it applies', async () => {
    const { code, out } = await runCli('path', 'EXAMPLE-ITAx041', 'SOM Protocol art. 6', '--data', CORPUS, '--json');
    expect(code).toBe(0);
    const json = JSON.parse(out) as { steps: { relation: string; to: { label: string } }[] };
    expect(json.steps.map((s) => s.relation)).toEqual(['applies', 'partOf', 'partOf']);
    expect(json.steps[0]!.to.label).toBe('SOM Protocol art. 6(3)(a)');
  });

  test('path --data: to a section by its key', async () => {
    const { code, out } = await runCli('path', 'SOM Protocol art. 6(1)(a)', 'EXAMPLE-it-law#12', '--data', CORPUS);
    expect(code).toBe(0);
    expect(out).toContain('implementedBy EXL art. 12');
  });

  test('export --data: a good corpus exports; a bad one stops the export with exit 2 and no file', async () => {
    const good = join(dir, 'good.nq');
    expect((await runCli('export', '--format', 'nquads', '--data', CORPUS, '--out', good)).code).toBe(0);
    expect(existsSync(good)).toBe(true);
    const none = join(dir, 'none.nq');
    const { code, err } = await runCli('export', '--format', 'nquads', '--data', join(dir, 'bad.jsonl'), '--out', none);
    expect(code).toBe(2);
    expect(err).toContain('[corpus_invalid]');
    expect(existsSync(none)).toBe(false);
  });
});

describe('the README\'s API example: readCorpusFile, withCorpora and the queries', () => {
  test('JSON Lines and CSV read into the same corpus; the queries answer over it', async () => {
    const kg = loadGraph();
    const { corpus } = await readCorpusFile(kg, CORPUS, { deriveCitations: true });
    const fromCsv = (await readCorpusFile(kg, CSV, { id: 'example-csv' })).corpus;
    const strip = (c: typeof corpus) => c.links.map((l) => [l.property, l.from, l.to, l.basis, l.locator ?? null]);
    expect(strip(fromCsv)).toEqual(strip(corpus));
    const kg2 = withCorpora(kg, [corpus]);
    expect(documentsAddressing(kg2, 'SOM Protocol art. 6', { state: 'IT', kinds: ['legislation'] }).results.map((r) => r.section?.key)).toEqual(['EXAMPLE-it-law#13', 'EXAMPLE-it-law#12']);
    expect(coverage(kg2, 'SOM Protocol art. 6', { states: ['IT', 'DE'] }).states).toEqual(['DE', 'IT']);
    expect(citedTogether(kg2, 'SOM Protocol art. 6(3)(a)').cases).toBe(1);
    expect(provision(kg2, 'SOM art. 6').documents).toMatchObject({ sections: { count: 3 }, cases: { count: 1 } });
    expect(provision(kg, 'SOM art. 6').documents).toMatchObject({ sections: { count: 0 }, cases: { count: 0 } });
  });

  test('a file with a byte-order mark and CRLF line ends reads; the id comes from the file name', async () => {
    const file = join(dir, 'My Corpus.jsonl');
    writeFileSync(file, `\uFEFF${readFileSync(CORPUS, 'utf8').split('\n').slice(1).join('\r\n')}\r\n`);
    const { corpus } = await readCorpusFile(loadGraph(), file);
    expect(corpus.id).toBe('my-corpus');
    expect(corpus.cases).toHaveLength(1);
  });

  test('errors: a missing path, a bad corpus (nothing loaded), keepGood', async () => {
    const kg = loadGraph();
    await expect(readCorpusFile(kg, join(dir, 'nothing-here.jsonl'))).rejects.toMatchObject({ code: 'data_unreadable' });
    await expect(readCorpusFile(kg, join(dir, 'bad.jsonl'))).rejects.toMatchObject({ code: 'corpus_invalid', errors: expect.arrayContaining([expect.objectContaining({ line: 2, code: 'unknown_state' })]) });
    const { corpus, errors } = await readCorpusFile(kg, join(dir, 'bad.jsonl'), { keepGood: true });
    expect(errors).toHaveLength(5);
    expect(corpus.legislation.map((l) => l.id)).toEqual(['EXAMPLE-law']);
  });
});

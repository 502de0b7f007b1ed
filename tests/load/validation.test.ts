/**
 * Broken data files: each problem is reported with its code, file and path, every problem at once, and nothing is
 * half loaded.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { bundledDataset } from '../../src/bundled.js';
import { isDataValidationError, type DataIssue } from '../../src/errors.js';
import { loadGraph } from '../../src/kg.js';
import { buildDataset } from '../../src/load/build.js';
import { loadDataset } from '../../src/node/index.js';
import { runCli } from '../helpers/io.js';

/** A small valid instrument file (a made-up instrument, so it cannot clash with the curated data). */
function instrument(overrides: Record<string, unknown> = {}) {
  return {
    type: 'instrument',
    id: 'test-treaty',
    eli: 'eli/test/treaty/2024/example',
    kind: 'convention',
    title: 'Test Treaty',
    abbreviation: 'TT',
    structure: { completeness: 'complete', sources: ['S1'] },
    articles: [
      { number: 1, heading: 'Purpose' },
      { number: 2, heading: 'Cooperation', paragraphs: [1, { number: 2, subparagraphs: ['a', 'b'] }, 3] },
    ],
    ...overrides,
  };
}

/** A small valid tool file that cites the curated Convention. */
function tool(overrides: Record<string, unknown> = {}) {
  return {
    type: 'tool',
    id: 'test-guide',
    kind: 'legislative-guide',
    title: 'Test Guide',
    structure: { completeness: 'complete' },
    sources: ['seed'],
    parts: [{ path: 'chp_1', label: 'Chapter 1', sources: ['seed'] }],
    links: [{ part: 'chp_1', addresses: ['UNTOC art. 27(1)(e)'], basis: 'curated', source: 'seed', note: 'test' }],
    ...overrides,
  };
}

/** Builds on top of the curated data and returns the issues (fails the test if it loads). */
function issuesOf(files: { file: string; data: unknown }[]): DataIssue[] {
  try {
    buildDataset(files, { base: bundledDataset() });
  } catch (error) {
    if (isDataValidationError(error)) return [...error.issues];
    throw error;
  }
  expect.fail('the files loaded, but they are broken');
}

describe('valid files load on top of the curated graph', () => {
  test('a tool that cites a Convention provision becomes part of the graph', () => {
    const dataset = buildDataset([{ file: 't.yaml', data: tool() }, { file: 'i.yaml', data: instrument() }], { base: bundledDataset() });
    expect(dataset.tools.map((t) => t.id)).toContain('test-guide');
    expect(dataset.provisions.filter((p) => p.instrument === 'test-treaty')).toHaveLength(7);
  });
});

describe('broken files are reported precisely', () => {
  test.each<{ problem: string; files: { file: string; data: unknown }[]; expected: Partial<DataIssue>; message?: string }>([
    {
      problem: 'an unknown provision cited: unknown_provision, with what exists nearby',
      files: [{ file: 'tools/t.yaml', data: tool({ links: [{ part: 'chp_1', addresses: ['UNTOC art. 27(1)(g)'], basis: 'source', source: 'seed' }] }) }],
      expected: { code: 'unknown_provision', file: 'tools/t.yaml', path: ['links', 0, 'addresses', 0] },
      message: 'subparagraphs (a)–(f)',
    },
    {
      problem: 'a citation that does not parse: invalid_citation',
      files: [{ file: 't.yaml', data: tool({ links: [{ addresses: ['art. 27 para.'], basis: 'source', source: 'seed' }] }) }],
      expected: { code: 'invalid_citation', path: ['links', 0, 'addresses', 0] },
    },
    {
      problem: 'a duplicate id: duplicate_id, on the second file',
      files: [
        { file: 'a.yaml', data: tool() },
        { file: 'b.yaml', data: tool({ links: [] }) },
      ],
      expected: { code: 'duplicate_id', file: 'b.yaml', path: ['id'] },
    },
    {
      problem: 'an id that the curated graph already has: duplicate_id',
      files: [{ file: 'mine.yaml', data: tool({ id: 'legislative-guides', links: [] }) }],
      expected: { code: 'duplicate_id', file: 'mine.yaml', path: ['id'] },
    },
    {
      problem: 'a paragraph number that skips: numbering_gap at the paragraph after the gap',
      files: [{ file: 'i.yaml', data: instrument({ articles: [{ number: 1, heading: 'Purpose', paragraphs: [1, 2, 4] }] }) }],
      expected: { code: 'numbering_gap', file: 'i.yaml', path: ['articles', 0, 'paragraphs', 2, 'number'] },
    },
  ])('$problem', ({ files, expected, message }) => {
    const issues = issuesOf(files);
    expect(issues).toEqual([expect.objectContaining(expected)]);
    if (message) expect(issues[0]!.message).toContain(message);
  });

  test('a missing heading: invalid_type at the article', () => {
    const data = instrument({ articles: [{ number: 1, heading: 'Purpose' }, { number: 2 }] });
    const issues = issuesOf([{ file: 'i.yaml', data }]);
    expect(issues).toEqual([expect.objectContaining({ code: 'invalid_type', file: 'i.yaml', path: ['articles', 1, 'heading'] })]);
    expect(issues[0]!.missing).toBe(true);
    // A value of the wrong type is not "missing".
    const wrong = issuesOf([{ file: 'i.yaml', data: instrument({ articles: [{ number: 1, heading: 7 }] }) }]);
    expect(wrong).toEqual([expect.objectContaining({ code: 'invalid_type', path: ['articles', 0, 'heading'] })]);
    expect(wrong[0]!.missing).toBeUndefined();
  });

  test('an unknown key: unrecognized_keys, naming the key, at the object that has it', () => {
    const top = issuesOf([{ file: 't.yaml', data: { ...tool(), titel: 'typo' } }]);
    expect(top).toEqual([expect.objectContaining({ code: 'unrecognized_keys', file: 't.yaml', path: [] })]);
    expect(top[0]!.message).toContain('"titel"');
    expect(top[0]!.keys).toEqual(['titel']);
    const nested = issuesOf([{ file: 'i.yaml', data: instrument({ articles: [{ number: 1, heading: 'Purpose', paragrahps: [1] }] }) }]);
    expect(nested).toEqual([expect.objectContaining({ code: 'unrecognized_keys', path: ['articles', 0] })]);
  });

  test('an article number that skips, a subparagraph out of order, and a bad item numeral', () => {
    const data = instrument({
      articles: [
        { number: 1, heading: 'A' },
        { number: 3, heading: 'B', paragraphs: [{ number: 1, subparagraphs: ['a', 'c'] }] },
        { number: 4, heading: 'C', subparagraphs: [{ number: 'a', items: ['i', 'x'] }] },
      ],
    });
    const issues = issuesOf([{ file: 'i.yaml', data }]);
    expect(issues.map((i) => [i.code, i.path.join('.')])).toEqual([
      ['numbering_gap', 'articles.1.number'],
      ['numbering_gap', 'articles.1.paragraphs.0.subparagraphs.1.number'],
      ['numbering_gap', 'articles.2.subparagraphs.0.items.1.number'],
    ]);
  });

  test('a partial article may list only some paragraphs', () => {
    const data = instrument({ structure: { completeness: 'partial', sources: ['S1'] }, articles: [{ number: 7, heading: 'X', partial: true, paragraphs: [8, 9] }] });
    expect(() => buildDataset([{ file: 'i.yaml', data }], { base: bundledDataset() })).not.toThrow();
  });

  test('an unknown theme, part, source and parent are each reported', () => {
    const data = tool({
      parts: [
        { path: 'chp_1', label: 'Chapter 1', sources: ['nowhere'] },
        { path: 'chp_9/sec_1', label: 'Orphan', sources: ['seed'] },
      ],
      links: [
        { themes: ['no-such-theme'], basis: 'source', source: 'seed' },
        { part: 'chp_2', themes: ['prevention'], basis: 'source', source: 'seed' },
      ],
    });
    const codes = issuesOf([{ file: 't.yaml', data }]).map((i) => [i.code, i.path.join('.')]);
    expect(codes).toEqual(
      expect.arrayContaining([
        ['missing_parent', 'parts.1.path'],
        ['unknown_part', 'links.1.part'],
        ['unknown_theme', 'links.0.themes.0'],
        ['unknown_source', 'parts.0.sources.0'],
      ]),
    );
  });

  test('every problem of every file is reported at once', () => {
    const issues = issuesOf([
      { file: 'a.yaml', data: { ...tool(), titel: 'typo' } },
      { file: 'b.yaml', data: instrument({ articles: [{ number: 1 }] }) },
    ]);
    expect(new Set(issues.map((i) => i.file))).toEqual(new Set(['a.yaml', 'b.yaml']));
  });

  test('a file with no or an unknown type', () => {
    const issues = issuesOf([{ file: 'x.yaml', data: { type: 'widget' } }, { file: 'y.yaml', data: [1, 2] }]);
    expect(issues.map((i) => [i.file, i.code])).toEqual([
      ['x.yaml', 'unknown_file_type'],
      ['y.yaml', 'invalid_type'],
    ]);
  });
});

describe('nothing is half loaded', () => {
  test('loadGraph with one good and one bad file throws and the curated graph is unchanged', () => {
    const before = loadGraph().dataset;
    const counts = [before.tools.length, before.links.length, before.provisions.length];
    expect(() => loadGraph({ dataset: buildDataset([{ file: 'good.yaml', data: tool() }, { file: 'bad.yaml', data: { ...tool({ id: 'other' }), titel: 'x' } }], { base: bundledDataset() }) })).toThrow(/problem/);
    const after = loadGraph().dataset;
    expect([after.tools.length, after.links.length, after.provisions.length]).toEqual(counts);
    expect(after.tools.some((t) => t.id === 'test-guide')).toBe(false);
  });
});

describe('files on disk (untoc-kg/node and the CLI)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'untoc-kg-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(
    join(dir, 'broken.yaml'),
    ['type: tool', 'id: broken-guide', 'kind: legislative-guide', 'title: Broken', 'structure: { completeness: complete }', 'sources: [seed]', 'links:', '  - addresses: [UNTOC art. 99]', '    basis: source', '    source: seed', ''].join('\n'),
  );
  writeFileSync(join(dir, 'syntax.yaml'), 'type: tool\nid: [unclosed\n');

  test('loadDataset reports the line of each problem', async () => {
    const error = await loadDataset(join(dir, 'broken.yaml'), { base: bundledDataset() }).catch((e: unknown) => e);
    expect(isDataValidationError(error)).toBe(true);
    const issue = (error as { issues: DataIssue[] }).issues[0]!;
    expect(issue).toMatchObject({ code: 'unknown_provision', path: ['links', 0, 'addresses', 0], line: 8 });
    expect(issue.message).toContain('articles 1–41');
  });

  test('a YAML syntax error is reported as yaml_syntax with its line', async () => {
    const error = await loadDataset(join(dir, 'syntax.yaml')).catch((e: unknown) => e);
    expect((error as { issues: DataIssue[] }).issues[0]).toMatchObject({ code: 'yaml_syntax' });
  });

  test('untoc-kg validate: exit 2 and one line per problem on stdout; --json gives the issues', async () => {
    const text = await runCli('validate', join(dir, 'broken.yaml'));
    expect(text.code).toBe(2);
    expect(text.out).toMatch(/broken\.yaml:8 \(links\.0\.addresses\.0\): .*articles 1–41.*\[unknown_provision\]/);
    const json = await runCli('validate', '--json', join(dir, 'broken.yaml'));
    expect(JSON.parse(json.out)).toEqual([expect.objectContaining({ code: 'unknown_provision', line: 8 })]);
  });

  test('untoc-kg validate on the curated data: exit 0', async () => {
    const result = await runCli('validate');
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/no problems/);
  });

  test('untoc-kg validate on a missing path: exit 2', async () => {
    const result = await runCli('validate', join(dir, 'nope'));
    expect(result.code).toBe(2);
    expect(result.out).toContain('file_not_found');
  });
});

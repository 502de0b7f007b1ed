/**
 * The query commands: human output, the documented JSON of `tools`, and bad input as one line on stderr with exit
 * code 2 (never a stack trace).
 */
import { describe, expect, test } from 'vitest';
import { runCli } from '../helpers/io.js';

describe('untoc-kg tools', () => {
  test('the README\'s question: the exact answer first, with its evidence', async () => {
    const { code, out, err } = await runCli('tools', 'art. 27 para. 1(e)');
    expect(code).toBe(0);
    expect(err).toBe('');
    const lines = out.split('\n');
    expect(lines[0]).toBe('UNTOC art. 27(1)(e) — Law enforcement cooperation');
    // Grouped by tool: its short title, then each part with how it matches and the evidence, with the source's title.
    const exact = lines.findIndex((l) => /^ {2}exact /.test(l));
    expect(lines[exact - 1]).toBe('Legislative Guides');
    expect(lines[exact]).toMatch(/^ {2}exact\s+Part One, chapter V$/);
    const evidence = lines.slice(exact + 1).findIndex((l) => !/^ {11}/.test(l));
    expect(lines.slice(exact + 1, exact + 1 + evidence).map((l) => l.trim()).join(' ')).toBe(
      'source: Smuggling of migrants by sea: note by the Secretariat, addendum, annex "Key tools and recommended resources" (annex, entry on the Legislative Guides)',
    );
    expect(out).toMatch(/^In-depth Training Manual\n {2}broader\s+Module 8.*, via UNTOC art\. 27$/m);
  });

  test('--json has the documented shape', async () => {
    const { out } = await runCli('tools', 'art. 27 para. 1(e)', '--json');
    const json = JSON.parse(out) as {
      provision: { iri: string; citation: string; heading: string };
      results: { tool: { id: string; iri: string; title: string }; part: { iri: string; label: string } | null; match: string; via: { iri: string }; evidence: { basis: string; source: string; locator: string | null }[] }[];
    };
    expect(json.provision).toMatchObject({ iri: 'https://w3id.org/untoc-kg/eli/un/convention/2000/untoc/art_27/para_1/point_e', citation: 'UNTOC art. 27(1)(e)', heading: 'Law enforcement cooperation' });
    expect(json.results[0]).toMatchObject({
      tool: { id: 'legislative-guides', iri: 'https://w3id.org/untoc-kg/tool/legislative-guides', title: expect.stringMatching(/^Legislative Guides/) },
      part: { iri: 'https://w3id.org/untoc-kg/tool/legislative-guides/part_1/chp_5', label: 'Part One, chapter V' },
      match: 'exact',
      via: { iri: json.provision.iri },
      evidence: [{ basis: 'source', source: 'seed', locator: 'annex, entry on the Legislative Guides' }],
    });
  });

  test('SOM art. 8(5): the discrepancy is explained', async () => {
    const { out } = await runCli('tools', 'SOM art. 8(5)');
    expect(out).toContain('\nDiscrepancy:\n');
    expect(out.replace(/\s+/g, ' ')).toContain('Source "seed" links UNODC online directory of competent national authorities to SOM Protocol art. 8(5); the graph asserts SOM Protocol art. 8(6) instead');
  });

  test('the directory\'s answer lists the designated authorities', async () => {
    const { out } = await runCli('tools', 'SOM Protocol art. 8(6)');
    expect(out.replace(/\s+/g, ' ')).toContain('designated authority: Bundesamt für Seeschifffahrt und Hydrographie, Hamburg (DE) — source: whatconvention-de');
  });

  test('--related and --paths', async () => {
    const { out } = await runCli('tools', 'SOM Protocol art. 10(1)', '--related', '--paths');
    expect(out).toMatch(/^ {2}related\s+.*via UNTOC art\. 27$/m);
    expect(out).toContain('path: SOM Protocol art. 10(1) › cites UNTOC art. 27 › addressedBy');
  });
});

describe('untoc-kg show, addressed-by, search, path', () => {
  test('show', async () => {
    const { code, out } = await runCli('show', 'SOM Protocol art. 8(6)');
    expect(code).toBe(0);
    expect(out).toMatch(/^SOM Protocol art\. 8\(6\) — Measures against the smuggling of migrants by sea {2}\(paragraph\)$/m);
    expect(out).toContain('part of:  SOM Protocol art. 8 › SOM Protocol chapter II › SOM Protocol');
    expect(out).toMatch(/theme: {4}Smuggling of migrants by sea \(from SOM Protocol chapter II\)/);
    expect(out).toMatch(/exact\s+UNODC online directory of competent national authorities, Smuggling of migrants by sea/);
  });

  test('addressed-by', async () => {
    const { out } = await runCli('addressed-by', 'legislative-guides/part_1/chp_5');
    expect(out.split('\n').filter((l) => /^ {2}UNTOC art\. 27/.test(l))).toHaveLength(7);
  });

  test('search', async () => {
    const { out } = await runCli('search', 'liaison', 'officers');
    expect(out.split('\n')[0]).toMatch(/^provision\s+UNTOC art\. 27\(1\)\(d\) — .*liaison officers/);
    const json = JSON.parse((await runCli('search', 'sea', '--kind', 'theme', '--json')).out) as { kind: string }[];
    expect(json.every((h) => h.kind === 'theme')).toBe(true);
    expect(json.length).toBeGreaterThan(0);
  });

  test('path', async () => {
    const { out } = await runCli('path', 'art. 27 para. 1(a)', 'legislative-guides');
    expect(out.split('\n')[0]).toBe('UNTOC art. 27(1)(a)');
    expect(out).toMatch(/ {2}addressedBy .*Part One, chapter V/);
  });
});

describe('bad input: one line on stderr, exit code 2, never a stack trace', () => {
  test.each([
    [['tools', 'art. 27(1)(g)'], /subparagraphs \(a\)–\(f\).*did you mean art\. 27\(1\)\(f\)\?.*\[unknown_provision\]/],
    [['tools', 'art. 27 para.'], /expected a paragraph number \[syntax\]/],
    [['tools', 'article 35 of the Charter'], /\[unknown_instrument\]/],
    [['tools', 'art. 99'], /UNTOC has articles 1–41.*\[unknown_provision\]/],
    [['tools', 'art. 27', '--match', 'sideways'], /\[invalid_input\]/],
    [['tools'], /give a citation/],
    [['tools', '--frobnicate', 'art. 1'], /Unknown option '--frobnicate'/],
    [['addressed-by', 'legislative-guide'], /did you mean legislative-guides\?.*\[unknown_tool\]/],
    [['addressed-by', 'legislative-guides/part_1/chp_6'], /did you mean legislative-guides\/part_1\/chp_5\?.*\[unknown_part\]/],
    [['search', '   '], /the query is empty.*\[empty_query\]/],
    [['path', 'art. 1', 'nowhere-tool'], /\[unknown_node\]/],
    [['show', 'SOM chapter V'], /SOM Protocol has chapters I–IV.*\[unknown_provision\]/],
    [['frobnicate'], /unknown command "frobnicate"/],
  ])('untoc-kg %j', async (args, message) => {
    const { code, out, err } = await runCli(...args);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err.trim().split('\n')).toHaveLength(1);
    expect(err).toMatch(/^untoc-kg: /);
    expect(err).toMatch(message);
    expect(err).not.toMatch(/\n\s+at /);
  });
});

describe('help and version', () => {
  test('--help lists every command; each command has --help', async () => {
    const { code, out } = await runCli('--help');
    expect(code).toBe(0);
    for (const name of ['tools', 'show', 'addressed-by', 'search', 'path', 'cite', 'validate', 'export']) expect(out).toContain(`  ${name}`);
    expect((await runCli('tools', '--help')).out).toMatch(/^Usage: untoc-kg tools CITATION/);
  });

  test('no arguments: the help on stdout, exit 0', async () => {
    const { code, out, err } = await runCli();
    expect(code).toBe(0);
    expect(out).toMatch(/^Usage: untoc-kg <command> \[options\]$/m);
    expect(err).toBe('');
  });
});

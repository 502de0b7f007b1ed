/**
 * README.md's "A short tour of the API", run: every line of its code block, with the values its comments show. The
 * tour is mirrored here line by line (the README is prose, not a module); the first test checks that the mirror
 * still holds every statement of the README's block, and that the entry exports every name the block imports.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import * as api from '../src/index.js';
import {
  loadGraph, toolsAddressing, provisionsAddressedBy, toolsOnTheme, provision, search, explainPath,
  parseCitation, resolveCitation, formatCitation, findCitations, toTurtle,
} from '../src/index.js';
import { ROOT } from './helpers/paths.js';

/** The code block under "## A short tour of the API". */
function tourBlock(): string {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## A short tour of the API'));
  const match = /```ts\n([\s\S]*?)```/.exec(section);
  if (!match) throw new Error('README.md: no ts block under "A short tour of the API"');
  return match[1]!;
}

describe('the mirror matches the README', () => {
  const block = tourBlock();

  test('every name the tour imports is exported by the core entry', () => {
    const imported = /import \{([\s\S]*?)\} from 'untoc-kg'/.exec(block)![1]!.split(',').map((n) => n.trim()).filter(Boolean);
    expect(imported.length).toBeGreaterThan(10);
    expect(imported.filter((name) => !(name in api))).toEqual([]);
  });

  test('every statement of the tour is in this file', () => {
    // The mirror may add non-null assertions (`[0]!.label`) where the README's reader needs none.
    const self = readFileSync(fileURLToPath(import.meta.url), 'utf8').replace(/!(?=[.[])/g, '');
    const statements = block
      .slice(block.indexOf("from 'untoc-kg'") + "from 'untoc-kg'".length)
      .split('\n')
      .map((line) => line.replace(/\s*\/\/.*$/, '').trim())
      .filter((line) => line.length > 0);
    expect(statements.length).toBeGreaterThan(15);
    expect(statements.filter((s) => !self.includes(s))).toEqual([]);
  });
});

describe('the tour', () => {
  const kg = loadGraph()                        // the curated graph, compiled into the package: no file read

  test('typed queries', () => {
    const { results, discrepancies } = toolsAddressing(kg, 'art. 27 para. 1(e)')
    expect(results[0]).toMatchObject({
      tool: { id: 'legislative-guides' },
      part: { label: 'Part One, chapter V' },
      match: 'exact',
      via: { citation: 'UNTOC art. 27(1)(e)' },
      path: expect.any(Array),
      evidence: expect.arrayContaining([expect.objectContaining({ basis: 'source', source: 'seed' })]),
    });
    expect(discrepancies).toEqual([]);

    // the seed says para. 5; the graph asserts para. 6, and says why
    expect(toolsAddressing(kg, 'SOM art. 8(5)').discrepancies).toEqual([
      expect.objectContaining({
        claimed: expect.objectContaining({ citation: 'SOM Protocol art. 8(5)' }),
        accepted: expect.objectContaining({ citation: 'SOM Protocol art. 8(6)' }),
        explanation: expect.stringMatching(/\S/),
      }),
    ]);

    // heading, parents, children, references in and out, themes, tools
    expect(provision(kg, 'SOM Protocol art. 8(6)')).toMatchObject({
      heading: 'Measures against the smuggling of migrants by sea',
      parents: [{ citation: 'SOM Protocol art. 8' }, { citation: 'SOM Protocol chapter II' }, { citation: 'SOM Protocol' }],
      children: [],
      references: { in: expect.any(Array), out: expect.any(Array) },
      themes: [expect.objectContaining({ match: 'inherited' })],
      tools: expect.arrayContaining([expect.objectContaining({ tool: expect.objectContaining({ id: 'cna-directory' }), match: 'exact' })]),
    });

    expect(provisionsAddressedBy(kg, 'legislative-guides/part_1/chp_5').results.map((r) => r.provision.citation)).toEqual(
      expect.arrayContaining(['UNTOC art. 27(1)(a)', 'UNTOC art. 27(1)(e)', 'UNTOC art. 27(1)(f)']),
    );

    // exact, and through broader and narrower themes
    const onTheme = toolsOnTheme(kg, 'law-enforcement-cooperation').results.map((r) => r.match);
    expect(onTheme).toContain('exact');
    expect(onTheme).toContain('broader');
    expect(onTheme.every((m) => ['exact', 'broader', 'narrower'].includes(m))).toBe(true);

    expect(search(kg, 'liaison officers')[0]!.label).toBe('UNTOC art. 27(1)(d)');

    // addressedBy › partOf › partOf, with evidence
    const steps = explainPath(kg, 'art. 27 para. 1(a)', 'legislative-guides').steps
    expect(steps.map((s) => s.relation)).toEqual(['addressedBy', 'partOf', 'partOf']);
    expect(steps[0]!.evidence.length).toBeGreaterThan(0);
  });

  test('citations, read the way a lawyer writes them; a bare citation means the Convention', () => {
    // the six subparagraphs
    expect(resolveCitation(kg, 'art. 27 para. 1(a)–(f)').targets.map((t) => t.id.split('/').at(-1))).toEqual(['point_a', 'point_b', 'point_c', 'point_d', 'point_e', 'point_f']);
    let thrown: unknown;
    try {
      resolveCitation(kg, 'art. 27(1)(g)')
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(api.UntocKgError);
    expect(thrown).toMatchObject({ code: 'unknown_provision', suggestions: expect.arrayContaining(['art. 27(1)(f)']) });
    expect((thrown as Error).message).toContain('UNTOC art. 27(1) has subparagraphs (a)–(f)');

    // never UNTOC art. 35
    expect(parseCitation('article 35 of the Charter')).toMatchObject({ kind: 'unresolved', reason: 'other_instrument' });
    expect(formatCitation({ instrument: 'som-protocol', eid: 'art_8__para_6' }, 'long')).toBe(
      'Protocol against the Smuggling of Migrants by Land, Sea and Air, article 8, paragraph 6',
    );
    expect(findCitations('without prejudice to articles 27 and 28 of the Convention', { instrument: 'som-protocol' })).toMatchObject([
      { text: 'articles 27 and 28 of the Convention', span: { start: 21, end: 57 }, citation: { kind: 'list' } },
    ]);
  });

  test('the three views of one dataset', () => {
    // every claim with its basis, source and locator
    const links = kg.dataset.links
    expect(links.length).toBeGreaterThan(100);
    expect(links.every((l) => ['text', 'source', 'curated'].includes(l.basis) && typeof l.source === 'string')).toBe(true);
    expect(links.some((l) => l.locator !== undefined)).toBe(true);
    // N3 Store (built on first use)
    const store = kg.store
    expect(store.size).toBeGreaterThan(1000);
    // graphology MultiDirectedGraph keyed by IRI (built on first use)
    const graph = kg.graph
    expect(graph.type).toBe('directed');
    expect(graph.multi).toBe(true);
    expect(graph.hasNode(resolveCitation(kg, 'art. 27').targets[0]!.id)).toBe(true);
    const turtle = toTurtle(kg.store.getQuads(null, null, null, null))
    expect(turtle).toContain('@prefix');
    expect(turtle).toContain('legislative-guides');
  });
});

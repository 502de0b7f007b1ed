/**
 * toolsAddressing, provisionsAddressedBy and toolsOnTheme on the curated graph: real answers, the rules every
 * answer follows, and the seed's discrepancy.
 */
import { describe, expect, test } from 'vitest';
import { resolveCitation } from '../../src/citation/resolve.js';
import { loadCore } from '../../src/core.js';
import { bundledDataset } from '../../src/bundled.js';
import { loadGraph } from '../../src/kg.js';
import { buildDataset } from '../../src/load/build.js';
import { failure } from '../helpers/errors.js';
import { discrepanciesAbout } from '../../src/query/discrepancies.js';
import { provisionsAddressedBy } from '../../src/query/provisions.js';
import { toolsOnTheme } from '../../src/query/themes.js';
import { toolsAddressing } from '../../src/query/tools.js';

const kg = loadCore();
const id = (c: string) => resolveCitation(kg, c).targets[0]!.id;
const fail = failure;

describe('toolsAddressing', () => {
  test('the Legislative Guides, Part One chapter V, is an exact answer for UNTOC art. 27(1)(e), with the seed as evidence', () => {
    const { provision, results } = toolsAddressing(kg, 'art. 27 para. 1(e)');
    expect(provision).toMatchObject({ citation: 'UNTOC art. 27(1)(e)', heading: 'Law enforcement cooperation' });
    expect(results[0]).toMatchObject({
      tool: { id: 'legislative-guides' },
      part: { label: 'Part One, chapter V', path: 'part_1/chp_5' },
      match: 'exact',
      via: { iri: id('art. 27(1)(e)') },
      evidence: [{ basis: 'source', source: 'seed', locator: 'annex, entry on the Legislative Guides' }],
    });
  });

  test('a broader answer (via art. 27) is never reported as exact, for every provision of the graph', () => {
    for (const p of kg.dataset.provisions) {
      const ancestors = new Set(kg.index.ancestorsOf(p.id).map((a) => a.id as string));
      const descendants = new Set(kg.index.descendantsOf(p.id) as readonly string[]);
      const { results } = toolsAddressing(kg, p.id, { match: ['exact', 'broader', 'narrower', 'related'] });
      let rank = 0;
      for (const r of results) {
        const order = { exact: 0, broader: 1, narrower: 2, related: 3 }[r.match];
        expect(order).toBeGreaterThanOrEqual(rank);
        rank = order;
        if (r.match === 'exact') expect(r.via.iri).toBe(p.id);
        if (r.match === 'broader') expect(ancestors.has(r.via.iri)).toBe(true);
        if (r.match === 'narrower') expect(descendants.has(r.via.iri)).toBe(true);
        expect(r.evidence.length).toBeGreaterThan(0);
        // The path runs from the provision asked about to the tool or part.
        expect(r.path[0]!.from.iri).toBe(p.id);
        expect(r.path.at(-1)!.to.iri).toBe(r.part?.iri ?? r.tool.iri);
      }
    }
  });

  test('the broader answers for art. 27(1)(e) explain themselves: art. 27(1)(e) partOf art. 27(1) partOf art. 27 addressedBy …', () => {
    const broader = toolsAddressing(kg, 'art. 27(1)(e)', { match: ['broader'] }).results;
    expect(broader.map((r) => [r.tool.id, r.via.citation])).toEqual([
      ['in-depth-training-manual', 'UNTOC art. 27'],
      ['legislative-guides', 'UNTOC art. 27'],
    ]);
    expect(broader[1]!.path.map((s) => [s.from.label, s.relation, s.to.label])).toEqual([
      ['UNTOC art. 27(1)(e)', 'partOf', 'UNTOC art. 27(1)'],
      ['UNTOC art. 27(1)', 'partOf', 'UNTOC art. 27'],
      ['UNTOC art. 27', 'addressedBy', expect.stringContaining('Part One, chapter V')],
    ]);
    expect(broader[0]!.evidence[0]).toMatchObject({ basis: 'curated', note: expect.stringContaining('law enforcement cooperation') });
  });

  test('the directory comes back for SOM art. 8(6): its smuggling-by-sea category, exact, on the curated reading of the text', () => {
    const exact = toolsAddressing(kg, 'SOM Protocol art. 8(6)', { match: ['exact'] }).results;
    expect(exact).toEqual([
      expect.objectContaining({ tool: expect.objectContaining({ id: 'cna-directory' }), part: expect.objectContaining({ path: 'smuggling-of-migrants-by-sea' }), match: 'exact' }),
    ]);
    // Germany's notification says nothing about the directory's categories, so it is no evidence for this link.
    expect(exact[0]!.evidence.map((e) => [e.basis, e.source])).toEqual([['curated', 'S2']]);
  });

  test('the directory\'s answer carries the authorities designated under the provision; other tools carry none', () => {
    const { results } = toolsAddressing(kg, 'SOM Protocol art. 8(6)');
    const directory = results.find((r) => r.tool.id === 'cna-directory')!;
    expect(directory.authorities?.map((a) => [a.name, a.state.alpha2, a.source.id])).toEqual([
      ['Bundesamt für Seeschifffahrt und Hydrographie', 'DE', 'whatconvention-de'],
      ['Ministry of the Interior', 'LV', 'latvia-som-law'],
      ['Ministry of Transport', 'LV', 'latvia-som-law'],
    ]);
    expect(results.filter((r) => r.tool.id !== 'cna-directory').every((r) => r.authorities === undefined)).toBe(true);
  });

  test('a question about SOM art. 8(5) explains the seed\'s discrepancy and points to art. 8(6)', () => {
    const { results, discrepancies } = toolsAddressing(kg, 'SOM art. 8(5)');
    expect(results.some((r) => r.match === 'exact')).toBe(false);
    expect(discrepancies).toEqual([
      expect.objectContaining({
        role: 'claimed',
        subject: expect.objectContaining({ label: 'UNODC online directory of competent national authorities' }),
        claimed: expect.objectContaining({ citation: 'SOM Protocol art. 8(5)' }),
        accepted: expect.objectContaining({ citation: 'SOM Protocol art. 8(6)' }),
        explanation: expect.stringContaining('paragraph 6'),
        evidence: expect.objectContaining({ source: 'seed' }),
      }),
    ]);
    expect(toolsAddressing(kg, 'SOM art. 8(6)').discrepancies).toEqual([expect.objectContaining({ role: 'accepted' })]);
  });

  test('discrepanciesAbout takes a citation or an id, and answers as toolsAddressing does', () => {
    expect(discrepanciesAbout(kg, 'SOM art. 8(5)')).toEqual(toolsAddressing(kg, 'SOM art. 8(5)').discrepancies);
    expect(discrepanciesAbout(kg, id('SOM art. 8(6)'))).toEqual(toolsAddressing(kg, 'SOM art. 8(6)').discrepancies);
    expect(discrepanciesAbout(kg, 'art. 27')).toEqual([]);
    expect(fail(() => discrepanciesAbout(kg, 'SOM art. 99')).code).toBe('unknown_provision');
  });

  test('SOM art. 8(6) is enclosed by chapter II before the whole Protocol', () => {
    const vias = toolsAddressing(kg, 'SOM art. 8(6)', { match: ['broader'] }).results.map((r) => r.via.citation);
    expect(vias.indexOf('SOM Protocol chapter II')).toBeLessThan(vias.indexOf('SOM Protocol'));
  });

  test('narrower: asking about art. 27 finds what addresses its subparagraphs', () => {
    const narrower = toolsAddressing(kg, 'art. 27', { match: ['narrower'] }).results;
    expect(narrower.map((r) => r.via.citation)).toEqual(['UNTOC art. 27(1)(a)', 'UNTOC art. 27(1)(b)', 'UNTOC art. 27(1)(c)', 'UNTOC art. 27(1)(d)', 'UNTOC art. 27(1)(e)', 'UNTOC art. 27(1)(f)']);
  });

  test('related: SOM art. 10(1) cites UNTOC arts. 27 and 28, so the tools on arts. 27 and 28 are related to it', () => {
    const related = toolsAddressing(kg, 'SOM Protocol art. 10(1)(a)', { match: ['related'] }).results;
    expect(related.map((r) => [r.tool.id, r.via.citation])).toEqual([
      ['in-depth-training-manual', 'UNTOC art. 27'],
      ['legislative-guides', 'UNTOC art. 27'],
      ['in-depth-training-manual', 'UNTOC art. 28'],
    ]);
    expect(related[1]!.path.map((s) => s.relation)).toEqual(['partOf', 'cites', 'addressedBy']);
    expect(related[1]!.path[1]!.evidence[0]).toMatchObject({ basis: 'text', source: 'S2', note: 'without prejudice to' });
  });

  test('options: only some tools; bad options and inputs are typed errors with suggestions', () => {
    const only = toolsAddressing(kg, 'art. 27', { tools: ['in-depth-training-manual'] }).results;
    expect(only.every((r) => r.tool.id === 'in-depth-training-manual')).toBe(true);
    expect(only.length).toBeGreaterThan(0);
    expect(toolsAddressing(kg, 'art. 27').results.some((r) => r.tool.id !== 'in-depth-training-manual')).toBe(true);
    expect(fail(() => toolsAddressing(kg, 'art. 27', JSON.parse('{ "match": ["sideways"] }'))).code).toBe('invalid_input');
    expect(fail(() => toolsAddressing(kg, 'art. 27(1)(g)'))).toMatchObject({ code: 'unknown_provision', suggestions: ['art. 27(1)(f)', 'art. 27(1)(e)'] });
    expect(fail(() => toolsAddressing(kg, 'art. 27 para.'))).toMatchObject({ code: 'syntax', offset: 13 });
    expect(fail(() => toolsAddressing(kg, 'arts. 7–9'))).toMatchObject({ code: 'ambiguous' });
    expect(fail(() => toolsAddressing(kg, ''))).toMatchObject({ code: 'invalid_input' });
    expect(fail(() => toolsAddressing(kg, 'art. 27', { tools: ['legislative-guide'] }))).toMatchObject({ code: 'unknown_tool', suggestions: ['legislative-guides'] });
  });

  test('a provision IRI and an instrument id are accepted wherever a citation is', () => {
    expect(toolsAddressing(kg, id('art. 27(1)(e)')).results[0]!.match).toBe('exact');
    expect(toolsAddressing(kg, 'tip-protocol').results).toEqual([expect.objectContaining({ tool: expect.objectContaining({ id: 'legislative-guides' }), part: expect.objectContaining({ path: 'part_2' }), match: 'exact' })]);
  });
});

describe('provisionsAddressedBy', () => {
  test('Part One chapter V of the Guides addresses UNTOC art. 27 and each of para. 1 (a)–(f), in document order', () => {
    const { tool, part, results } = provisionsAddressedBy(kg, 'legislative-guides/part_1/chp_5');
    expect([tool.id, part?.label]).toEqual(['legislative-guides', 'Part One, chapter V']);
    expect(results.map((r) => [r.match, r.provision.citation])).toEqual([
      ['exact', 'UNTOC art. 27'],
      ...['a', 'b', 'c', 'd', 'e', 'f'].map((x) => ['exact', `UNTOC art. 27(1)(${x})`]),
    ]);
  });

  test('the whole tool: what its parts address is narrower, with the path down to the part', () => {
    const { results } = provisionsAddressedBy(kg, 'legislative-guides');
    expect(results.every((r) => r.match === 'narrower')).toBe(true);
    expect(results.map((r) => r.provision.citation)).toEqual(expect.arrayContaining(['UNTOC art. 27', 'SOM Protocol', 'TIP Protocol']));
    const som = results.find((r) => r.provision.citation === 'SOM Protocol')!;
    expect(som.path.map((s) => s.relation)).toEqual(['hasPart', 'addresses']);
  });

  test('a part inside a tool that addresses something as a whole: broader', () => {
    const { results } = provisionsAddressedBy(kg, 'framework-for-action/table_4');
    expect(results).toEqual([expect.objectContaining({ match: 'broader', provision: expect.objectContaining({ citation: 'SOM Protocol' }), part: null })]);
  });

  test('unknown tools and parts are typed errors with the nearest ids', () => {
    expect(fail(() => provisionsAddressedBy(kg, 'legislativ-guides'))).toMatchObject({ code: 'unknown_tool', suggestions: ['legislative-guides'] });
    const part = fail(() => provisionsAddressedBy(kg, 'legislative-guides/part_1/chp_6'));
    expect(part.code).toBe('unknown_part');
    expect(part.suggestions[0]).toBe('legislative-guides/part_1/chp_5');
  });
});

describe('toolsOnTheme', () => {
  test('international cooperation: the Basic Training Manual\'s module 8 exactly, the In-depth module 8 through law enforcement cooperation', () => {
    const results = toolsOnTheme(kg, 'international-cooperation').results;
    expect(results).toEqual(expect.arrayContaining([
      expect.objectContaining({ tool: expect.objectContaining({ id: 'basic-training-manual' }), part: expect.objectContaining({ path: 'module_8' }), match: 'exact' }),
      expect.objectContaining({ tool: expect.objectContaining({ id: 'in-depth-training-manual' }), part: expect.objectContaining({ path: 'module_8' }), match: 'narrower', theme: expect.objectContaining({ id: 'law-enforcement-cooperation' }) }),
    ]));
  });

  test('law enforcement cooperation: the In-depth module 8 exactly, the Basic module 8 through the broader theme', () => {
    const results = toolsOnTheme(kg, 'Law enforcement cooperation').results;
    expect(results.filter((r) => r.match === 'exact').map((r) => [r.tool.id, r.part?.path])).toEqual([
      ['in-depth-training-manual', 'module_8'],
      ['legislative-guides', 'part_1/chp_5'],
    ]);
    const basic = results.find((r) => r.tool.id === 'basic-training-manual')!;
    expect(basic).toMatchObject({ match: 'broader', theme: { id: 'international-cooperation' } });
    expect(basic.path.map((s) => s.relation)).toEqual(['broader', 'subjectOf']);
  });

  test('narrower matches come nearest theme first: a child theme before a grandchild, whatever the tool', () => {
    // A test tool whose id sorts last, on international cooperation (a child of cooperation); the directory's
    // extradition category is on a grandchild.
    const zz = { type: 'tool', id: 'zz-test-tool', kind: 'issue-paper', title: 'ZZ test tool', structure: { completeness: 'complete' }, sources: ['seed'], links: [{ themes: ['international-cooperation'], basis: 'curated', source: 'seed', note: 'test' }] };
    const narrower = toolsOnTheme(loadGraph({ dataset: buildDataset([{ file: 'zz.yaml', data: zz }], { base: bundledDataset() }) }), 'cooperation', { match: ['narrower'] }).results;
    const depth = narrower.map((r) => r.path.length - 1);
    expect(new Set(depth)).toEqual(new Set([1, 2]));
    expect(depth).toEqual([...depth].sort((x, y) => x - y));
    expect(narrower.find((r) => r.tool.id === 'zz-test-tool')).toMatchObject({ theme: { id: 'international-cooperation' } });
  });

  test('user data joins through loadGraph({ dataset }); the former add option fails and says what to call', () => {
    const error = fail(() => loadGraph(JSON.parse('{ "add": [] }')));
    expect(error).toMatchObject({ code: 'invalid_input', operation: 'loadGraph', suggestions: ['dataset'] });
    expect(error.message).toContain('untoc-kg/data');
  });

  test('an unknown theme suggests the nearest', () => {
    expect(fail(() => toolsOnTheme(kg, 'law-enforcement'))).toMatchObject({ code: 'unknown_theme', suggestions: expect.arrayContaining(['law-enforcement-cooperation']) });
  });
});

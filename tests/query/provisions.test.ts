/**
 * provision(), themesOf(), search() and explainPath() on the curated graph.
 */
import { describe, expect, test } from 'vitest';
import { loadGraph } from '../../src/kg.js';
import { failure } from '../helpers/errors.js';
import { explainPath } from '../../src/query/paths.js';
import { provision } from '../../src/query/provisions.js';
import { themesOf } from '../../src/query/themes.js';
import { search } from '../../src/query/search.js';

const kg = loadGraph();
const fail = failure;

describe('provision', () => {
  test('SOM art. 8(6): heading, instrument, parents nearest first, theme inherited from chapter II, the directory', () => {
    const p = provision(kg, 'SOM Protocol art. 8(6)');
    expect(p).toMatchObject({ citation: 'SOM Protocol art. 8(6)', level: 'paragraph', eid: 'art_8__para_6', number: '6', heading: 'Measures against the smuggling of migrants by sea' });
    expect(p.instrumentTitle).toMatch(/^Protocol against the Smuggling of Migrants/);
    expect(p.parents.map((x) => x.citation)).toEqual(['SOM Protocol art. 8', 'SOM Protocol chapter II', 'SOM Protocol']);
    expect(p.themes).toEqual([expect.objectContaining({ theme: expect.objectContaining({ id: 'smuggling-of-migrants-by-sea' }), match: 'inherited', via: expect.objectContaining({ label: 'SOM Protocol chapter II' }) })]);
    expect(p.tools.filter((t) => t.match === 'exact').map((t) => t.tool.id)).toEqual(['cna-directory']);
    expect(p.discrepancies).toEqual([expect.objectContaining({ role: 'accepted' })]);
    expect(p.summary).toMatch(/shall designate an authority/);
    expect(p.authorities.map((a) => a.name)).toEqual(['Bundesamt für Seeschifffahrt und Hydrographie', 'Ministry of the Interior', 'Ministry of Transport']);
    expect(provision(kg, 'SOM Protocol art. 8(5)').authorities).toEqual([]);
  });

  test('UNTOC art. 27: children, the references it receives, its theme', () => {
    const p = provision(kg, 'art. 27');
    expect(p.children.map((c) => c.citation)).toEqual(['UNTOC art. 27(1)', 'UNTOC art. 27(2)', 'UNTOC art. 27(3)']);
    expect(p.references.in.map((r) => [r.provision.citation, r.note])).toEqual([
      ['UNTOC art. 7(1)(b)', 'without prejudice to'],
      ['SOM Protocol art. 10(1)', 'without prejudice to'],
      ['SOM Protocol art. 11(6)', 'without prejudice to'],
      ['TIP Protocol art. 11(6)', 'without prejudice to'],
    ]);
    expect(p.references.in[1]!.evidence[0]).toMatchObject({ basis: 'text', source: 'S2' });
    expect(p.themes.map((t) => [t.theme.id, t.match])).toEqual([['law-enforcement-cooperation', 'exact']]);
  });

  test('SOM art. 10(1) cites UNTOC arts. 27 and 28; a chapter lists its articles; an instrument works too', () => {
    expect(provision(kg, 'SOM Protocol art. 10(1)').references.out.map((r) => r.provision.citation)).toEqual(['UNTOC art. 27', 'UNTOC art. 28']);
    expect(provision(kg, 'chapter II of the Protocol').children.map((c) => c.citation)).toEqual(['SOM Protocol art. 7', 'SOM Protocol art. 8', 'SOM Protocol art. 9']);
    expect(provision(kg, 'drug-convention-1988')).toMatchObject({ level: 'instrument', partial: true });
  });
});

describe('themesOf', () => {
  test('a part inherits the themes of its tool', () => {
    const themes = themesOf(kg, 'in-depth-training-manual/module_8').themes.map((t) => [t.theme.id, t.match]);
    expect(themes).toEqual([
      ['law-enforcement-cooperation', 'exact'],
      ['information-sharing', 'exact'],
      ['training-and-technical-assistance', 'inherited'],
      ['prosecution', 'inherited'],
    ]);
  });
});

describe('search', () => {
  test('"liaison officers" finds UNTOC art. 27(1)(d)', () => {
    expect(search(kg, 'liaison officers')[0]).toMatchObject({ kind: 'provision', label: 'UNTOC art. 27(1)(d)', field: 'summary' });
  });

  test('"sea" finds chapter II of the SOM Protocol, art. 8, the themes and the directory\'s category', () => {
    const labels = search(kg, 'sea', { limit: 30 }).map((h) => h.label);
    for (const expected of ['SOM Protocol chapter II', 'SOM Protocol art. 8', 'Smuggling of migrants by sea', 'Sea patrol', 'Issue Paper: Smuggling of Migrants by Sea']) {
      expect(labels).toContain(expected);
    }
    expect(labels.some((l) => l.includes('competent national authorities, Smuggling of migrants by sea'))).toBe(true);
  });

  test('case, accents, punctuation and plurals do not matter', () => {
    const a = search(kg, 'LAW-ENFORCEMENT coöperation').map((h) => h.iri);
    expect(a).toEqual(search(kg, 'law enforcement cooperation').map((h) => h.iri));
    expect(a.length).toBeGreaterThan(0);
    expect(search(kg, 'training manuals')[0]!.label).toMatch(/Training Manual/);
  });

  test('a citation names its provision first', () => {
    expect(search(kg, 'SOM art. 8(6)')[0]).toMatchObject({ kind: 'provision', label: 'SOM Protocol art. 8(6)', field: 'citation' });
  });

  test('an empty query is a typed error with suggestions', () => {
    expect(fail(() => search(kg, '  ?! '))).toMatchObject({ code: 'empty_query', suggestions: expect.arrayContaining(['sea']) });
  });

  test('kinds and limit', () => {
    const themes = search(kg, 'cooperation', { kinds: ['theme'] });
    expect(themes.every((h) => h.kind === 'theme')).toBe(true);
    expect(themes.map((h) => h.label)).toContain('International cooperation');
    expect(search(kg, 'cooperation', { limit: 2 })).toHaveLength(2);
  });
});

describe('explainPath', () => {
  test('from a provision to a tool, each step typed and the links with their evidence', () => {
    const { steps } = explainPath(kg, 'art. 27 para. 1(a)', 'legislative-guides');
    expect(steps.map((s) => [s.from.label, s.relation, s.to.label])).toEqual([
      ['UNTOC art. 27(1)(a)', 'addressedBy', expect.stringContaining('Part One, chapter V')],
      [expect.stringContaining('Part One, chapter V'), 'partOf', expect.stringContaining('Part One')],
      [expect.stringContaining('Part One'), 'partOf', expect.stringContaining('Legislative Guides')],
    ]);
    expect(steps[0]!.evidence[0]).toMatchObject({ basis: 'source', source: 'seed' });
  });

  test('steps chain: each step starts where the previous ended', () => {
    const { from, to, steps } = explainPath(kg, 'basic-training-manual/module_8', 'SOM Protocol art. 8(6)');
    expect(steps[0]!.from.iri).toBe(from.iri);
    expect(steps.at(-1)!.to.iri).toBe(to.iri);
    for (let i = 1; i < steps.length; i++) expect(steps[i]!.from.iri).toBe(steps[i - 1]!.to.iri);
  });

  test('no path within the limit, unknown nodes: typed errors', () => {
    expect(fail(() => explainPath(kg, 'art. 1', 'SOM Protocol art. 8(6)', { maxSteps: 2 })).code).toBe('no_path');
    expect(fail(() => explainPath(kg, 'no-such-tool', 'art. 1'))).toMatchObject({ code: 'unknown_node' });
    expect(fail(() => explainPath(kg, 'legislative-guides/part_9', 'art. 1'))).toMatchObject({ code: 'unknown_part' });
  });
});

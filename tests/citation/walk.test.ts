/**
 * The structure walk (src/citation/walk.ts) finds exactly what a lookup of the provision IRI finds: on every provision
 * of the bundled graph, on paths that name none, and with and without the walk in the lookup.
 */
import { describe, expect, test } from 'vitest';
import { pathToEid } from '../../src/citation/path.js';
import { resolveCitation, type StructureLookup } from '../../src/citation/resolve.js';
import type { PathSegment } from '../../src/citation/types.js';
import { provisionWalk } from '../../src/citation/walk.js';
import { loadCore } from '../../src/core.js';
import { parseEid, provisionId } from '../../src/model/ids.js';
import { failure } from '../helpers/errors.js';

const kg = loadCore();
const walk = provisionWalk(kg.dataset.instruments, kg.dataset.provisions);

describe('provisionWalk', () => {
  test('finds every provision of the bundled graph at its eId path', () => {
    for (const record of kg.dataset.provisions) {
      const instrument = kg.index.instrumentRecord(record.instrument)!;
      expect(walk(instrument.iri, parseEid(record.eid)!)).toBe(record);
    }
  });

  test.each([
    // A printed number is cleaned as in the eId: "5.A" is art_5-a (the Model Law's lettered articles).
    ['model-law', [{ element: 'art', num: '5.A' }], 'art_5-a'],
    ['untoc', [{ element: 'art', num: '27' }, { element: 'para', num: '1' }, { element: 'point', num: 'e' }], 'art_27__para_1__point_e'],
  ] as const)('%s %j is %s', (id, path, eid) => {
    expect(walk(kg.index.instrumentRecord(id)!.iri, path)?.eid).toBe(eid);
  });

  test.each([
    ['an article beyond the last', [{ element: 'art', num: '99' }]],
    ['a paragraph where the article has points', [{ element: 'art', num: '2' }, { element: 'para', num: '1' }]],
    ['a point below a point that has none', [{ element: 'art', num: '27' }, { element: 'para', num: '1' }, { element: 'point', num: 'e' }, { element: 'point', num: 'i' }]],
  ] as const)('misses %s, as the IRI lookup does', (_, path) => {
    const untoc = kg.index.instrumentRecord('untoc')!;
    expect(walk(untoc.iri, path as readonly PathSegment[])).toBeUndefined();
    expect(kg.index.provisionRecord(provisionId(untoc.iri, pathToEid(path)))).toBeUndefined();
  });

  test('misses an instrument it does not hold', () => {
    expect(walk('https://example.org/nothing', [{ element: 'art', num: '1' }])).toBeUndefined();
  });

  test.each([
    'art. 27 para. 1(e)',
    'arts. 7–9 of the Protocol',
    'art. 27 para. 1(a)–(f)',
    'Model Law art. 5.A',
    'chapter II of the Protocol',
    'art_27__para_1__point_e',
  ])('resolving %s with the walk and without it gives the same answer', (text) => {
    const { provisionAt: _, ...byIri } = kg.index;
    const withoutWalk: StructureLookup = byIri;
    expect(resolveCitation({ index: withoutWalk }, text)).toEqual(resolveCitation(kg, text));
  });

  test.each(['art. 27(1)(g)', 'art. 99', 'SOM Protocol art. 8(6)(a)'])('%s fails the same way with the walk and without it', (text) => {
    const { provisionAt: _, ...byIri } = kg.index;
    const without = failure(() => resolveCitation({ index: byIri }, text));
    const withWalk = failure(() => resolveCitation(kg, text));
    expect(withWalk).toMatchObject({ code: without.code, message: without.message, suggestions: without.suggestions });
  });
});

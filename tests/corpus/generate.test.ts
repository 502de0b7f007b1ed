/**
 * The corpus generator: what it makes reads back without a problem, has the counts asked for, says it is synthetic,
 * is the same for the same seed, and links to real provisions with every basis.
 */
import { describe, expect, test } from 'vitest';
import { loadCore } from '../../src/core.js';
import { estimateCorpusTriples, generateCorpus } from '../../src/corpus/generate.js';
import { readCorpus, readCorpusLines } from '../../src/corpus/read.js';
import { CorpusLine } from '../../src/corpus/records.js';
import { failure } from '../helpers/errors.js';

const kg = loadCore();

describe('generateCorpus', () => {
  test('reads back without errors, with the counts asked for', () => {
    const { corpus, errors } = readCorpusLines(kg, [...generateCorpus({ laws: 40, cases: 60, seed: 3 })]);
    expect(errors).toEqual([]);
    expect(corpus.legislation).toHaveLength(40);
    expect(corpus.cases).toHaveLength(60);
    expect(corpus.sections.length).toBeGreaterThanOrEqual(80);
    expect(new Set(corpus.links.map((l) => l.basis))).toEqual(new Set(['curated', 'source', 'text']));
    expect(corpus.links.some((l) => l.toKind === 'section')).toBe(true);
  });

  test('is plainly synthetic: header, ids, titles, URLs', () => {
    const lines = [...generateCorpus({ laws: 3, cases: 3, seed: 1 })];
    const records = lines.map((l) => CorpusLine.parse(JSON.parse(l)));
    expect(records[0]).toMatchObject({ type: 'corpus', synthetic: true, note: expect.stringMatching(/invented/) });
    for (const r of records) {
      if (r.type === 'legislation') {
        expect(r.id).toMatch(/^SYN-[A-Z]{3}-\d{4}$/);
        expect(r.title).toMatch(/^Synthetic law \d+ \(generated test data\)$/);
      }
      if (r.type === 'case') {
        expect(r.id).toMatch(/^SYN-[A-Z]{3}x\d{4}$/);
        expect(r.title).toMatch(/\(generated test data\)$/);
        expect(r.url).toMatch(/^https:\/\/example\.org\//);
      }
    }
  });

  test('the same seed gives the same corpus; another seed another', () => {
    const a = [...generateCorpus({ laws: 5, cases: 5, seed: 9 })];
    expect([...generateCorpus({ laws: 5, cases: 5, seed: 9 })]).toEqual(a);
    expect([...generateCorpus({ laws: 5, cases: 5, seed: 10 })]).not.toEqual(a);
  });

  test('the States asked for, and only those', () => {
    const { corpus } = readCorpusLines(kg, [...generateCorpus({ laws: 10, cases: 10, states: ['IT', 'GRC'] })]);
    expect(new Set([...corpus.legislation, ...corpus.cases].map((d) => d.state))).toEqual(new Set(['IT', 'GR']));
  });

  test('text links are named in the text they come from', () => {
    const { corpus } = readCorpusLines(kg, [...generateCorpus({ laws: 20, cases: 0, seed: 4 })]);
    const section = corpus.sections.find((s) => corpus.links.some((l) => l.from === s.iri && l.basis === 'text'))!;
    expect(section.text!['en']).toMatch(/It gives effect to (UNTOC|SOM Protocol) art\./);
  });

  test('options.triples sizes the corpus; the estimate is near what it asks', async () => {
    const lines = [...generateCorpus({ triples: 20_000, seed: 2 })];
    const { corpus } = await readCorpus(kg, lines);
    expect(corpus.legislation.length).toBe(corpus.cases.length);
    const estimate = estimateCorpusTriples({ laws: corpus.legislation.length, cases: corpus.cases.length });
    expect(estimate).toBeGreaterThan(18_000);
    expect(estimate).toBeLessThan(22_000);
  });

  test.each([
    [{ laws: -1 }, 'invalid_input'],
    [{ cases: 1.5 }, 'invalid_input'],
    [{ seed: Number.NaN }, 'invalid_input'],
    [{ states: ['XX'] }, 'unknown_state'],
    [{ states: [] }, 'invalid_input'],
  ])('bad options %j: %s', (options, code) => {
    expect(failure(() => [...generateCorpus(options)]).code).toBe(code);
  });
});

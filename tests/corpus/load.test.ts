/**
 * Loading a corpus to queryable: what `readCorpus` takes as input (lines in memory or a stream give the same corpus),
 * what `withCorpora` builds (the corpus lookup; the index of the graph it is given is shared, since the dataset is),
 * and the calendar check of dates, case by case.
 */
import { describe, expect, test } from 'vitest';
import { isCalendarDate, readCorpus, readCorpusLines } from '../../src/corpus/read.js';
import { KnowledgeGraph, loadGraph, withCorpora } from '../../src/kg.js';
import { documentsAddressing } from '../../src/query/documents.js';
import { exampleLines } from './helpers.js';

const kg = loadGraph();
const lines = exampleLines().split('\n');

describe('readCorpus input', () => {
  async function* stream(): AsyncIterable<string> {
    for (const line of lines) yield line;
  }
  function* generated(): Iterable<string> {
    yield* lines;
  }
  const expected = readCorpusLines(kg, lines);

  test.each([
    ['an array of lines', () => lines],
    ['a generator of lines', () => generated()],
    ['an async iterable of lines', () => stream()],
    ['lines as promises (awaited as `for await` awaits them)', () => lines.map((l) => Promise.resolve(l)) as unknown as Iterable<string>],
  ])('%s gives the same corpus as readCorpusLines', async (_, input) => {
    expect(await readCorpus(kg, input())).toEqual(expected);
  });

  test('a bad line in a sync iterable rejects (it does not throw synchronously)', async () => {
    const promise = readCorpus(kg, ['{"type":"nothing"}']);
    await expect(promise).rejects.toMatchObject({ code: 'corpus_invalid' });
  });
});

describe('withCorpora', () => {
  const { corpus } = readCorpusLines(kg, lines);

  test('shares the index of the graph it is given (same dataset) and builds the corpus lookup', () => {
    const kg2 = withCorpora(kg, [corpus]);
    expect(kg2.index).toBe(kg.index);
    expect(kg2.dataset).toBe(kg.dataset);
    expect(kg2.corpus.corpora).toEqual([corpus]);
    expect(kg.corpus.corpora).toEqual([]);
  });

  test('a graph made with new KnowledgeGraph builds its own index', () => {
    expect(new KnowledgeGraph(kg.dataset).index).not.toBe(kg.index);
  });

  test('answers on the shared index are those on an index of its own', () => {
    const shared = withCorpora(kg, [corpus]);
    const own = new KnowledgeGraph(kg.dataset, [corpus]);
    for (const provision of ['SOM Protocol art. 6(1)(a)', 'SOM Protocol art. 6', 'UNTOC art. 5']) {
      expect(documentsAddressing(shared, provision)).toEqual(documentsAddressing(own, provision));
    }
  });
});

describe('isCalendarDate', () => {
  test.each([
    ['2024-02-29', true, 'leap year'],
    ['2000-02-29', true, 'leap century'],
    ['1900-02-29', false, 'century, not leap'],
    ['2023-02-29', false, 'common year'],
    ['2024-04-31', false, 'April has 30 days'],
    ['2024-12-31', true, 'last day'],
    ['0000-01-01', true, 'year zero is written'],
    ['2024-13-01', false, 'month 13'],
    ['2024-00-10', false, 'month 0'],
    ['2024-01-00', false, 'day 0'],
    ['2024-1-01', false, 'one-digit month'],
    ['2024-01-01\n', false, 'trailing newline'],
    [' 2024-01-01', false, 'leading space'],
    ['2024/01/01', false, 'slashes'],
    ['２０２４-01-01', false, 'full-width digits'],
    ['', false, 'empty'],
  ])('%s → %s (%s)', (value, expected) => {
    expect(isCalendarDate(value)).toBe(expected);
  });
});

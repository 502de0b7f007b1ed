/**
 * Stress cases for research corpora: hostile JSON Lines and CSV for the readers. Each must answer (or fail with a
 * typed error) in time that grows linearly with the input.
 */
import { loadCore } from '../../dist/index.js';
import { readCorpusCsv, readCorpusLines } from '../../dist/data.js';
import type { StressCase } from '../stress.js';

const kg = loadCore();

export const cases: StressCase[] = [
  {
    name: 'readCorpusLines: one huge line (a title far over its limit)',
    make: (bytes) => `{"type":"legislation","id":"EXAMPLE-x","state":"IT","title":"${'a'.repeat(bytes)}"}`,
    run: (input) => readCorpusLines(kg, input as string, { keepGood: true }),
  },
  {
    name: 'readCorpusLines: many lines, each a bad record of another kind',
    make: (bytes) => {
      const lines: string[] = [];
      for (let i = 0, size = 0; size < bytes; i++) {
        const line = [
          `{"type":"case","id":"EXAMPLE-${i}","state":"Q${i % 7}","title":"Example (synthetic)","decisionDate":"2014-02-3${i % 10}"}`,
          `{"type":"legislation","id":"EXAMPLE-${i}","state":"IT","title":"x","extra":${i}}`,
          '{"type":"section"',
        ][i % 3]!;
        lines.push(line);
        size += line.length + 1;
      }
      return lines.join('\n');
    },
    run: (input) => readCorpusLines(kg, input as string, { keepGood: true }),
  },
  {
    name: 'readCorpusCsv: a quoted field that never closes',
    make: (bytes) => `id,state,title\r\n"${'a,"'.repeat(Math.ceil(bytes / 3))}`,
    run: (input) => readCorpusCsv(kg, { 'legislation.csv': input as string }, { keepGood: true }),
  },
  {
    name: 'readCorpusCsv: many sections and as many links from sections that do not exist',
    make: (bytes) => {
      const sections = ['legislation,number'];
      const links = ['from,provision,basis,note'];
      for (let i = 0, size = 0; size < bytes; i++) {
        sections.push(`EXAMPLE-law,${i}`);
        links.push(`EXAMPLE-law#x${i},SOM Protocol art. 6,curated,example`);
        size += 60;
      }
      return { 'legislation.csv': 'id,state,title\r\nEXAMPLE-law,IT,Example law (synthetic)\r\n', 'sections.csv': sections.join('\r\n'), 'links.csv': links.join('\r\n') };
    },
    run: (input) => readCorpusCsv(kg, input as Record<string, string>, { keepGood: true }),
  },
];

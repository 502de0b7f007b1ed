/**
 * Stress cases for the directory import (`importDirectory`): adversarial CSV and JSON from 1 KB to 1 MB — many bad
 * rows, very long cells, many columns, deeply nested JSON. Each must fail with the typed error (or import) in time
 * linear in the size.
 */
import { bundledDataset } from '../../dist/index.js';
import { importDirectory } from '../../dist/data.js';
import type { StressCase } from '../stress.js';

const base = bundledDataset();
const OPTIONS = { base, asOf: '2000-01-01', example: true } as const;
const HEADER = 'name,state,categories,provisions,email,urgentViaInterpol,notes';

/** Rows made by `row(i)` until the text is about `bytes` long. */
function rowsUpTo(bytes: number, header: string, row: (i: number) => string): string {
  const lines = [header];
  let size = header.length;
  for (let i = 0; size < bytes; i++) {
    const line = row(i);
    lines.push(line);
    size += line.length + 1;
  }
  return `${lines.join('\n')}\n`;
}

const csv = (text: string) => importDirectory(text, { ...OPTIONS, format: 'csv' });
const json = (text: string) => importDirectory(text, { ...OPTIONS, format: 'json' });

export const cases: StressCase<string>[] = [
  {
    name: 'CSV, every row bad (unknown State, category, provision, e-mail, flag)',
    make: (bytes) => rowsUpTo(bytes, HEADER, (i) => `Authority ${i} (example data),X${i % 10}Y,smugling-by-sea,SOM art. ${i + 100},not-mail-${i},perhaps,"note, ${i}"`),
    run: csv,
  },
  {
    name: 'CSV, good rows with one bad row at the end (kept rows validated again)',
    make: (bytes) => rowsUpTo(bytes, HEADER, (i) => `Authority ${i} (example data),DE,smuggling-of-migrants-by-sea,SOM Protocol art. 8(6),a${i}@example.org,yes,n`) + 'Bad (example data),ZZ,x,,,,\n',
    run: (text) => importDirectory(text, { ...OPTIONS, format: 'csv', keepGoodRows: true }),
  },
  {
    name: 'CSV, one very long name, provision and notes cell',
    make: (bytes) => {
      const n = Math.max(1, Math.floor(bytes / 3));
      return `${HEADER}\n"${'N'.repeat(n)}",DE,smuggling-of-migrants-by-sea,SOM Protocol art. 8(6)${' x'.repeat(n / 2)},,yes,"${'"" ,'.repeat(n / 4)}"\n`;
    },
    run: csv,
  },
  {
    name: 'CSV, many unknown columns',
    make: (bytes) => {
      const columns = ['name', 'state', 'categories'];
      for (let i = 0, size = 0; size < bytes / 2; i++) size += (columns[columns.push(`colum${i}`) - 1]!.length + 1);
      return `${columns.join(',')}\n${columns.map((_, i) => `v${i}`).join(',')}\n`;
    },
    run: csv,
  },
  {
    name: 'CSV, unterminated quotes and stray quotes on every row',
    make: (bytes) => rowsUpTo(bytes, HEADER, (i) => (i % 2 ? `a"b,DE,x"y,,,,` : `"Authority ${i},DE,"prevention"x,,,,`)),
    run: csv,
  },
  {
    name: 'JSON, deeply nested values in an entry and in the document',
    make: (bytes) => {
      const depth = Math.max(1, Math.floor(bytes / 4));
      return `{"asOf":"2000-01-01","note":${'['.repeat(depth)}${']'.repeat(depth)},"authorities":[{"name":${'{"a":'.repeat(depth / 4)}1${'}'.repeat(depth / 4)},"state":"DE"}]}`;
    },
    run: json,
  },
  {
    name: 'JSON, many entries of the wrong type and shape',
    make: (bytes) => {
      const items: string[] = [];
      for (let i = 0, size = 0; size < bytes; i++) {
        const item = [`${i}`, 'null', '"x"', `{"name":${i},"state":[],"categories":"c","extra${i}":true}`, `{"name":"A ${i}","state":"Germany","provisions":["art. ${i}x"]}`][i % 5]!;
        items.push(item);
        size += item.length + 1;
      }
      return `{"asOf":"2000-01-01","authorities":[${items.join(',')}]}`;
    },
    run: json,
  },
];

/**
 * A research corpus as CSV: one file per record type (`legislation.csv`, `sections.csv`, `cases.csv`, `links.csv`,
 * and optionally `sources.csv` and `corpus.csv`), with the columns of {@link CORPUS_CSV_COLUMNS} (data/README.md
 * documents them). Each row becomes the JSON Lines record of the same fields, and the records go through the same
 * reader (`readCorpusLines`), so a bad row has the same codes as a bad line; its error names the file, the row (the
 * header is row 1) and the column.
 *
 * Lists (`languages`, `abbreviations`, `crimeTypes`, `sources`, `crossCuttingIssues`) are separated by `;`. Texts in
 * languages other than English go in columns named `heading:it`, `text:it`, `factSummary:fr`. A link's row names what
 * links (`from`: a section as `{law id}#{number}`, or a case id) and what it links to (`provision`, or for a case a
 * `section`). Pure: the caller reads the files (`readCorpusFile` in `untoc-kg/node` does).
 *
 * @module
 */
import type { KnowledgeGraphCore } from '../core.js';
import { parseCsv } from '../directory/csv.js';
import { closest } from '../util/closest.js';
import { CorpusInvalidError, readCorpusLines, type CorpusErrorCode, type CorpusReadResult, type CorpusRowError, type ReadCorpusOptions } from './read.js';

/** The files of a CSV corpus and their columns; the first ones listed for each file are required. */
export const CORPUS_CSV_COLUMNS = {
  'corpus.csv': ['id', 'title', 'synthetic', 'note'],
  'sources.csv': ['id', 'title', 'url'],
  'legislation.csv': ['id', 'state', 'title', 'officialId', 'date', 'url', 'languages', 'abbreviations', 'crimeTypes', 'note'],
  'sections.csv': ['legislation', 'number', 'parent', 'heading', 'text'],
  'cases.csv': ['id', 'state', 'title', 'court', 'decisionDate', 'crimeTypes', 'legalSystem', 'factSummary', 'sources', 'crossCuttingIssues', 'url', 'note'],
  'links.csv': ['from', 'basis', 'provision', 'section', 'source', 'locator', 'note'],
} as const;

/** The name of a file of a CSV corpus. */
export type CorpusCsvFile = keyof typeof CORPUS_CSV_COLUMNS;

/** The names of the files, in the order they are read. */
export const CORPUS_CSV_FILES = Object.keys(CORPUS_CSV_COLUMNS) as readonly CorpusCsvFile[];

const REQUIRED: Record<CorpusCsvFile, readonly string[]> = {
  'corpus.csv': ['id', 'title'],
  'sources.csv': ['id', 'title'],
  'legislation.csv': ['id', 'state', 'title'],
  'sections.csv': ['legislation', 'number'],
  'cases.csv': ['id', 'state', 'title'],
  'links.csv': ['from', 'basis'],
};
const LISTS = new Set(['languages', 'abbreviations', 'crimeTypes', 'sources', 'crossCuttingIssues']);
/** How many unknown names get the nearest known ones as suggestions. */
const SUGGESTED = 5;
/** Columns that hold text per language: `heading` (English) and `heading:it`. */
const LANGUAGE_COLUMNS = new Set(['heading', 'text', 'factSummary']);

/** A problem in a CSV corpus: a {@link CorpusRowError} whose `line` is the row of `file` and `field` its column. */
export interface CorpusCsvError extends CorpusRowError {
  readonly file: CorpusCsvFile;
}

/** Where each record handed to the reader came from: its file and row, and the rows of `links.csv` of its links. */
interface Origin {
  readonly file: CorpusCsvFile;
  readonly row: number;
  readonly links: number[];
}

/** A record as built from a row: the JSON Lines record of the same fields. */
interface Row {
  [field: string]: string | boolean | string[] | Record<string, string> | Row[];
}

/** The language map of a field of a row (`heading`), made when it is not there yet. */
function languageMap(value: Row, field: string): Record<string, string> {
  const found = value[field];
  if (typeof found === 'object' && !Array.isArray(found)) return found;
  const made: Record<string, string> = {};
  value[field] = made;
  return made;
}

/** Reads one file's rows into objects (empty cells left out), reporting bad quoting and bad or missing columns. */
function rowsOf(file: CorpusCsvFile, text: string, errors: CorpusCsvError[]): { row: number; value: Row }[] {
  const { records, problems } = parseCsv(text);
  for (const p of problems) errors.push({ file, line: p.row, field: `column ${p.field}`, code: 'invalid_value', message: p.message });
  const [header, ...body] = records;
  if (!header) return [];
  const known: readonly string[] = CORPUS_CSV_COLUMNS[file];
  const columns = header.fields.map((name) => name.trim());
  const bad = columns.filter((c) => !known.includes(c) && !(c.includes(':') && LANGUAGE_COLUMNS.has(c.slice(0, c.indexOf(':'))) && known.includes(c.slice(0, c.indexOf(':')))));
  for (const c of bad) errors.push({ file, line: header.row, field: c, code: 'unknown_field', message: `unknown column "${c.slice(0, 80)}" in ${file}`, suggestions: closest(c, known, 3) });
  const missing = REQUIRED[file].filter((c) => !columns.includes(c));
  for (const c of missing) errors.push({ file, line: header.row, field: c, code: 'missing_value', message: `${file} has no column "${c}"` });
  if (bad.length > 0 || missing.length > 0) return [];
  return body.map((record) => {
    const value: Row = {};
    record.fields.forEach((cell, k) => {
      const column = columns[k];
      const text = cell.trim();
      if (column === undefined || text === '') return;
      const colon = column.indexOf(':');
      if (colon > 0) {
        languageMap(value, column.slice(0, colon))[column.slice(colon + 1)] = text;
      } else if (LANGUAGE_COLUMNS.has(column)) {
        languageMap(value, column)['en'] = text;
      } else if (LISTS.has(column)) {
        value[column] = text.split(';').map((s) => s.trim()).filter((s) => s.length > 0);
      } else {
        value[column] = column === 'synthetic' ? /^(?:true|yes|1)$/i.test(text) : text;
      }
    });
    if (record.fields.length > columns.length) errors.push({ file, line: record.row, field: `column ${columns.length + 1}`, code: 'unknown_field', message: `row ${record.row} has ${record.fields.length} fields; the header has ${columns.length}` });
    return { row: record.row, value };
  });
}

/** The records of a CSV corpus as JSON Lines, with where each came from. */
function toLines(files: Readonly<Partial<Record<CorpusCsvFile, string>>>, errors: CorpusCsvError[]): { lines: string[]; origins: Origin[] } {
  const lines: string[] = [];
  const origins: Origin[] = [];
  const read = (file: CorpusCsvFile) => (files[file] === undefined ? [] : rowsOf(file, files[file]!, errors));
  const emit = (file: CorpusCsvFile, row: number, record: Row): Origin => {
    const origin: Origin = { file, row, links: [] };
    lines.push(JSON.stringify(record));
    origins.push(origin);
    return origin;
  };
  const corpus = read('corpus.csv');
  if (corpus[0]) emit('corpus.csv', corpus[0].row, { type: 'corpus', ...corpus[0].value });
  for (const extra of corpus.slice(1)) errors.push({ file: 'corpus.csv', line: extra.row, code: 'duplicate_id', message: 'corpus.csv has one row' });
  for (const { row, value } of read('sources.csv')) emit('sources.csv', row, { type: 'source', ...value });
  for (const { row, value } of read('legislation.csv')) emit('legislation.csv', row, { type: 'legislation', ...value });

  // Links, by what links: a section (`{law id}#{number}`) or a case id.
  const links = new Map<string, { row: number; value: Row }[]>();
  for (const link of read('links.csv')) {
    const from = String(link.value['from']);
    const list = links.get(from);
    if (list) list.push(link);
    else links.set(from, [link]);
  }
  const attach = (from: string, property: 'implements' | 'applies', record: Row, origin: Origin): void => {
    const own = links.get(from);
    if (!own) return;
    links.delete(from);
    const out: Row[] = [];
    for (const { row, value } of own) {
      const { from: _from, ...rest } = value;
      if (property === 'implements' && rest['section'] !== undefined) {
        errors.push({ file: 'links.csv', line: row, field: 'section', code: 'invalid_value', message: `a section implements a treaty provision; "${from.slice(0, 80)}" cannot link to a section` });
        continue;
      }
      out.push(rest);
      origin.links.push(row);
    }
    record[property] = out;
  };
  const sectionKeys: string[] = [];
  for (const { row, value } of read('sections.csv')) {
    const key = `${String(value['legislation'])}#${value['parent'] !== undefined ? `${String(value['parent'])}/` : ''}${String(value['number'])}`;
    sectionKeys.push(key);
    const record: Row = { type: 'section', ...value };
    const origin = emit('sections.csv', row, record);
    attach(key, 'implements', record, origin);
    lines[lines.length - 1] = JSON.stringify(record);
  }
  const caseIds: string[] = [];
  for (const { row, value } of read('cases.csv')) {
    caseIds.push(String(value['id']));
    const record: Row = { type: 'case', ...value };
    const origin = emit('cases.csv', row, record);
    attach(String(value['id']), 'applies', record, origin);
    lines[lines.length - 1] = JSON.stringify(record);
  }
  // Links whose `from` names nothing in the corpus; the nearest names are looked for only for the first few, so that
  // a file of thousands of bad links costs no more than reading it.
  let suggested = 0;
  for (const [from, rows] of links) {
    const section = from.includes('#');
    const code: CorpusErrorCode = section ? 'unknown_section' : 'invalid_value';
    const suggestions = suggested++ < SUGGESTED ? closest(from, section ? sectionKeys : caseIds, 3) : [];
    for (const { row } of rows) {
      errors.push({ file: 'links.csv', line: row, field: 'from', code, message: `no ${section ? 'section' : 'case'} "${from.slice(0, 80)}" in this corpus`, suggestions });
    }
  }
  return { lines, origins };
}

/** The reader's error on a record, as the row and column of the file it came from. */
function locate(error: CorpusRowError, origins: readonly Origin[]): CorpusCsvError {
  const origin = origins[error.line - 1];
  if (!origin) return { ...error, file: 'legislation.csv' };
  const path = error.field?.split('.') ?? [];
  if ((path[0] === 'implements' || path[0] === 'applies') && path[1] !== undefined) {
    const row = origin.links[Number(path[1])];
    if (row !== undefined) return { ...error, file: 'links.csv', line: row, field: path[2] ?? 'from' };
  }
  const column = path[0] === undefined ? undefined : LANGUAGE_COLUMNS.has(path[0]) && path[1] !== undefined && path[1] !== 'en' ? `${path[0]}:${path[1]}` : path[0];
  const { field: _field, ...rest } = error;
  return { ...rest, ...(column !== undefined && { field: column }), file: origin.file, line: origin.row };
}

/**
 * Reads a research corpus from CSV files (their texts, by file name): each row becomes the JSON Lines record of the
 * same fields and goes through the same reader, so the problems have the same codes, located by file, row and column.
 *
 * @throws {@link CorpusInvalidError} (code `corpus_invalid`) whose `errors` are {@link CorpusCsvError}s, unless
 * `keepGood` is set.
 * @example
 * ```ts
 * const { corpus } = readCorpusCsv(kg, {
 *   'legislation.csv': 'id,state,title\r\nit-tui,IT,Example law (synthetic)\r\n',
 *   'sections.csv': 'legislation,number,heading\r\nit-tui,12,Example section\r\n',
 *   'links.csv': 'from,provision,basis,note\r\nit-tui#12,SOM Protocol art. 6(1)(a),curated,example\r\n',
 * })
 * ```
 */
export function readCorpusCsv(kg: KnowledgeGraphCore, files: Readonly<Partial<Record<CorpusCsvFile, string>>>, options: ReadCorpusOptions = {}): CorpusReadResult & { readonly errors: readonly CorpusCsvError[] } {
  const own: CorpusCsvError[] = [];
  const { lines, origins } = toLines(files, own);
  // The reader keeps what is good, so that its problems and the files' own come out as one list.
  const result = readCorpusLines(kg, lines, { ...options, keepGood: true });
  const errors = [...own, ...result.errors.map((e) => locate(e, origins))].sort((a, b) => CORPUS_CSV_FILES.indexOf(a.file) - CORPUS_CSV_FILES.indexOf(b.file) || a.line - b.line);
  if (errors.length > 0 && !options.keepGood) throw new CorpusInvalidError('readCorpusCsv', options.name ?? 'the CSV corpus', errors);
  return { corpus: result.corpus, errors };
}

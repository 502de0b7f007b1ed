/**
 * Importing a directory of competent national authorities from CSV or JSON (`importDirectory`): the file becomes a
 * dated snapshot (its own named graph) on top of a dataset, checked by the same schema and integrity pass as the
 * curated data. Every bad row is reported with its row, column, code and a sentence; a file with any bad row imports
 * nothing unless `keepGoodRows` is set. Pure (no file system): it runs in a browser.
 *
 * @module
 */
import { bundledDataset } from '../bundled.js';
import { DirectoryImportError, isDataValidationError, type DataIssue, type RowError, type RowErrorCode } from '../errors.js';
import { buildDataset } from '../load/build.js';
import type { AuthorityRecord, Dataset, SnapshotRecord } from '../model/dataset.js';
import { AUTHORITY_FIELDS, type DirectoryFile, type SourceEntry } from '../model/files.js';
import { closest } from '../util/closest.js';
import { foldKey } from '../util/fold.js';
import { pushTo } from '../util/group.js';
import { parseCsv, type CsvRecord } from './csv.js';
import { defined } from '../util/defined.js';

/** The columns of a directory CSV file (and the fields of a JSON entry), in the order the generator writes them. */
export const DIRECTORY_COLUMNS = AUTHORITY_FIELDS;

/** One column of a directory CSV file. */
export type DirectoryColumn = (typeof DIRECTORY_COLUMNS)[number];

/** Columns that hold several values, separated by `;`. */
const LISTS: ReadonlySet<string> = new Set(['categories', 'provisions', 'languages']);

/** Other header names accepted for a column (compared case-, space- and punctuation-insensitively). */
const COLUMN_ALIASES: Readonly<Record<string, DirectoryColumn>> = {
  category: 'categories',
  provision: 'provisions',
  'designated-under': 'provisions',
  language: 'languages',
  'e-mail': 'email',
  mail: 'email',
  telephone: 'phone',
  tel: 'phone',
  url: 'website',
  web: 'website',
  'time-zone': 'timeZone',
  timezone: 'timeZone',
  interpol: 'urgentViaInterpol',
  'urgent-via-interpol': 'urgentViaInterpol',
  'last-update': 'updated',
  'last-updated': 'updated',
  note: 'notes',
  'office-hours': 'hours',
};

const COLUMN_BY_KEY = new Map<string, DirectoryColumn>([
  ...DIRECTORY_COLUMNS.map((c) => [foldKey(c), c] as const),
  ...Object.entries(COLUMN_ALIASES),
]);

/** Options of {@link importDirectory}. */
export interface ImportDirectoryOptions {
  /** `csv` or `json`; by default JSON when the text starts with `{` or `[`, else CSV. */
  readonly format?: 'csv' | 'json';
  /** The name the file is reported under (default `directory.csv` or `directory.json`). */
  readonly file?: string;
  /** The dataset the snapshot is added to (default: the curated one). */
  readonly base?: Dataset;
  /** The date the snapshot describes the directory as at (ISO date). Default: the file's `asOf`, else today. */
  readonly asOf?: string;
  /** The snapshot's id and graph name. Default: the file's `id`, else the `asOf` date. */
  readonly id?: string;
  /** The title of the snapshot. */
  readonly title?: string;
  /**
   * Where the entries come from: a source key of the dataset, or a new source. Default: the file's `source`, else a
   * new source `import-{id}` that names the file.
   */
  readonly source?: string | SourceEntry;
  /** Marks the snapshot as example or synthetic data (a JSON file can say so itself with `example: true`). */
  readonly example?: boolean;
  /** Import the good rows and return the bad ones in `errors`, instead of importing nothing. */
  readonly keepGoodRows?: boolean;
}

/** What {@link importDirectory} returns. */
export interface ImportDirectoryResult {
  /** The base dataset with the snapshot added (build a graph on it with `new KnowledgeGraph(dataset)` or `loadCore(dataset)`). */
  readonly dataset: Dataset;
  readonly snapshot: SnapshotRecord;
  /** The snapshot's authorities. */
  readonly authorities: readonly AuthorityRecord[];
  /** The authority rows read (before any was left out). */
  readonly rows: number;
  /** The rows left out (only with `keepGoodRows`; otherwise any error throws). */
  readonly errors: readonly RowError[];
  /** The imported snapshot as a `type: directory` data file, to save and load again (`loadDataset`, `untoc-kg validate`). */
  readonly data: DirectoryFile;
}

/** A row read from the file, before validation: the entry and where it came from. */
interface Row {
  readonly entry: Record<string, unknown>;
  readonly row: number;
  readonly line?: number;
}

/** The header names the file used, by canonical column, for messages. */
type Header = ReadonlyMap<string, string>;

const today = () => new Date().toISOString().slice(0, 10);

function splitList(value: string): string[] {
  return value
    .split(';')
    .map((v) => v.trim())
    .filter((v) => v.length > 0);
}

const TRUE = new Set(['yes', 'y', 'true', '1']);
const FALSE = new Set(['no', 'n', 'false', '0']);

/** Reads CSV into rows, with the header's problems and each row's syntax and field-count problems. */
function csvRows(text: string): { rows: Row[]; errors: RowError[]; header: Header } {
  const { records, problems } = parseCsv(text);
  const errors: RowError[] = [];
  const headerRecord: CsvRecord | undefined = records[0];
  if (!headerRecord) {
    errors.push({ code: 'empty_file', message: 'the file has no header row (expected columns such as name, state, categories)' });
    return { rows: [], errors, header: new Map() };
  }
  const columns: (DirectoryColumn | undefined)[] = [];
  const header = new Map<string, string>();
  headerRecord.fields.forEach((raw, i) => {
    const name = raw.trim();
    const column = COLUMN_BY_KEY.get(foldKey(name));
    if (!column) {
      const near = closest(name, DIRECTORY_COLUMNS, 1);
      errors.push({
        row: headerRecord.row,
        line: headerRecord.line,
        column: name || `#${i + 1}`,
        code: 'unknown_column',
        message: name
          ? `unknown column "${name}"${near.length ? `; did you mean "${near[0]}"?` : ''} (the columns are ${DIRECTORY_COLUMNS.join(', ')})`
          : `column ${i + 1} of the header has no name`,
        suggestions: near,
      });
    } else if (header.has(column)) {
      errors.push({ row: headerRecord.row, line: headerRecord.line, column: name, code: 'duplicate_column', message: `column "${name}" appears twice (as "${header.get(column)}" too)` });
    } else {
      header.set(column, name);
    }
    columns.push(column);
  });
  for (const required of ['name', 'state'] as const) {
    if (!header.has(required)) errors.push({ row: headerRecord.row, line: headerRecord.line, column: required, code: 'missing_column', message: `the header has no "${required}" column` });
  }
  if (!header.has('categories') && !header.has('provisions')) {
    errors.push({ row: headerRecord.row, line: headerRecord.line, column: 'categories', code: 'missing_column', message: 'the header needs a "categories" or a "provisions" column (or both)' });
  }
  const problemsByRow = new Map<number, RowError[]>();
  for (const p of problems) {
    const column = p.field <= columns.length ? (header.get(columns[p.field - 1] ?? '') ?? `#${p.field}`) : `#${p.field}`;
    pushTo(problemsByRow, p.row, { row: p.row, line: p.line, column, code: p.code, message: p.message });
  }
  errors.push(...(problemsByRow.get(headerRecord.row) ?? []));
  const rows: Row[] = [];
  for (const record of records.slice(1)) {
    const syntax = problemsByRow.get(record.row);
    if (syntax) {
      errors.push(...syntax);
      continue;
    }
    const where = { row: record.row, line: record.line };
    if (record.fields.length !== columns.length) {
      const more = record.fields.length > columns.length;
      const stray = record.fields.slice(columns.length).map((f) => JSON.stringify(f));
      errors.push({
        ...where,
        column: more ? `#${columns.length + 1}` : (header.get(columns[record.fields.length] ?? '') ?? `#${record.fields.length + 1}`),
        code: more ? 'extra_fields' : 'missing_fields',
        message: more
          ? `the row has ${record.fields.length} fields, the header ${columns.length}: stray ${stray.length === 1 ? 'value' : 'values'} ${stray.slice(0, 3).join(', ')}${stray.length > 3 ? ', …' : ''} (a comma that should be inside quotes?)`
          : `the row has ${record.fields.length} fields, the header ${columns.length}`,
      });
      continue;
    }
    const entry: Record<string, unknown> = {};
    let bad = false;
    record.fields.forEach((raw, i) => {
      const column = columns[i];
      const value = raw.trim();
      if (!column || value === '') return;
      if (LISTS.has(column)) {
        const list = splitList(value);
        if (list.length > 0) entry[column] = list;
      } else if (column === 'urgentViaInterpol') {
        const v = value.toLowerCase();
        if (TRUE.has(v)) entry[column] = true;
        else if (FALSE.has(v)) entry[column] = false;
        else {
          errors.push({ ...where, column: header.get(column)!, code: 'invalid_value', message: `"${value}" is not yes or no` });
          bad = true;
        }
      } else {
        entry[column] = value;
      }
    });
    if (!bad) rows.push({ entry, ...where });
  }
  return { rows, errors, header };
}

/** How deep a JSON directory may nest: a document, its list, an entry, a list in it; the rest is room to spare. */
const MAX_JSON_DEPTH = 64;

/**
 * The offset where JSON text nests deeper than `max` arrays and objects, or -1: checked before parsing, since
 * `JSON.parse` slows down more than linearly on deep nesting.
 */
function nestedPast(text: string, max: number): number {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // a backslash escapes the next character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return i;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return -1;
}

/** The type of each field of a JSON directory document besides `authorities` (the schema checks the values). */
const META_TYPES: Readonly<Record<string, 'string' | 'boolean' | 'array'>> = {
  type: 'string',
  id: 'string',
  title: 'string',
  asOf: 'string',
  source: 'string',
  sources: 'array',
  example: 'boolean',
  note: 'string',
};

/** What a value is, for a message: `a number (5)`, `an object`; at most about 80 characters. */
function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  const text = String(value);
  const kind = typeof value === 'string' ? 'a string' : `a ${typeof value}`;
  return `${kind} (${text.length > 80 ? `${text.slice(0, 77)}…` : text})`;
}

/** Checks the type of the document's fields before they are used; a field of the wrong type is a file error. */
function metaErrors(meta: Readonly<Record<string, unknown>>): RowError[] {
  const errors: RowError[] = [];
  for (const [key, value] of Object.entries(meta)) {
    const expected = Object.hasOwn(META_TYPES, key) ? META_TYPES[key] : undefined;
    if (expected === undefined || value === undefined) continue; // an unknown field is reported by the schema
    const ok = expected === 'array' ? Array.isArray(value) : typeof value === expected;
    if (!ok) errors.push({ column: key, code: 'invalid_type', message: `"${key}" must be ${expected === 'array' ? 'an array' : `a ${expected}`}; got ${describeValue(value)}` });
  }
  return errors;
}

/** Reads JSON: a `type: directory` document (or the same without `type`), or a bare array of entries. */
function jsonRows(value: unknown): { rows: Row[]; errors: RowError[]; meta: Partial<DirectoryFile> } {
  const list = Array.isArray(value) ? value : (value as { authorities?: unknown } | null)?.authorities;
  if (!Array.isArray(list)) {
    return { rows: [], errors: [{ code: 'invalid_type', message: 'a JSON directory is an array of authorities, or an object with an "authorities" array' }], meta: {} };
  }
  const meta = Array.isArray(value) ? {} : (({ authorities: _, ...rest }) => rest)(value as Record<string, unknown>);
  const errors = metaErrors(meta);
  return { rows: list.map((entry, i) => ({ entry: entry as Record<string, unknown>, row: i + 1 })), errors, meta: errors.length > 0 ? {} : (meta as Partial<DirectoryFile>) };
}

/** Turns a loader issue about the snapshot file into row errors (one per unknown column), or a file-level one. */
function toRowErrors(issue: DataIssue, rows: readonly Row[], header: Header): RowError[] {
  const [top, index, field] = issue.path;
  const suggestions = issue.suggestions ? { suggestions: issue.suggestions } : {};
  if (top !== 'authorities' || typeof index !== 'number') {
    return [{ ...(issue.path.length > 0 && { column: issue.path.join('.') }), code: issue.code, message: issue.message, ...suggestions }];
  }
  const row = rows[index]!;
  const at = { row: row.row, ...defined({ line: row.line }) };
  if (issue.keys) {
    return issue.keys.map((key) => {
      const near = closest(key, DIRECTORY_COLUMNS, 1);
      return { ...at, column: key, code: 'unknown_column', message: `unknown column "${key}"${near.length ? `; did you mean "${near[0]}"?` : ''}`, ...(near.length > 0 && { suggestions: near }) };
    });
  }
  let code: RowErrorCode = issue.code;
  let message = issue.message;
  const column = typeof field === 'string' ? field : undefined;
  if (issue.missing) {
    code = 'missing_value';
    message = `${header.get(column ?? '') ?? column} is missing or empty`;
  } else if (column !== undefined) {
    const value = row.entry[column];
    const shown = Array.isArray(value) && typeof issue.path[3] === 'number' ? value[issue.path[3]] : value;
    if ((code === 'invalid_format' || code === 'too_small') && typeof shown === 'string') {
      code = 'invalid_value';
      message = `${JSON.stringify(shown)}: ${message}`;
    }
  }
  return [{ ...at, ...(column !== undefined && { column: header.get(column) ?? column }), code, message, ...suggestions }];
}

function byRow(a: RowError, b: RowError): number {
  return (a.row ?? 0) - (b.row ?? 0);
}

/**
 * Imports a directory of competent national authorities from CSV or JSON as a dated snapshot on top of a dataset.
 *
 * CSV: a header row naming the columns (`name`, `state` and `categories` or `provisions` are required; see
 * {@link DIRECTORY_COLUMNS} and `data/README.md`), RFC 4180 quoting, a BOM and CRLF or LF line ends; several values
 * in one cell are separated by `;`. JSON: a `type: directory` document (`data/schema/directory.schema.json`), or an
 * array of entries. Rows are numbered as a spreadsheet does (the header is row 1); in JSON, by position.
 *
 * @param source - the file's text (or bytes, UTF-8), or already parsed JSON.
 * @param options - see {@link ImportDirectoryOptions}.
 * @returns the dataset with the snapshot, the snapshot's authorities, and (with `keepGoodRows`) the rows left out.
 * @throws {@link DirectoryImportError} (`directory_invalid`) with every row error, when any row is bad and
 * `keepGoodRows` is off, or when the file as a whole is unusable (no header, bad JSON, an unknown column); nothing
 * is imported.
 *
 * @example
 * ```ts
 * const { dataset, authorities } = importDirectory(csvText, { file: 'cna.csv', asOf: '2024-05-04' })
 * const kg = loadCore(dataset)
 * authorities(kg, { provision: 'SOM art. 8(6)' })
 * ```
 */
export function importDirectory(source: string | Uint8Array | object, options: ImportDirectoryOptions = {}): ImportDirectoryResult {
  let value: string | object = source;
  if (source instanceof Uint8Array) {
    try {
      value = new TextDecoder('utf-8', { fatal: true }).decode(source);
    } catch {
      throw new DirectoryImportError('importDirectory', options.file ?? 'directory', [{ code: 'invalid_encoding', message: 'the file is not valid UTF-8 (save it as UTF-8 CSV)' }]);
    }
  }
  const isText = typeof value === 'string';
  const format = options.format ?? (isText && /^\uFEFF?\s*[[{]/.test(value as string) ? 'json' : isText ? 'csv' : 'json');
  const file = options.file ?? `directory.${format}`;
  const fail = (errors: RowError[]): never => {
    throw new DirectoryImportError('importDirectory', file, [...errors].sort(byRow));
  };

  let read: { rows: Row[]; errors: RowError[]; header: Header; meta: Partial<DirectoryFile> };
  if (format === 'csv') {
    if (!isText) fail([{ code: 'invalid_input', message: 'CSV must be given as text' }]);
    read = { ...csvRows(value as string), meta: {} };
  } else {
    let parsed: unknown = value;
    if (isText) {
      const text = (value as string).replace(/^\uFEFF/, '');
      const tooDeep = nestedPast(text, MAX_JSON_DEPTH);
      if (tooDeep >= 0) fail([{ code: 'invalid_json', message: `the JSON is nested deeper than ${MAX_JSON_DEPTH} levels (at offset ${tooDeep}); a directory needs 4` }]);
      try {
        parsed = JSON.parse(text);
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        fail([{ code: 'invalid_json', message: `the file is not valid JSON: ${reason.length > 120 ? `${reason.slice(0, 119)}…` : reason}` }]);
      }
    }
    read = { ...jsonRows(parsed), header: new Map() };
  }
  const fileErrors = read.errors.filter((e) => e.row === undefined || e.code === 'unknown_column' || e.code === 'duplicate_column' || e.code === 'missing_column');
  if (fileErrors.length > 0) fail(read.errors);

  const meta = read.meta;
  const asOf = options.asOf ?? meta.asOf ?? today();
  const id = options.id ?? meta.id ?? asOf;
  const base = options.base ?? bundledDataset();
  let sourceKey: string | undefined = typeof options.source === 'string' ? options.source : (options.source?.id ?? meta.source);
  const sources: SourceEntry[] = [...(meta.sources ?? [])];
  if (typeof options.source === 'object') sources.push(options.source);
  if (sourceKey === undefined) {
    sourceKey = `import-${id.replace(/[^A-Za-z0-9]+/g, '-')}`;
    sources.push({ id: sourceKey, title: `Directory file "${file}"`, date: asOf, note: `Imported with importDirectory as the snapshot ${id}.` });
  }
  const snapshotFile = (rows: readonly Row[]): DirectoryFile =>
    ({
      ...meta,
      type: 'directory',
      id,
      asOf,
      ...((options.title ?? meta.title) !== undefined && { title: options.title ?? meta.title }),
      source: sourceKey,
      ...(sources.length > 0 && { sources }),
      example: options.example ?? meta.example ?? false,
      authorities: rows.map((r) => r.entry),
    }) as DirectoryFile;

  // Validate; drop the rows that fail and validate the rest again, so that every bad row is reported (a row that
  // fails its shape is not checked against the graph) and the rows kept are known to be good.
  const errors: RowError[] = read.errors.filter((e) => !fileErrors.includes(e));
  const total = read.rows.length + new Set(errors.map((e) => e.row)).size;
  let rows = read.rows;
  for (;;) {
    let current = rows;
    try {
      const data = snapshotFile(current);
      const dataset = buildDataset([{ file, data }], { base, entryLabel: (_f, i) => `row ${current[i]!.row}` });
      if (errors.length > 0 && !options.keepGoodRows) fail(errors);
      const snapshot = dataset.snapshots.find((s) => s.id === id)!;
      return {
        dataset,
        snapshot,
        authorities: dataset.authorities.filter((a) => a.snapshot === id),
        rows: total,
        errors: [...errors].sort(byRow),
        data,
      };
    } catch (error) {
      if (!isDataValidationError(error)) throw error;
      const bad = new Set<number>();
      for (const issue of error.issues) {
        const found = toRowErrors(issue, current, read.header);
        if (issue.path[0] === 'authorities' && typeof issue.path[1] === 'number') bad.add(issue.path[1]);
        else fail([...errors, ...found]);
        errors.push(...found);
      }
      current = current.filter((_, i) => !bad.has(i));
      rows = current;
    }
  }
}

/**
 * Reading a research corpus: JSON Lines, one record per line, from a string, an iterable of lines or an async
 * iterable of lines (a stream: a 1 GB file never sits whole in memory). Each line is checked as it comes (JSON,
 * shape, ids, States, dates); references between records and to treaty provisions are resolved at the end
 * (`corpus/resolve.ts`), since a case may name a section that comes later in the file.
 *
 * Every bad record is reported with its line, field and a stable code; nothing is returned if any record is bad,
 * unless `keepGood` is set, in which case the bad records (and links) are left out and reported.
 *
 * @module
 */
import type { KnowledgeGraphCore } from '../core.js';
import { UntocKgError } from '../errors.js';
import { isDocumentId } from '../model/ids.js';
import { stateByCode, stateProblem, type StateCodes } from '../model/states.js';
import type { CorpusReadResult, CorpusRowError, FirstPass, ReadCorpusOptions } from './pass.js';
import { fastCheck } from './check.js';
import { CorpusLine, RECORD_TYPES, type SectionLine } from './records.js';
import { resolveCorpus } from './resolve.js';

export type { Checked, CorpusErrorCode, CorpusReadResult, CorpusRowError, FirstPass, ReadCorpusOptions } from './pass.js';

/** Thrown (code `corpus_invalid`) when a corpus has bad records; `errors` lists every one. Nothing was loaded. */
export class CorpusInvalidError extends UntocKgError {
  override readonly name = 'CorpusInvalidError';
  readonly errors: readonly CorpusRowError[];

  constructor(operation: string, name: string, errors: readonly CorpusRowError[]) {
    const head = errors.slice(0, 10).map((e) => `line ${e.line}${e.field ? ` (${e.field})` : ''}: ${e.message} [${e.code}]`);
    const more = errors.length > 10 ? `\n  … and ${errors.length - 10} more` : '';
    super('corpus_invalid', operation, `${errors.length} problem${errors.length === 1 ? '' : 's'} in ${name}; nothing was loaded:\n  ${head.join('\n  ')}${more}`, {
      issues: errors,
    });
    this.errors = errors;
  }
}

/** How deep sections may nest (an article, its paragraphs, …): deeper input is refused, so reading stays bounded. */
export const MAX_SECTION_DEPTH = 16;

const TYPES: ReadonlySet<string> = new Set(RECORD_TYPES);

/** Days of each month in a common year. */
const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/** The number written by the ASCII digits of `value` from `start` to `end`, or -1 if one is not a digit. */
function digits(value: string, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) {
    const d = value.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/** True for a real calendar date written `YYYY-MM-DD` (not 2024-02-30). */
export function isCalendarDate(value: string): boolean {
  // Read by character codes, not a regular expression: one is checked per record.
  if (value.length !== 10 || value.charCodeAt(4) !== 45 /* - */ || value.charCodeAt(7) !== 45) return false;
  const y = digits(value, 0, 4);
  const mo = digits(value, 5, 7);
  const d = digits(value, 8, 10);
  if (y < 0 || mo < 1 || mo > 12 || d < 1) return false;
  const days = mo === 2 && y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : DAYS[mo - 1]!;
  return d <= days;
}

/** The section key links use: `{law id}#{number}`, or `{law id}#{parent}/{number}` for a nested section. */
export function sectionKey(record: SectionLine): string {
  return `${record.legislation}#${record.parent ? `${record.parent}/` : ''}${record.number}`;
}

function shown(value: unknown): string {
  const s = typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
  return s.length > 80 ? `${s.slice(0, 80)}…` : s;
}

/** Checks one line and files its record (first pass). */
function readLine(pass: FirstPass, text: string, line: number): void {
  if (text.charCodeAt(0) !== 123 /* { */ && text.trim().length === 0) return;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    pass.errors.push({ line, code: 'invalid_json', message: `not a JSON object: ${(error as Error).message}` });
    return;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    pass.errors.push({ line, code: 'invalid_json', message: 'each line must hold one JSON object' });
    return;
  }
  const type = (value as { type?: unknown }).type;
  if (typeof type !== 'string' || !TYPES.has(type)) {
    pass.errors.push({ line, field: 'type', code: 'unknown_type', message: `"type" must be corpus, source, legislation, section or case; got ${shown(type)}`, suggestions: ['legislation', 'section', 'case'] });
    return;
  }
  // The hand-written check takes the records zod would keep as they are; zod decides the rest (and words the problems).
  let record = fastCheck(value);
  if (!record) {
    const parsed = CorpusLine.safeParse(value);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) pass.errors.push(shapeError(line, issue));
      return;
    }
    record = parsed.data;
  }
  const before = pass.errors.length;
  switch (record.type) {
    case 'corpus':
      if (pass.header) pass.errors.push({ line, field: 'type', code: 'duplicate_id', message: `a second corpus record (the first is on line ${pass.header.line})` });
      else pass.header = { line, record };
      return;
    case 'source':
      fileOnce(pass, pass.sources, record.id, { line, record }, 'source');
      return;
    case 'legislation': {
      checkId(pass, line, record.id);
      const state = checkState(pass, line, record.state);
      if (record.date !== undefined && !isCalendarDate(record.date)) pass.errors.push({ line, field: 'date', code: 'bad_date', message: `${shown(record.date)} is not a date (YYYY-MM-DD)` });
      if (state && pass.errors.length === before) fileOnce(pass, pass.laws, record.id, { line, record, state }, 'legislation');
      return;
    }
    case 'section':
      if (record.parent !== undefined && record.parent.split('/').length >= MAX_SECTION_DEPTH) {
        pass.errors.push({ line, field: 'parent', code: 'invalid_value', message: `sections nest at most ${MAX_SECTION_DEPTH} deep` });
        return;
      }
      fileOnce(pass, pass.sections, sectionKey(record), { line, record }, 'section');
      return;
    case 'case': {
      checkId(pass, line, record.id);
      const state = checkState(pass, line, record.state);
      if (record.decisionDate !== undefined && !isCalendarDate(record.decisionDate)) {
        pass.errors.push({ line, field: 'decisionDate', code: 'bad_date', message: `${shown(record.decisionDate)} is not a date (YYYY-MM-DD)` });
      }
      if (state && pass.errors.length === before) fileOnce(pass, pass.cases, record.id, { line, record, state }, 'case');
      return;
    }
    default: {
      const never: never = record;
      return never;
    }
  }
}

function fileOnce<T extends { readonly line: number }>(pass: FirstPass, map: Map<string, T>, key: string, entry: T, what: string): void {
  const first = map.get(key);
  if (first) pass.errors.push({ line: entry.line, field: what === 'section' ? 'number' : 'id', code: 'duplicate_id', message: `${what} "${shown(key)}" is already on line ${first.line}` });
  else map.set(key, entry);
}

function checkId(pass: FirstPass, line: number, id: string): void {
  if (!isDocumentId(id)) pass.errors.push({ line, field: 'id', code: 'invalid_value', message: `${shown(id)} is not an id (letters, digits and - _ . between them)` });
}

function checkState(pass: FirstPass, line: number, code: string): StateCodes | undefined {
  const state = stateByCode(code);
  if (state) return state;
  const problem = stateProblem(code.slice(0, 100), 'an ISO 3166-1 alpha-2 or alpha-3 code');
  pass.errors.push({ line, field: 'state', code: 'unknown_state', message: problem.message, suggestions: problem.suggestions });
  return undefined;
}

function shapeError(line: number, issue: { code: string; path: readonly PropertyKey[]; message: string; keys?: readonly string[]; input?: unknown }): CorpusRowError {
  const field = issue.path.map(String).join('.');
  const at = field ? { field } : {};
  if (issue.code === 'unrecognized_keys') {
    const keys = issue.keys ?? [];
    const named = keys.length > 0 ? { field: [field, shown(keys[0]!)].filter(Boolean).join('.') } : at;
    return { line, ...named, code: 'unknown_field', message: `unknown field${keys.length > 1 ? 's' : ''} ${keys.map((k) => `"${shown(k)}"`).join(', ')}` };
  }
  if (issue.code === 'invalid_type' && issue.input === undefined) return { line, ...at, code: 'missing_value', message: `${field || 'a value'} is missing` };
  return { line, ...at, code: 'invalid_value', message: `${field || 'the record'}: ${issue.message}` };
}

function newPass(): FirstPass {
  return { laws: new Map(), sections: new Map(), cases: new Map(), sources: new Map(), errors: [] };
}

function finish(kg: KnowledgeGraphCore, pass: FirstPass, options: ReadCorpusOptions): CorpusReadResult {
  const result = resolveCorpus(kg, pass, options);
  const errors = [...result.errors].sort((a, b) => a.line - b.line);
  if (errors.length > 0 && !options.keepGood) throw new CorpusInvalidError('readCorpus', options.name ?? 'the corpus', errors);
  return { corpus: result.corpus, errors };
}

/**
 * Reads a research corpus from JSON Lines held in memory (a string or an iterable of lines). For a file, use
 * `readCorpusFile` from `untoc-kg/node`, which streams.
 *
 * @throws {@link CorpusInvalidError} (code `corpus_invalid`) listing every bad record, unless `keepGood` is set.
 * @example
 * ```ts
 * const { corpus } = readCorpusLines(kg, text, { deriveCitations: true })
 * const kg2 = withCorpora(kg, [corpus])
 * documentsAddressing(kg2, 'SOM Protocol art. 6(1)(a)')
 * ```
 */
export function readCorpusLines(kg: KnowledgeGraphCore, input: string | Iterable<string>, options: ReadCorpusOptions = {}): CorpusReadResult {
  const pass = newPass();
  let line = 0;
  for (const text of typeof input === 'string' ? input.split(/\r?\n/) : input) {
    readLine(pass, text, ++line);
    if (options.onProgress && line % 10_000 === 0) options.onProgress(line);
  }
  return finish(kg, pass, options);
}

/**
 * Reads a research corpus from an async iterable of lines (a stream), one record at a time.
 *
 * @throws {@link CorpusInvalidError} (code `corpus_invalid`) listing every bad record, unless `keepGood` is set.
 * @example
 * ```ts
 * const lines = createInterface({ input: createReadStream('corpus.jsonl') })
 * const { corpus } = await readCorpus(kg, lines)
 * ```
 */
export async function readCorpus(kg: KnowledgeGraphCore, input: AsyncIterable<string> | Iterable<string>, options: ReadCorpusOptions = {}): Promise<CorpusReadResult> {
  const pass = newPass();
  let line = 0;
  if (typeof input === 'object' && input !== null && Symbol.asyncIterator in input) {
    for await (const text of input) {
      readLine(pass, text, ++line);
      if (options.onProgress && line % 10_000 === 0) options.onProgress(line);
    }
  } else {
    // Lines held in memory are read as they come: `for await` would wrap each one in a promise (it awaits only what
    // is not a string, as `for await` would).
    for (const text of input) {
      readLine(pass, typeof text === 'string' ? text : await text, ++line);
      if (options.onProgress && line % 10_000 === 0) options.onProgress(line);
    }
  }
  return finish(kg, pass, options);
}

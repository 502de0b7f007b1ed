/**
 * The library's error taxonomy. Every error has a stable machine-readable `code`; tests and callers check the code,
 * never the message. Messages name the operation and the value, and suggest the nearest valid value where there is
 * one.
 *
 * @module
 */
import { defined } from './util/defined.js';

/** Every code an {@link UntocKgError} can carry. Adding a code is not breaking; renaming or removing one is. */
export type ErrorCode =
  // citations
  | 'syntax'
  | 'unknown_instrument'
  | 'unknown_provision'
  | 'ambiguous'
  | 'unresolved_reference'
  // lookups
  | 'unknown_tool'
  | 'unknown_part'
  | 'unknown_theme'
  | 'unknown_node'
  | 'unknown_category'
  | 'unknown_state'
  | 'no_path'
  // input
  | 'invalid_input'
  | 'empty_query'
  | 'unsupported_format'
  // data files
  | 'data_invalid'
  | 'data_unreadable'
  // directory imports
  | 'directory_invalid'
  // research corpora
  | 'corpus_invalid'
  // text
  | 'text_unreadable'
  | 'text_mismatch'
  // rdf
  | 'rdf_syntax'
  | 'rdf_unreadable'
  | 'rdf_nonconforming'
  | 'rdf_corpus_missing'
  | 'rdf_corpus_ambiguous'
  | 'remote_context'
  | 'sparql_unavailable'
  | 'sparql_error'
  | 'unknown_graph'
  | 'jsonld_unavailable'
  // remote stores
  | 'remote_unreachable'
  | 'remote_error'
  | 'remote_credentials'
  | 'publish_incomplete'
  // files written
  | 'output_no_folder'
  | 'output_denied'
  | 'output_unwritable';

/** Structured details that some errors carry besides the message. */
export interface ErrorDetails {
  /** The value the operation was given. */
  readonly value?: unknown;
  /** Valid values close to the one given, best first. */
  readonly suggestions?: readonly string[];
  /** Character offset in the input where the problem was found. */
  readonly offset?: number;
  /** What the parser expected at `offset`. */
  readonly expected?: string;
  /** The issues, when one error reports several (data validation). */
  readonly issues?: readonly unknown[];
}

/**
 * The base class of every error the library throws on purpose.
 *
 * @example
 * ```ts
 * try { resolveCitation(kg, 'art. 99') }
 * catch (e) { if (isUntocKgError(e) && e.code === 'unknown_provision') console.log(e.suggestions) }
 * ```
 */
export class UntocKgError extends Error {
  override readonly name: string = 'UntocKgError';
  /** Stable machine-readable kind of the error. */
  readonly code: ErrorCode;
  /** The public operation that failed, e.g. `parseCitation`. */
  readonly operation: string;
  /** The value the operation was given, where it is useful to report. */
  readonly value: unknown;
  /** Valid values close to the one given, best first (may be empty). */
  readonly suggestions: readonly string[];
  /** Character offset in the input, for syntax errors. */
  readonly offset: number | undefined;
  /** What was expected at `offset`, for syntax errors. */
  readonly expected: string | undefined;

  constructor(code: ErrorCode, operation: string, message: string, details: ErrorDetails = {}, options?: ErrorOptions) {
    super(`${operation}: ${message}`, options);
    this.code = code;
    this.operation = operation;
    this.value = details.value;
    this.suggestions = details.suggestions ?? [];
    this.offset = details.offset;
    this.expected = details.expected;
  }
}

/** The codes of a file's shape check: zod's issue codes (the loader's shape pass checks that the lists agree). */
export type ShapeIssueCode =
  | 'invalid_type'
  | 'too_big'
  | 'too_small'
  | 'invalid_format'
  | 'not_multiple_of'
  | 'unrecognized_keys'
  | 'invalid_union'
  | 'invalid_key'
  | 'invalid_element'
  | 'invalid_value'
  | 'custom';

/** The codes of a citation in a data file that does not resolve (a citation `syntax` error is `invalid_citation`). */
export type CitationIssueCode = 'invalid_citation' | 'invalid_input' | 'unknown_instrument' | 'unknown_provision' | 'ambiguous' | 'unresolved_reference';

/** Every code a {@link DataIssue} can carry: reading, shape, citations, and integrity across files. */
export type DataIssueCode =
  | ShapeIssueCode
  | CitationIssueCode
  // reading files
  | 'file_not_found'
  | 'file_unreadable'
  | 'yaml_syntax'
  | 'yaml_aliases'
  | 'unknown_file_type'
  // ids and numbering
  | 'duplicate_id'
  | 'iri_mismatch'
  | 'invalid_number'
  | 'duplicate_number'
  | 'numbering_gap'
  | 'unassigned_article'
  | 'missing_parent'
  | 'cycle'
  // references across files
  | 'unknown_tool'
  | 'unknown_part'
  | 'unknown_theme'
  | 'unknown_source'
  | 'duplicate_link'
  | 'missing_correction'
  // directory and participation
  | 'invalid_state'
  | 'unknown_category'
  | 'missing_category'
  | 'missing_source'
  | 'duplicate_authority'
  | 'conflicting_authority'
  | 'duplicate_record'
  | 'date_after_as_of'
  | 'invalid_date';

/**
 * A value as echoed in a message: its first `max` characters and `…` when it is longer, so that a 20 MB input does not
 * make a 20 MB message (the error's `value` keeps the value as given).
 *
 * @example
 * ```ts
 * shorten('x'.repeat(1000)) // 'xxx…x…' (80 characters and an ellipsis)
 * ```
 */
export function shorten(value: string, max = 80): string {
  return value.length > max ? `${value.slice(0, max)}…` : value;
}

/** One problem found in a data file: where it is and what is wrong. */
export interface DataIssue {
  /** Stable code, e.g. `unrecognized_keys`, `unknown_provision`, `duplicate_id`, `numbering_gap`. */
  readonly code: DataIssueCode;
  /** The file the problem is in (as given to the loader). */
  readonly file: string;
  /** The path inside the file, e.g. `['articles', 26, 'paragraphs', 0, 'number']`. */
  readonly path: readonly (string | number)[];
  /** A readable sentence. */
  readonly message: string;
  /** The 1-based line in the file, when it is known. */
  readonly line?: number;
  /** Valid values close to the one given, best first (when there are any). */
  readonly suggestions?: readonly string[];
  /** For `unrecognized_keys`: the keys the object has that its schema does not. */
  readonly keys?: readonly string[];
  /** True when a required value is absent (an `invalid_type` issue whose value is missing). */
  readonly missing?: boolean;
}

/** Thrown when data files fail validation; carries every issue found, not just the first. */
export class DataValidationError extends UntocKgError {
  override readonly name = 'DataValidationError';
  /** Every problem found, in file order. */
  readonly issues: readonly DataIssue[];

  constructor(operation: string, issues: readonly DataIssue[]) {
    super('data_invalid', operation, `${problems(issues.length)} in the data:${listed(issues, formatDataIssue)}`, {
      issues,
    });
    this.issues = issues;
  }
}

/** `1 problem`, `3 problems`. */
function problems(count: number): string {
  return `${count} problem${count === 1 ? '' : 's'}`;
}

/** The first five issues, one per indented line, and how many more there are. */
function listed<T>(issues: readonly T[], format: (issue: T) => string): string {
  const head = issues.slice(0, 5).map((issue) => `\n  ${format(issue)}`).join('');
  return issues.length > 5 ? `${head}\n  … and ${issues.length - 5} more` : head;
}

/** Where reading a treaty text stopped: the line, the offset, and the last provision read before it. */
export interface TextPosition {
  /** The 1-based line of the input where reading stopped. */
  readonly line?: number;
  /** The offset where reading stopped: a byte offset for bytes, a character offset for a string. */
  readonly offset?: number;
  /** The last provision read before the problem, e.g. `article 41 (paragraph 2)`. */
  readonly provision?: string;
  /** The name of the input (e.g. its file name), when one was given. */
  readonly source?: string;
}

/**
 * Thrown (code `text_unreadable`) when a treaty text is empty, binary, wrongly encoded or cut off; says where reading
 * stopped.
 *
 * @example
 * ```ts
 * try { parseTreatyText(bytes) } catch (e) { if (e instanceof TextReadError) console.log(e.line, e.provision) }
 * ```
 */
export class TextReadError extends UntocKgError {
  override readonly name = 'TextReadError';
  /** The 1-based line where reading stopped, when known. */
  readonly line: number | undefined;
  /** The last provision read before the problem, when any was read. */
  readonly provision: string | undefined;

  constructor(operation: string, message: string, where: TextPosition) {
    super('text_unreadable', operation, message, { value: where.source, ...defined({ offset: where.offset }) });
    this.line = where.line;
    this.provision = where.provision;
  }
}

/** Renders one data issue as `file:path: message [code]`. */
export function formatDataIssue(issue: DataIssue): string {
  const line = issue.line !== undefined ? `:${issue.line}` : '';
  const path = issue.path.length > 0 ? ` (${issue.path.join('.')})` : '';
  return `${issue.file}${line}${path}: ${issue.message} [${issue.code}]`;
}

/** True when `value` is an error this library threw on purpose (works across realms and bundle copies). */
export function isUntocKgError(value: unknown): value is UntocKgError {
  return (
    value instanceof UntocKgError ||
    (value instanceof Error && typeof (value as { code?: unknown }).code === 'string' && 'operation' in value && 'suggestions' in value)
  );
}

/** True when `value` is a {@link DataValidationError}. */
export function isDataValidationError(value: unknown): value is DataValidationError {
  return isUntocKgError(value) && value.code === 'data_invalid' && Array.isArray((value as { issues?: unknown }).issues);
}

/**
 * Every code a {@link RowError} can carry: the file's own problems (encoding, syntax, header, fields), and every
 * {@link DataIssueCode} of the entry the row becomes.
 */
export type RowErrorCode =
  | DataIssueCode
  | 'invalid_encoding'
  | 'invalid_json'
  | 'empty_file'
  | 'invalid_quote'
  | 'unterminated_quote'
  | 'unknown_column'
  | 'duplicate_column'
  | 'missing_column'
  | 'extra_fields'
  | 'missing_fields'
  | 'missing_value';

/**
 * One problem in a directory file being imported (`importDirectory`): the row (the header is row 1; for JSON, the
 * 1-based position in `authorities`), the column (the field), a stable code and a sentence.
 */
export interface RowError {
  /** 1-based row: in CSV the header is row 1 and the first authority row 2; in JSON the position in `authorities`. Absent for a problem with the whole file. */
  readonly row?: number;
  /** For CSV: the 1-based line where the row starts (a quoted field may span lines). */
  readonly line?: number;
  /** The column (CSV header name) or field the problem is in. */
  readonly column?: string;
  /** Stable code, e.g. `invalid_state`, `missing_value`, `unknown_category`, `unknown_provision`, `duplicate_authority`. */
  readonly code: RowErrorCode;
  /** A readable sentence naming the value. */
  readonly message: string;
  /** Valid values close to the one given, best first. */
  readonly suggestions?: readonly string[];
}

/**
 * Thrown by `importDirectory` when any row is bad (and `keepGoodRows` is off): carries every row error; nothing is
 * imported.
 *
 * @example
 * ```ts
 * try { importDirectory(csv) } catch (e) { if (isDirectoryImportError(e)) for (const r of e.errors) console.log(r.row, r.column, r.code) }
 * ```
 */
export class DirectoryImportError extends UntocKgError {
  override readonly name = 'DirectoryImportError';
  /** Every problem found, in row order. */
  readonly errors: readonly RowError[];

  constructor(operation: string, file: string, errors: readonly RowError[]) {
    const head = errors.slice(0, 5).map((e) => formatRowError(file, e)).join('\n  ');
    const more = errors.length > 5 ? `\n  … and ${errors.length - 5} more` : '';
    super('directory_invalid', operation, `${errors.length} problem${errors.length === 1 ? '' : 's'} in ${file}; nothing was imported:\n  ${head}${more}`, {
      issues: errors,
    });
    this.errors = errors;
  }
}

/** One way an RDF graph read by the import does not fit the model. */
export interface RdfIssue {
  /**
   * `shape`: a constraint of `ontology/shapes.ttl` fails; `structure`: the node cannot be read as a record of the
   * model (a provision outside any instrument, a link to an unknown source); `unrecognized`: a triple the model does
   * not hold, which loading would silently drop.
   */
  readonly code: 'shape' | 'structure' | 'unrecognized';
  /** The node the problem is about (an IRI, or `_:label` for a blank node). */
  readonly focus: string;
  /** The property (predicate IRI), when the problem is about one. */
  readonly path?: string;
  /** A readable sentence. */
  readonly message: string;
  /** The SHACL shape that failed, for `shape` issues. */
  readonly shape?: string;
}

/**
 * Thrown by the RDF import when the graph does not conform; carries every issue found. Nothing is loaded.
 *
 * @example
 * ```ts
 * try { await importRdf(text, { format: 'turtle' }) }
 * catch (e) { if (isRdfConformanceError(e)) for (const issue of e.issues) console.log(formatRdfIssue(issue)) }
 * ```
 */
export class RdfConformanceError extends UntocKgError {
  override readonly name = 'RdfConformanceError';
  /** Every problem found. */
  readonly issues: readonly RdfIssue[];

  constructor(operation: string, issues: readonly RdfIssue[]) {
    super('rdf_nonconforming', operation, `the graph does not conform (${problems(issues.length)}); nothing was loaded:${listed(issues, formatRdfIssue)}`, {
      issues,
    });
    this.issues = issues;
  }
}

/**
 * Renders one row error as `file row 3 (line 4), column "state": message [code]`.
 *
 * @example
 * ```ts
 * formatRowError('cna.csv', { row: 3, column: 'state', code: 'invalid_state', message: 'not a code' })
 * // 'cna.csv row 3, column "state": not a code [invalid_state]'
 * ```
 */
export function formatRowError(file: string, error: RowError): string {
  const where = error.row === undefined ? '' : ` row ${error.row}${error.line !== undefined && error.line !== error.row ? ` (line ${error.line})` : ''}`;
  const column = error.column === undefined ? '' : `${where ? ',' : ''} column "${error.column}"`;
  return `${file}${where}${column}: ${error.message} [${error.code}]`;
}

/**
 * True when `value` is a {@link DirectoryImportError}.
 *
 * @example
 * ```ts
 * if (isDirectoryImportError(error)) console.log(error.errors.length)
 * ```
 */
export function isDirectoryImportError(value: unknown): value is DirectoryImportError {
  return isUntocKgError(value) && value.code === 'directory_invalid' && Array.isArray((value as { errors?: unknown }).errors);
}

/**
 * Renders one RDF issue as `<focus> <path>: message [code]`.
 *
 * @example
 * ```ts
 * formatRdfIssue({ code: 'shape', focus: iri, path: RDFS.label, message: 'needs a label' })
 * ```
 */
export function formatRdfIssue(issue: RdfIssue): string {
  return `<${issue.focus}>${issue.path ? ` <${issue.path}>` : ''}: ${issue.message} [${issue.code}]`;
}

/**
 * True when `value` is an {@link RdfConformanceError}.
 *
 * @example
 * ```ts
 * if (isRdfConformanceError(error)) console.log(error.issues.length)
 * ```
 */
export function isRdfConformanceError(value: unknown): value is RdfConformanceError {
  return isUntocKgError(value) && value.code === 'rdf_nonconforming' && Array.isArray((value as { issues?: unknown }).issues);
}

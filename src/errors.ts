/**
 * The library's error taxonomy. Every error has a stable machine-readable `code`; tests and callers check the code,
 * never the message. Messages name the operation and the value, and suggest the nearest valid value where there is
 * one.
 *
 * @module
 */
import type { TextFinding } from './text/check.js';

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
  // text
  | 'text_unreadable'
  | 'text_mismatch'
  // rdf
  | 'rdf_syntax'
  | 'rdf_nonconforming'
  | 'remote_context'
  | 'sparql_unavailable'
  | 'sparql_error';

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

/** One problem found in a data file: where it is and what is wrong. */
export interface DataIssue {
  /** Stable code, e.g. `unrecognized_keys`, `unknown_provision`, `duplicate_id`, `numbering_gap`. */
  readonly code: string;
  /** The file the problem is in (as given to the loader). */
  readonly file: string;
  /** The path inside the file, e.g. `['articles', 26, 'paragraphs', 0, 'number']`. */
  readonly path: readonly (string | number)[];
  /** A readable sentence. */
  readonly message: string;
  /** The 1-based line in the file, when it is known. */
  readonly line?: number;
}

/** Thrown when data files fail validation; carries every issue found, not just the first. */
export class DataValidationError extends UntocKgError {
  override readonly name = 'DataValidationError';
  /** Every problem found, in file order. */
  readonly issues: readonly DataIssue[];

  constructor(operation: string, issues: readonly DataIssue[]) {
    const head = issues.slice(0, 5).map(formatDataIssue).join('\n  ');
    const more = issues.length > 5 ? `\n  … and ${issues.length - 5} more` : '';
    super('data_invalid', operation, `${issues.length} problem${issues.length === 1 ? '' : 's'} in the data:\n  ${head}${more}`, {
      issues,
    });
    this.issues = issues;
  }
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
    super('text_unreadable', operation, message, { value: where.source, ...(where.offset !== undefined && { offset: where.offset }) });
    this.line = where.line;
    this.provision = where.provision;
  }
}

/**
 * Thrown (code `text_mismatch`) when a treaty text's structure differs from the graph's and the operation needs them
 * to agree; `findings` lists every difference.
 *
 * @example
 * ```ts
 * try { attachText(kg, text) } catch (e) { if (e instanceof TextMismatchError) console.table(e.findings) }
 * ```
 */
export class TextMismatchError extends UntocKgError {
  override readonly name = 'TextMismatchError';
  /** Every difference found (the text checker's findings). */
  readonly findings: readonly TextFinding[];

  constructor(operation: string, message: string, findings: readonly TextFinding[], value?: unknown) {
    super('text_mismatch', operation, message, { value, issues: findings });
    this.findings = findings;
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

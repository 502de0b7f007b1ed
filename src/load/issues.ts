/**
 * The issue list of one build: every problem found, with its file, path, code and message.
 *
 * @module
 */
import type { DataIssue, DataIssueCode } from '../errors.js';

/** A path inside a data file, e.g. `['articles', 26, 'paragraphs', 0, 'number']`. */
export type Path = (string | number)[];

/** Collects issues for one build. */
export class Issues {
  readonly list: DataIssue[] = [];

  /** Records one problem (suggestions only when there are any). */
  add(code: DataIssueCode, file: string, path: Path, message: string, suggestions?: readonly string[]): void {
    this.list.push(suggestions && suggestions.length > 0 ? { code, file, path, message, suggestions } : { code, file, path, message });
  }
}

/**
 * How a citation that does not resolve is reported in the data: the citation module's error, as a data issue.
 *
 * @module
 */
import type { UntocKgError } from '../errors.js';

/** The issue code, message and suggestions for a citation error (`syntax` is reported as `invalid_citation`). */
export function citationIssue(error: UntocKgError): { code: string; message: string; suggestions: readonly string[] } {
  return {
    code: error.code === 'syntax' ? 'invalid_citation' : error.code,
    // The message without the operation's name ("parseCitation: …"): the issue names the file and path instead.
    message: error.message.replace(/^\w+: /, ''),
    suggestions: error.suggestions,
  };
}

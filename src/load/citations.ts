/**
 * How a citation that does not resolve is reported in the data: the citation module's error, as a data issue.
 *
 * @module
 */
import type { CitationIssueCode, UntocKgError } from '../errors.js';

/** The issue code, message and suggestions of a citation that does not resolve. */
export interface CitationIssue {
  readonly code: CitationIssueCode;
  readonly message: string;
  readonly suggestions: readonly string[];
}

/** The issue code of a citation error: a `syntax` error is `invalid_citation`, as is any code not listed here. */
function issueCode(code: UntocKgError['code']): CitationIssueCode {
  switch (code) {
    case 'invalid_input':
    case 'unknown_instrument':
    case 'unknown_provision':
    case 'ambiguous':
    case 'unresolved_reference':
      return code;
    default:
      return 'invalid_citation';
  }
}

/** The issue code, message and suggestions for a citation error (`syntax` is reported as `invalid_citation`). */
export function citationIssue(error: UntocKgError): CitationIssue {
  return {
    code: issueCode(error.code),
    // The message without the operation's name ("parseCitation: …"): the issue names the file and path instead.
    message: error.message.replace(/^\w+: /, ''),
    suggestions: error.suggestions,
  };
}

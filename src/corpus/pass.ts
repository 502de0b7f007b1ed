/**
 * The types the two passes of reading a corpus share: the problems (codes and rows), the reader's options and
 * result, and what the first pass (`corpus/read.ts`) hands to resolution (`corpus/resolve.ts`). A module of its own,
 * so that neither pass imports the other's types back.
 *
 * @module
 */
import type { Corpus } from '../model/corpus.js';
import type { StateCodes } from '../model/states.js';
import type { CaseLine, CorpusHeader, LegislationLine, SectionLine, SourceLine } from './records.js';

/** Stable codes of the problems a corpus can have. */
export type CorpusErrorCode =
  | 'invalid_json'
  | 'unknown_type'
  | 'unknown_field'
  | 'missing_value'
  | 'invalid_value'
  | 'duplicate_id'
  | 'unknown_state'
  | 'bad_date'
  | 'unknown_provision'
  | 'unknown_legislation'
  | 'unknown_section'
  | 'unknown_source'
  | 'missing_locator'
  | 'missing_note';

/** One problem in a corpus: the line (1-based), the field (a dotted path inside the record), a code and a message. */
export interface CorpusRowError {
  readonly line: number;
  readonly field?: string;
  readonly code: CorpusErrorCode;
  readonly message: string;
  readonly suggestions?: readonly string[];
}


/** Options of {@link readCorpus}. */
export interface ReadCorpusOptions {
  /** The corpus id (its named graph is `graph/corpus/{id}`), when the input has no `corpus` record. Default `corpus`. */
  readonly id?: string;
  /** The corpus title, when the input has no `corpus` record. */
  readonly title?: string;
  /** The input's name, for messages (a file name). */
  readonly name?: string;
  /** Keep the good records and report the bad ones instead of loading nothing (default false). */
  readonly keepGood?: boolean;
  /**
   * Read each section's text and each case's fact summary for citations (`findCitations`) and add what they name as
   * links with basis `text` and the span as locator (default false).
   */
  readonly deriveCitations?: boolean;
  /** Called every 10,000 lines with the number read so far (for progress on a terminal). */
  readonly onProgress?: (lines: number) => void;
}

/** What {@link readCorpus} returns: the corpus, and the problems left out of it (only with `keepGood`). */
export interface CorpusReadResult {
  readonly corpus: Corpus;
  readonly errors: readonly CorpusRowError[];
}

/** A checked record with its line and, for laws and cases, its State. */
export type Checked =
  | { readonly line: number; readonly record: LegislationLine; readonly state: StateCodes }
  | { readonly line: number; readonly record: CaseLine; readonly state: StateCodes }
  | { readonly line: number; readonly record: SectionLine }
  | { readonly line: number; readonly record: SourceLine };

/** What the first pass hands to resolution: the records by kind, and the problems found so far. */
export interface FirstPass {
  header?: { readonly line: number; readonly record: CorpusHeader };
  readonly laws: Map<string, Extract<Checked, { record: LegislationLine }>>;
  readonly sections: Map<string, Extract<Checked, { record: SectionLine }>>;
  readonly cases: Map<string, Extract<Checked, { record: CaseLine }>>;
  readonly sources: Map<string, Extract<Checked, { record: SourceLine }>>;
  readonly errors: CorpusRowError[];
}


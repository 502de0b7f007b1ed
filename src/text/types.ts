/**
 * The shapes `parseTreatyText` returns and takes: a treaty read from a text, its provisions and chapters, what the
 * reader noticed, and the reader's options. Types only.
 *
 * @module
 */
import type { Eid, ProvisionLevel } from '../model/ids.js';

/** Text per language (BCP 47 tag → words). */
export type Wording = Readonly<Record<string, string>>;

/** The levels of a provision read from a text (chapters are listed apart). */
export type TextLevel = Exclude<ProvisionLevel, 'chapter'>;

/** A provision read from a text: its number, its own wording per language, and what it holds. */
export interface TextProvision {
  /** The Akoma Ntoso eId, as in the graph: `art_27__para_1__point_e`. */
  readonly eid: Eid;
  readonly level: TextLevel;
  /** As printed: `27`, `1`, `e`, `ii`, `2 bis`. */
  readonly number: string;
  /** The heading of an article, per language. */
  readonly heading: Wording;
  /** The provision's own words (its chapeau, or the whole text of a provision without subdivisions), per language. */
  readonly text: Wording;
  readonly children: readonly TextProvision[];
  /** The languages whose section holds this provision. */
  readonly languages: readonly string[];
  /** The 1-based line of the input where it starts (in the first section that has it). */
  readonly line: number;
}

/** A chapter read from a text. */
export interface TextChapter {
  readonly eid: Eid;
  /** As printed, normalized to upper-case roman: `II`. */
  readonly number: string;
  readonly heading: Wording;
  /** The article numbers it holds, in order. */
  readonly articles: readonly string[];
  readonly line: number;
}

/** Something the reader noticed but could read past. */
export interface TextNotice {
  readonly code: 'numbering_irregular' | 'language_mismatch' | 'language_undetected' | 'unplaced_line' | 'annex_skipped';
  readonly message: string;
  /** 1-based line of the input. */
  readonly line: number;
  readonly language?: string;
}

/** A treaty as read from a text. */
export interface TreatyText {
  /** The name of the input, as given in the options. */
  readonly source?: string;
  /** The instrument the text is said to be (as given in the options). */
  readonly instrument?: string;
  /** The languages found, in the order their sections appear (e.g. `['en', 'nl']`). */
  readonly languages: readonly string[];
  readonly title: Wording;
  readonly preamble: Wording;
  readonly chapters: readonly TextChapter[];
  readonly articles: readonly TextProvision[];
  /** The closing formula after the last article (`IN WITNESS WHEREOF …`), per language. */
  readonly closing: Wording;
  readonly notices: readonly TextNotice[];
}

/** Options of `parseTreatyText`. */
export interface TreatyTextOptions {
  /** A name for messages and provenance (e.g. the file name). */
  readonly source?: string;
  /** The instrument the text is (e.g. `untoc`); recorded on the result for `checkText` and `attachText`. */
  readonly instrument?: string;
  /**
   * The language of each section in order, where detection should not decide (e.g. `['en', 'ru']` for a language
   * the detector does not know). Sections beyond the list are detected.
   */
  readonly languages?: readonly string[];
  /**
   * What to do when the text seems to stop before its end (the last provision has no closing punctuation, or a
   * translation stops before the original does): `error` (default) or `ignore`.
   */
  readonly truncated?: 'error' | 'ignore';
}

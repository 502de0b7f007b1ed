/**
 * The citation syntax tree: a discriminated union on `kind`. A citation names provisions by their printed numbers;
 * it says nothing about whether they exist (that is `resolveCitation`'s job).
 *
 * @module
 */
import type { Eid, EidElement, InstrumentId, ProvisionLevel } from '../model/ids.js';

/** The half-open character range `[start, end)` of the input that a citation covers. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** One step of a provision path with its number as printed (`27`, `1`, `e`, `ii`, `5.A`). */
export interface PathSegment {
  readonly element: Exclude<EidElement, 'chp'>;
  readonly num: string;
}

/** What every citation carries. */
interface CitationBase {
  readonly span: Span;
  /** Readings the parser had to assume, e.g. that "the Protocol" means the SOM Protocol. Empty when none. */
  readonly assumptions: readonly string[];
}

/** A single provision, from an article down to a subitem. `kind` is its level. */
export interface ProvisionCitation extends CitationBase {
  readonly kind: Exclude<ProvisionLevel, 'chapter'>;
  readonly instrument: InstrumentId;
  readonly path: readonly PathSegment[];
  readonly eid: Eid;
}

/** A chapter of an instrument (`chapter II of the Protocol`). */
export interface ChapterCitation extends CitationBase {
  readonly kind: 'chapter';
  readonly instrument: InstrumentId;
  /** As printed, e.g. `II`. */
  readonly number: string;
  readonly eid: Eid;
}

/** An instrument as a whole (`the Convention`, `SOM Protocol`). */
export interface InstrumentCitation extends CitationBase {
  readonly kind: 'instrument';
  readonly instrument: InstrumentId;
}

/** A range between two provisions of the same level and parent (`arts. 7–9`, `para. 1(a)–(f)`). */
export interface RangeCitation extends CitationBase {
  readonly kind: 'range';
  readonly from: ProvisionCitation | ChapterCitation;
  readonly to: ProvisionCitation | ChapterCitation;
}

/** Several citations joined by commas, `and`, `or` (`articles 5, 6, 8 and 23`). */
export interface ListCitation extends CitationBase {
  readonly kind: 'list';
  readonly items: readonly (ProvisionCitation | ChapterCitation | RangeCitation | InstrumentCitation)[];
}

/**
 * A reference to something this graph does not hold: another instrument ("article 35 of the Charter"), or a relative
 * reference ("paragraph 2 of this article") given without the context to place it. Never mistaken for a provision of
 * this graph.
 */
export interface UnresolvedCitation extends CitationBase {
  readonly kind: 'unresolved';
  readonly reason: 'other_instrument' | 'needs_context';
  /** The instrument named, for `other_instrument` (e.g. `the Charter of the United Nations`). */
  readonly instrumentName?: string;
  /** The provision path as printed, when there is one. */
  readonly path: readonly PathSegment[];
}

/** Any citation. */
export type Citation =
  | ProvisionCitation
  | ChapterCitation
  | InstrumentCitation
  | RangeCitation
  | ListCitation
  | UnresolvedCitation;

/** Where a citation is read: what bare and relative references mean. */
export interface CitationContext {
  /**
   * The instrument a bare citation ("art. 27") and "this Convention"/"this Protocol" mean. Default `untoc`:
   * a bare citation means the Convention.
   */
  readonly instrument?: string;
  /** The Protocol "the Protocol" means when no Protocol is named. Default `som-protocol`. */
  readonly protocol?: string;
  /** The article "this article" and bare "paragraph 2" mean. */
  readonly article?: string;
  /** The paragraph "this paragraph" and bare "subparagraph (a)" mean. */
  readonly paragraph?: string;
  /** The subparagraph "this subparagraph" means. */
  readonly subparagraph?: string;
}

/** The output styles of `formatCitation`. */
export type CitationStyle = 'un' | 'short' | 'long' | 'eid' | 'iri';

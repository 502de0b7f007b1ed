/**
 * The validated, normalized dataset every projection is built from (DESIGN.md §1). It is produced by `load/` from
 * the data files (whose schemas are in `files.ts`), compiled into the package at build time, and never mutated.
 * Every record is plain JSON: the bundled graph is a `JSON.parse` away.
 *
 * @module
 */
import type { Basis, Completeness, ToolKind } from './files.js';
import type {
  AuthorityId,
  Eid,
  InstrumentId,
  InstrumentIri,
  LinkId,
  NodeIri,
  PartId,
  ProvisionId,
  ProvisionLevel,
  SourceId,
  SourceIri,
  ThemeId,
  ThemeIri,
  ToolId,
  ToolIri,
} from './ids.js';
import type { InstrumentKind } from './instruments.js';

export type { Basis, Completeness, ToolKind };

/** A fact with the sources that support it. */
export interface Sourced {
  readonly sources: readonly SourceId[];
}

/** An instrument: a convention, a protocol, or the Model Law. */
export interface InstrumentRecord {
  readonly id: InstrumentId;
  readonly iri: InstrumentIri;
  readonly kind: InstrumentKind;
  readonly title: string;
  readonly abbreviation: string;
  readonly adopted?: Sourced & { readonly date?: string; readonly year?: number; readonly place?: string; readonly by?: string };
  readonly entryIntoForce?: Sourced & { readonly date: string };
  readonly identifiers?: Sourced & {
    readonly untcChapter?: string;
    readonly unts?: string;
    readonly registration?: string;
    readonly document?: string;
    readonly jobNumber?: string;
  };
  /** How much of the instrument's structure the data holds, and where it was read from. */
  readonly structure: Sourced & { readonly completeness: Completeness; readonly note?: string };
  /** The data file it came from (for messages). */
  readonly file: string;
}

/** A provision: a chapter, article, paragraph, subparagraph, item or subitem of an instrument. */
export interface ProvisionRecord {
  readonly id: ProvisionId;
  readonly instrument: InstrumentId;
  readonly eid: Eid;
  readonly level: ProvisionLevel;
  /** The number as printed: `27`, `1`, `e`, `ii`, `II`, `5.A`. */
  readonly number: string;
  /** The heading, for articles and chapters. */
  readonly heading?: string;
  /** A grouping printed above an article (the Model Law's options). */
  readonly group?: string;
  /** The enclosing provision, or the instrument for articles and chapters. */
  readonly parent: ProvisionId;
  /** For an article, the chapter that holds it. */
  readonly chapter?: ProvisionId;
  /** Children in document order (for a chapter: its articles). */
  readonly children: readonly ProvisionId[];
  /** True when only some of its children are listed. */
  readonly partial: boolean;
}

/** A tool of the seed's annex (or a user's own). */
export interface ToolRecord {
  readonly id: ToolId;
  readonly iri: ToolIri;
  readonly kind: ToolKind;
  readonly title: string;
  /** When the tool is also an instrument (the Model Law). */
  readonly instrument?: InstrumentId;
  readonly url?: string;
  readonly summary?: string;
  readonly publication?: Sourced & {
    readonly year?: number;
    readonly date?: string;
    readonly place?: string;
    readonly publisher?: string;
    readonly edition?: string;
    readonly jobNumber?: string;
    readonly pages?: number;
    readonly note?: string;
  };
  readonly structure: { readonly completeness: Completeness; readonly note?: string };
  /** Top-level parts in document order. */
  readonly parts: readonly PartId[];
  readonly counts: readonly CountRecord[];
  readonly sources: readonly SourceId[];
  readonly file: string;
}

/** A count a source reports, kept with its date and source ("over 600 authorities", seed, 2015). */
export interface CountRecord {
  readonly what: string;
  readonly value: number;
  readonly qualifier: 'exactly' | 'at-least' | 'about';
  readonly asOf?: string;
  readonly source: SourceId;
  readonly locator?: string;
}

/** A part of a tool. */
export interface PartRecord {
  readonly id: PartId;
  readonly tool: ToolId;
  /** The path under the tool, e.g. `part_1/chp_5`. */
  readonly path: string;
  readonly label: string;
  readonly title?: string;
  readonly summary?: string;
  readonly pages?: string;
  readonly paragraphs?: string;
  readonly completeness?: Completeness;
  /** The enclosing part, if any. */
  readonly parent?: PartId;
  readonly children: readonly PartId[];
  readonly sources: readonly SourceId[];
}

/** A theme: a SKOS concept of the project's scheme. */
export interface ThemeRecord {
  readonly id: ThemeId;
  readonly iri: ThemeIri;
  readonly label: string;
  readonly broader: readonly ThemeId[];
  readonly definition?: string;
  readonly sources: readonly SourceId[];
}

/** A document facts come from. */
export interface SourceRecord {
  readonly id: SourceId;
  readonly iri: SourceIri;
  readonly title: string;
  readonly url?: string;
  readonly publisher?: string;
  readonly date?: string;
  readonly note?: string;
}

/**
 * What a link says: a tool or part `addresses` a provision; something has a theme as `subject`; a provision `cites`
 * another; an instrument `supplements` another; a Model Law article is a `modelProvisionFor` a Protocol provision.
 */
export type LinkProperty = 'addresses' | 'subject' | 'cites' | 'supplements' | 'modelProvisionFor';

/** A qualified link: one claim, from one source, with its basis. */
export interface LinkRecord {
  readonly id: LinkId;
  readonly property: LinkProperty;
  readonly from: NodeIri;
  readonly to: NodeIri;
  readonly basis: Basis;
  readonly source: SourceId;
  readonly locator?: string;
  readonly note?: string;
  /** `disputed`: a source's claim that the text contradicts; kept with its correction, not asserted. */
  readonly status: 'asserted' | 'disputed';
  /** For a disputed claim: what the accepted target is. */
  readonly correction?: NodeIri;
  /** For a disputed claim: why it is disputed. */
  readonly discrepancy?: string;
  /** The data file it came from. */
  readonly file: string;
}

/** A competent national authority (filled by the directory data; see `authorities`). */
export interface AuthorityRecord {
  readonly id: AuthorityId;
}

/**
 * Wording read from a treaty text a user supplied (see `attachText`): one provision in one language. The curated
 * data holds none; the library ships no treaty text.
 */
export interface TextRecord {
  /** The provision; for the title and preamble, the instrument's IRI. */
  readonly provision: ProvisionId;
  readonly instrument: InstrumentId;
  /** A BCP 47 language tag, e.g. `en`, `nl`. */
  readonly language: string;
  /** The provision's own words (its chapeau, or its whole text when it has no subdivisions); an instrument's preamble. */
  readonly text?: string;
  /** The heading in this language (articles, chapters); an instrument's title. */
  readonly heading?: string;
  /** The document it was read from. */
  readonly source: SourceId;
}

/** Everything the graph holds, normalized and validated. */
export interface Dataset {
  readonly instruments: readonly InstrumentRecord[];
  readonly provisions: readonly ProvisionRecord[];
  readonly tools: readonly ToolRecord[];
  readonly parts: readonly PartRecord[];
  readonly themes: readonly ThemeRecord[];
  readonly themeScheme: { readonly title: string; readonly description?: string };
  readonly sources: readonly SourceRecord[];
  readonly links: readonly LinkRecord[];
  /** Wording attached from treaty texts (`attachText`); absent from the curated data. */
  readonly texts?: readonly TextRecord[];
}

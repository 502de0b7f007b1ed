/**
 * The validated, normalized dataset every projection is built from (DESIGN.md §1). It is produced by `load/` from
 * the data files (whose schemas are in `files.ts`), compiled into the package at build time, and never mutated.
 * Every record is plain JSON: the bundled graph is a `JSON.parse` away.
 *
 * @module
 */
import type { Basis, Completeness, ConsentKind, DesignationBasis, ToolKind } from './files.js';
import type {
  AuthorityId,
  CategoryId,
  StateIri,
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

export type { Basis, Completeness, ConsentKind, DesignationBasis, ToolKind };

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
  /** The project's own one-line summary of what the provision does (not the treaty's wording). */
  readonly summary?: string;
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
    /** Other editions (language editions, an advance copy), each named by the source that describes it. */
    readonly editions?: readonly EditionRecord[];
  };
  readonly structure: { readonly completeness: Completeness; readonly note?: string };
  /** Top-level parts in document order. */
  readonly parts: readonly PartId[];
  readonly counts: readonly CountRecord[];
  readonly sources: readonly SourceId[];
  readonly file: string;
}

/** Another edition of a tool, named by the source that describes it. */
export interface EditionRecord {
  readonly source: SourceId;
  readonly label: string;
  readonly language?: string;
  readonly title?: string;
  readonly jobNumber?: string;
  readonly date?: string;
  readonly place?: string;
  readonly pages?: number;
  readonly note?: string;
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
  /** Pages in the edition the tool's `publication` describes. */
  readonly pages?: string;
  /** Pages in other editions, each named by the source that describes the edition. */
  readonly pagesIn?: readonly { readonly source: SourceId; readonly pages: string }[];
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

/** A State the graph refers to (ISO 3166-1, from the `iso-3166` package). */
export interface StateRecord {
  readonly iri: StateIri;
  /** ISO 3166-1 alpha-2, e.g. `DE`. */
  readonly alpha2: string;
  /** ISO 3166-1 alpha-3, e.g. `DEU`. */
  readonly alpha3: string;
  /** The English short name ISO 3166-1 gives. */
  readonly name: string;
}

/** A request category of the directory: a part of the directory tool, and the provisions behind it (domain.md §9.2). */
export interface CategoryRecord {
  readonly id: CategoryId;
  /** The category's part of the directory tool. */
  readonly part: PartId;
  readonly tool: ToolId;
  /** The part's label, e.g. "Smuggling of migrants by sea". */
  readonly label: string;
  readonly aliases: readonly string[];
  readonly basis: DesignationBasis;
  /** The clauses authorities of this category are designated or notified under (empty unless `designation-clause`). */
  readonly designatedUnder: readonly ProvisionId[];
  /** Related articles without a designation clause. */
  readonly related: readonly ProvisionId[];
  /** Whether an authority imported without a provision is taken to be designated under the one clause. */
  readonly inferDesignation: boolean;
  readonly note: string;
  /** The sources of the basis and the clauses. */
  readonly sources: readonly SourceId[];
  readonly locator?: string;
  readonly file: string;
}

/** A dated snapshot of the directory: the curated designations, or an import. Its IRI is also its named graph's. */
export interface SnapshotRecord {
  /** The snapshot's id (its date, by default). */
  readonly id: string;
  /** `graph/directory/{id}`. */
  readonly iri: string;
  readonly title?: string;
  readonly asOf?: string;
  readonly source?: SourceId;
  /** True for example or synthetic data. */
  readonly example: boolean;
  readonly note?: string;
  readonly file: string;
}

/** A competent national authority as one snapshot of the directory lists it. */
export interface AuthorityRecord {
  /** `cna/{alpha-3}/{slug}`. The same authority in two snapshots has one id and two records. */
  readonly id: AuthorityId;
  readonly name: string;
  /** The designating State's ISO 3166-1 alpha-2 code (see `Dataset.states`). */
  readonly state: string;
  readonly categories: readonly CategoryId[];
  /** True when the categories were not given and were inferred from the provisions. */
  readonly categoriesInferred: boolean;
  /** The provisions it is designated under. */
  readonly designatedUnder: readonly ProvisionId[];
  /** True when no provision was given and it was inferred from the category's one designation clause. */
  readonly designationInferred: boolean;
  readonly city?: string;
  readonly address?: string;
  readonly phone?: string;
  readonly email?: string;
  readonly website?: string;
  readonly languages: readonly string[];
  readonly hours?: string;
  readonly timeZone?: string;
  readonly urgentViaInterpol?: boolean;
  readonly notes?: string;
  /** When the entry was last updated (ISO date). */
  readonly updated?: string;
  readonly source: SourceId;
  readonly locator?: string;
  /** The snapshot that lists it. */
  readonly snapshot: string;
}

/** One State's participation in one instrument as at a date. */
export interface ParticipationRecord {
  /** ISO 3166-1 alpha-2. */
  readonly state: string;
  readonly instrument: InstrumentId;
  readonly signature?: string;
  readonly consent?: { readonly kind: ConsentKind; readonly date: string };
  readonly asOf: string;
  readonly source: SourceId;
  readonly locator?: string;
  readonly note?: string;
  /** The participation file's id. */
  readonly file: string;
  readonly example: boolean;
}

/** Instrument-level figures at a date (e.g. UNTOC: 147 signatories, 192 parties as at 2024-05-04, S5). */
export interface ParticipationFigureRecord {
  readonly instrument: InstrumentId;
  readonly signatories?: number;
  readonly parties?: number;
  readonly asOf: string;
  readonly source: SourceId;
  readonly locator?: string;
  /** The participation file's id. */
  readonly file: string;
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
  /** The directory's request categories. */
  readonly categories: readonly CategoryRecord[];
  /** Directory snapshots (curated and imported). */
  readonly snapshots: readonly SnapshotRecord[];
  /** Competent national authorities, one record per snapshot that lists them. */
  readonly authorities: readonly AuthorityRecord[];
  /** The States that authorities or participation records refer to (not every ISO code). */
  readonly states: readonly StateRecord[];
  /** Per-State participation records. */
  readonly participation: readonly ParticipationRecord[];
  /** Instrument-level participation figures. */
  readonly participationFigures: readonly ParticipationFigureRecord[];
  /** Wording attached from treaty texts (`attachText`); absent from the curated data. */
  readonly texts?: readonly TextRecord[];
}

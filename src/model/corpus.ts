/**
 * A research corpus, normalized: national laws and their sections, court cases, the sources their links cite, and
 * the links themselves (a section implements a treaty provision; a case applies a treaty provision or a national
 * section). What `readCorpus` returns and what the corpus lookup, the queries and the RDF writer read.
 *
 * The corpus is the user's data, kept apart from the curated {@link Dataset}: each loaded corpus is its own named
 * graph, and a link in it says who says so (basis `text`, `source` with a locator, or `curated` with a reason) the
 * way every link of the curated graph does.
 *
 * @module
 */
import type { Basis } from './files.js';
import type { CaseIri, DocumentIri, LegislationIri, LinkId, ProvisionId, SectionIri } from './ids.js';

/** Text in several languages: BCP 47 tag → text. */
export type LanguageMap = Readonly<Record<string, string>>;

/** A national law. */
export interface LegislationRecord {
  readonly kind: 'legislation';
  readonly iri: LegislationIri;
  /** The user's id, as given (`it-tui`). */
  readonly id: string;
  /** ISO 3166-1 alpha-2, upper case. */
  readonly state: string;
  readonly title: string;
  /** The official identifier (`Decreto legislativo 25 luglio 1998, n. 286`). */
  readonly officialId?: string;
  /** Date of adoption or publication, `YYYY-MM-DD`. */
  readonly date?: string;
  readonly url?: string;
  readonly languages: readonly string[];
  /** Abbreviations by which texts cite the law (`TUI`): `art. 12 TUI` resolves to its section 12. */
  readonly abbreviations: readonly string[];
  /** Top-level sections in order. */
  readonly sections: readonly SectionIri[];
  readonly note?: string;
  /** The line of the input it came from. */
  readonly line: number;
}

/** A section of a national law (an article, a paragraph of one, …), nested like treaty provisions. */
export interface SectionRecord {
  readonly iri: SectionIri;
  readonly legislation: LegislationIri;
  /** The key links use: `{law id}#{number}`, nested numbers joined by `/` (`it-tui#12/1`). */
  readonly key: string;
  /** The number as printed (`12`, `12-bis`). */
  readonly number: string;
  readonly heading?: LanguageMap;
  readonly text?: LanguageMap;
  readonly parent?: SectionIri;
  readonly children: readonly SectionIri[];
  readonly line: number;
}

/** One charge of a case: the national section charged and the verdict, as the record gives them. */
export interface ChargeRecord {
  readonly section?: SectionIri;
  readonly charge?: string;
  readonly verdict?: string;
  readonly sentence?: string;
}

/** A court case (SHERLOC-shaped). */
export interface CaseRecord {
  readonly kind: 'case';
  readonly iri: CaseIri;
  /** The user's stable id, as given (SHERLOC's form is `ITAx041`). */
  readonly id: string;
  readonly state: string;
  readonly title: string;
  readonly court?: string;
  readonly decisionDate?: string;
  readonly crimeTypes: readonly string[];
  readonly legalSystem?: string;
  readonly factSummary?: LanguageMap;
  readonly charges: readonly ChargeRecord[];
  /** Where the decision can be read (URLs or references). */
  readonly sources: readonly string[];
  readonly crossCuttingIssues: readonly string[];
  readonly url?: string;
  readonly note?: string;
  readonly line: number;
}

/** A national law or a case. */
export type DocumentRecord = LegislationRecord | CaseRecord;

/** A document a corpus link may cite as its source. */
export interface CorpusSourceRecord {
  /** The key links use (`sherloc`). */
  readonly id: string;
  readonly title: string;
  readonly url?: string;
}

/** What a corpus link says: a section implements a provision, or a case applies a provision or a section. */
export type CorpusLinkProperty = 'implements' | 'applies';

/** One link of a corpus, with its provenance. */
export interface CorpusLinkRecord {
  readonly id: LinkId;
  readonly property: CorpusLinkProperty;
  /** The section (implements) or case (applies). */
  readonly from: SectionIri | CaseIri;
  /** The document the link belongs to (the section's law, or the case). */
  readonly document: DocumentIri;
  /** A treaty provision, or (for `applies`) a national section. */
  readonly to: ProvisionId | SectionIri;
  readonly toKind: 'provision' | 'section';
  readonly basis: Basis;
  /** The source's key: a corpus source, or the corpus itself for curated links. */
  readonly source: string;
  readonly locator?: string;
  readonly note?: string;
  /** True for a link found in the text by `deriveCitations`, with its span as the locator. */
  readonly derived: boolean;
  readonly line: number;
}

/** A research corpus: what one input (a file, a stream) held. */
export interface Corpus {
  /** The corpus id (its named graph is `graph/corpus/{id}`). */
  readonly id: string;
  readonly graph: string;
  readonly title: string;
  /** True when the corpus says its records are synthetic or example data. */
  readonly synthetic: boolean;
  readonly note?: string;
  readonly legislation: readonly LegislationRecord[];
  readonly sections: readonly SectionRecord[];
  readonly cases: readonly CaseRecord[];
  readonly sources: readonly CorpusSourceRecord[];
  readonly links: readonly CorpusLinkRecord[];
}

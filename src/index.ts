/**
 * untoc-kg: the United Nations Convention against Transnational Organized Crime, its Protocols, the UNODC Model Law
 * against the Smuggling of Migrants and the UNODC tools as one knowledge graph, with typed queries, citation parsing
 * and linked-data exports. This entry runs in browsers too and loads no zod: the schemas and validation of data files
 * are in `untoc-kg/data`, file-system helpers in `untoc-kg/node`, exports and imports in `untoc-kg/rdf`, SPARQL in
 * `untoc-kg/sparql`.
 *
 * @example
 * ```ts
 * import { loadGraph, toolsAddressing } from 'untoc-kg'
 * toolsAddressing(loadGraph(), 'art. 27 para. 1(e)').results[0].tool.id // 'legislative-guides'
 * ```
 *
 * @packageDocumentation
 */

// The graph
export { KnowledgeGraph, loadGraph } from './kg.js';
export type { LoadGraphOptions } from './kg.js';
export { loadCore } from './core.js';
export type { KnowledgeGraphCore, LoadCoreOptions } from './core.js';
export { bundledDataset } from './bundled.js';
export type { GraphIndex } from './lookup/build.js';
export type { AddressedBelow, AddressingLookup } from './lookup/addressing.js';

// Typed queries
export { toolsAddressing } from './query/tools.js';
export type { ToolMatch, ToolsAddressingOptions, ToolsAddressingResult } from './query/tools.js';
export { provision, provisionsAddressedBy } from './query/provisions.js';
export type { AddressedProvision, ProvisionDetails, ProvisionsAddressedResult, Reference } from './query/provisions.js';
export { toolsOnTheme, themesOf } from './query/themes.js';
export type { ThemeMatch, ThemeOf, ThemesOfResult, ToolsOnThemeResult } from './query/themes.js';
export { discrepanciesAbout } from './query/discrepancies.js';
export type { Discrepancy } from './query/discrepancies.js';
export { search } from './query/search.js';
export type { SearchHit, SearchKind, SearchOptions } from './query/search.js';
export { explainPath } from './query/paths.js';
export type { PathOptions, PathResult } from './query/paths.js';
export type { MatchKind, NodeRef, PathRelation, PathStep } from './query/steps.js';
export type { Evidence, PartView, ProvisionView, ThemeView, ToolView } from './query/views.js';

// Citations
export { parseCitation } from './citation/parse.js';
export type { ParseOptions } from './citation/parse.js';
export { formatCitation } from './citation/format.js';
export type { Citable } from './citation/format.js';
export { resolveCitation } from './citation/resolve.js';
export type { Resolution, ResolvedTarget, StructureLookup } from './citation/resolve.js';
export { findCitations } from './citation/find.js';
export type { FindOptions, FoundCitation } from './citation/find.js';
export type {
  Citation,
  CitationContext,
  CitationStyle,
  ChapterCitation,
  InstrumentCitation,
  ListCitation,
  PathSegment,
  ProvisionCitation,
  RangeCitation,
  Span,
  UnresolvedCitation,
} from './citation/types.js';

// The dataset's records (the schemas of the data files are in `untoc-kg/data`)
export type {
  AuthorityRecord,
  CategoryRecord,
  ParticipationFigureRecord,
  ParticipationRecord,
  SnapshotRecord,
  StateRecord,
  CountRecord,
  Dataset,
  InstrumentRecord,
  LinkProperty,
  LinkRecord,
  PartRecord,
  ProvisionRecord,
  SourceRecord,
  Sourced,
  TextRecord,
  ThemeRecord,
  ToolRecord,
} from './model/dataset.js';

// Identifiers (minted by the library: get them from `resolveCitation` and the query results)
export { BASE_IRI } from './model/ids.js';
export type {
  AuthorityId,
  CategoryId,
  StateIri,
  Eid,
  EidSegment,
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
} from './model/ids.js';
export { KNOWN_INSTRUMENTS } from './model/instruments.js';
export type { InstrumentEntry, InstrumentKind, KnownInstrumentId } from './model/instruments.js';

// The views of the graph (`kg.store`, `kg.graph`) and Turtle
// Research corpora: national legislation and cases linked to the provisions (read them with `untoc-kg/data` or
// `untoc-kg/node`, then `withCorpora`), and the questions a comparative study asks of them
export { withCorpora } from './kg.js';
export { citedTogether, coverage, documentsAddressing } from './query/documents.js';
export type {
  CitedTogether,
  CoverageCell,
  CoverageKind,
  CoverageResult,
  CoverageRow,
  DocumentMatch,
  DocumentsAddressingOptions,
  DocumentsAddressingResult,
  DocumentView,
  SectionView,
} from './query/documents.js';
export type { LinkedDocument, ProvisionDocuments } from './query/corpus-views.js';
export type { CorpusLookup, LinkedBelow } from './lookup/corpus.js';
export type {
  CaseRecord,
  ChargeRecord,
  Corpus,
  CorpusLinkProperty,
  CorpusLinkRecord,
  CorpusSourceRecord,
  DocumentRecord,
  LanguageMap,
  LegislationRecord,
  SectionRecord,
} from './model/corpus.js';
export type { CaseIri, DocumentIri, LegislationIri, SectionIri } from './model/ids.js';

export type { EdgeAttributes, EdgeEvidence, NetworkGraph, NodeAttributes } from './graph/build.js';
export { toTurtle } from './export/turtle.js';
export { PREFIXES, UKG } from './vocab/terms.js';

// Treaty texts: read, check against the graph, attach the wording
export { MAX_LANGUAGE_SECTIONS, parseTreatyText } from './text/parse.js';
export type { TextChapter, TextLevel, TextNotice, TextProvision, TreatyText, TreatyTextOptions, Wording, WordingTree } from './text/parse.js';
export { checkText, TextMismatchError } from './text/check.js';
export type {
  ChapterArticlesFinding,
  CheckTextOptions,
  ExtraFinding,
  FindingSeverity,
  HeadingFinding,
  LanguageGapFinding,
  MissingFinding,
  NoWordingFinding,
  OrderFinding,
  TextCheck,
  TextFinding,
} from './text/check.js';
export { attachText } from './text/attach.js';
export type { AttachTextOptions, TextAttachment, TextSource } from './text/attach.js';
export { citesInText } from './text/cites.js';
export type { CitesOptions, TextCite } from './text/cites.js';
export { wordingOf } from './text/wording.js';
export type { ProvisionWording } from './text/wording.js';

// Errors
export { DataValidationError, TextReadError, UntocKgError, formatDataIssue, isDataValidationError, isUntocKgError } from './errors.js';
export type { CitationIssueCode, DataIssue, DataIssueCode, ErrorCode, ErrorDetails, ShapeIssueCode, TextPosition } from './errors.js';
export { DirectoryImportError, formatRowError, isDirectoryImportError } from './errors.js';
export type { RowError, RowErrorCode } from './errors.js';

// The directory of competent national authorities (imports of directories are in `untoc-kg/data`)
export { authorities } from './query/authorities.js';
export type { AuthoritiesFilter, AuthoritiesResult, AuthorityMatch, ProvisionMatch } from './query/authorities.js';
export { authoritiesFor } from './query/designations.js';
export type { AuthoritiesForOptions, AuthoritySummary } from './query/designations.js';
export { allStates, findState } from './model/states.js';
export type { StateCodes } from './model/states.js';

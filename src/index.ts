/**
 * untoc-kg: the United Nations Convention against Transnational Organized Crime, its Protocols, the UNODC Model Law
 * against the Smuggling of Migrants and the UNODC tools as one knowledge graph, with typed queries, citation parsing
 * and linked-data exports. This entry runs in browsers too; file-system helpers are in `untoc-kg/node`.
 *
 * @packageDocumentation
 */

// The graph
export { KnowledgeGraph, loadGraph } from './kg.js';
export type { LoadGraphOptions } from './kg.js';
export { loadCore } from './core.js';
export type { KnowledgeGraphCore } from './core.js';
export { bundledDataset } from './bundled.js';
export { buildIndex } from './lookup/build.js';
export type { GraphIndex } from './lookup/build.js';

// Typed queries
export { toolsAddressing, provisionsAddressedBy, toolsOnTheme, discrepanciesAbout } from './query/tools.js';
export type {
  AddressedProvision,
  Discrepancy,
  MatchKind,
  NodeRef,
  PathRelation,
  PathStep,
  ProvisionsAddressedResult,
  ThemeMatch,
  ToolMatch,
  ToolsAddressingOptions,
  ToolsAddressingResult,
  ToolsOnThemeResult,
} from './query/tools.js';
export { provision, themesOf } from './query/provisions.js';
export type { ProvisionDetails, Reference, ThemeOf, ThemesOfResult } from './query/provisions.js';
export { search, normalizeForSearch } from './query/search.js';
export type { SearchHit, SearchKind, SearchOptions } from './query/search.js';
export { explainPath } from './query/paths.js';
export type { PathOptions, PathResult } from './query/paths.js';
export type { Evidence, PartView, ProvisionView, ThemeView, ToolView } from './query/views.js';

// Citations
export { parseCitation, normalizeCitationText } from './citation/parse.js';
export type { ParseOptions } from './citation/parse.js';
export { formatCitation, provisionLabel } from './citation/format.js';
export type { Citable } from './citation/format.js';
export { resolveCitation } from './citation/resolve.js';
export { findCitations } from './citation/find.js';
export type { FindOptions, FoundCitation } from './citation/find.js';
export type { Resolution, ResolvedTarget, StructureLookup } from './citation/resolve.js';
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

// Data: schemas (which are the types), loading and validation
export {
  ArticleNode,
  Basis,
  ChapterNode,
  Completeness,
  CountClaim,
  DataFile,
  InstrumentFile,
  ItemNode,
  LinkEntry,
  ParagraphNode,
  PartEntry,
  PrintedNumber,
  ProvisionThemeEntry,
  ReferenceEntry,
  SourceEntry,
  SourcesFile,
  SubitemNode,
  SubparagraphNode,
  ThemeEntry,
  ThemesFile,
  ToolFile,
  ToolKind,
} from './model/files.js';
export {
  AuthorityEntry,
  CategoryEntry,
  ConsentKind,
  DesignationBasis,
  DirectoryCategoriesFile,
  DirectoryFile,
  ParticipationEntry,
  ParticipationFigure,
  ParticipationFile,
} from './model/files.js';
export { buildDataset } from './load/build.js';
export type { BuildOptions } from './load/build.js';
export { checkShape } from './load/shape.js';
export type { RawFile, ShapeResult } from './load/shape.js';
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

// Identifiers
export { BASE_IRI, cleanNum, instrumentIri, mintEid, parseEid, provisionId } from './model/ids.js';
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

// Projections and exports
export { datasetQuads, LINK_PREDICATE } from './rdf/quads.js';
export type { QuadOptions } from './rdf/quads.js';
export { buildStore } from './rdf/store.js';
export { buildGraph } from './graph/build.js';
export type { EdgeAttributes, EdgeEvidence, NetworkGraph, NodeAttributes } from './graph/build.js';
export { toTurtle } from './export/turtle.js';
export { PREFIXES, UKG } from './vocab/terms.js';

// Treaty texts: read, check against the graph, attach the wording
export { MAX_LANGUAGE_SECTIONS, parseTreatyText, fullText, printedMarker, textProvisions } from './text/parse.js';
export { detectLanguage } from './text/language.js';
export type { TextChapter, TextLevel, TextNotice, TextProvision, TreatyText, TreatyTextOptions, Wording, WordingTree } from './text/parse.js';
export { checkText, instrumentOfText, TextMismatchError } from './text/check.js';
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
export type { DataIssue, ErrorCode, ErrorDetails, TextPosition } from './errors.js';
export { DirectoryImportError, formatRowError, isDirectoryImportError } from './errors.js';
export type { RowError } from './errors.js';

// The directory of competent national authorities
export { authorities } from './query/authorities.js';
export type { AuthoritiesFilter, AuthoritiesResult, AuthorityMatch, ProvisionMatch } from './query/authorities.js';
export { authoritiesFor } from './query/designations.js';
export type { AuthoritiesForOptions, AuthoritySummary } from './query/designations.js';
export { loadDirectory, DIRECTORY_COLUMNS } from './directory/import.js';
export type { DirectoryColumn, DirectoryImport, LoadDirectoryOptions } from './directory/import.js';
export { generateDirectory, generateDirectoryEntries } from './directory/generate.js';
export type { GenerateDirectoryOptions } from './directory/generate.js';
export { parseCsv, toCsv } from './directory/csv.js';
export type { CsvProblem, CsvRecord } from './directory/csv.js';
export { allStates, findState, stateByCode } from './model/states.js';
export type { StateCodes } from './model/states.js';

/**
 * `untoc-kg/data`: the data files and what validates them. The zod schemas of every file type (which are also the
 * types), `checkShape` (one file's shape), `buildDataset` (shape, then integrity across files, on top of a base
 * dataset), and directory imports and synthetic directories. Kept out of the core entry so that `import 'untoc-kg'`
 * loads no zod. Runs in browsers too (no `node:` imports); reading files from disk is in `untoc-kg/node`.
 *
 * @example
 * ```ts
 * import { bundledDataset, loadGraph } from 'untoc-kg'
 * import { buildDataset } from 'untoc-kg/data'
 * const kg = loadGraph({ dataset: buildDataset([{ file: 'my-tool.yaml', data: myTool }], { base: bundledDataset() }) })
 * ```
 *
 * @packageDocumentation
 */

// Schemas of the data files (each is the type of the same name)
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

// Validation: one file's shape, then a dataset from files
export { checkShape } from './load/shape.js';
export type { RawFile, ShapeResult } from './load/shape.js';
export { buildDataset } from './load/build.js';
export type { BuildOptions } from './load/build.js';

// Directories of competent national authorities: imports (CSV or JSON) and synthetic ones for tests and benchmarks
export { importDirectory, DIRECTORY_COLUMNS } from './directory/import.js';
export type { DirectoryColumn, ImportDirectoryResult, ImportDirectoryOptions } from './directory/import.js';
export { generateDirectory, generateDirectoryEntries } from './directory/generate.js';
export type { GenerateDirectoryOptions } from './directory/generate.js';

// Research corpora: the JSON Lines records (schemas = types), the readers (JSON Lines, CSV) and synthetic corpora
export { AppliesLink, CaseLine, ChargeLine, CorpusHeader, CorpusLine, ImplementsLink, LegislationLine, RECORD_TYPES, SectionLine, SourceLine, corpusJsonSchema } from './corpus/records.js';
export { CorpusInvalidError, readCorpus, readCorpusLines } from './corpus/read.js';
export type { CorpusErrorCode, CorpusReadResult, CorpusRowError, ReadCorpusOptions } from './corpus/read.js';
export { CORPUS_CSV_COLUMNS, CORPUS_CSV_FILES, readCorpusCsv } from './corpus/csv.js';
export type { CorpusCsvError, CorpusCsvFile } from './corpus/csv.js';
export { estimateCorpusTriples, generateCorpus } from './corpus/generate.js';
export type { GenerateCorpusOptions } from './corpus/generate.js';

// The errors these throw (the same classes as the core entry's)
export { DataValidationError, DirectoryImportError, formatDataIssue, formatRowError, isDataValidationError, isDirectoryImportError } from './errors.js';
export type { DataIssue, RowError } from './errors.js';

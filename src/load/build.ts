/**
 * Second pass: from shape-checked files to the normalized {@link Dataset}, checking what crosses files on the way:
 * every cited provision exists, ids are unique, parents exist, numbering is consistent, sources and themes are
 * known. All problems are collected; if there is any, nothing is returned (nothing is half loaded).
 *
 * One file per concern: `instruments.ts` (the provision tree), `tools.ts` (tools and themes), `directory.ts`
 * (categories, snapshots, participation), `links.ts` (link resolution); `numbering.ts` checks numbering and
 * `state.ts` holds what a build has read so far.
 *
 * @module
 */
import { DataValidationError, type DataIssue } from '../errors.js';
import type { Dataset } from '../model/dataset.js';
import type { DataFile } from '../model/files.js';
import { addInstrument } from './instruments.js';
import { resolvePending } from './links.js';
import { checkShape, type RawFile } from './shape.js';
import { BuildState, type EntryLabel } from './state.js';
import { addThemes, addTool } from './tools.js';

/** What {@link buildDataset} can start from: an already built dataset that the new files add to. */
export interface BuildOptions {
  readonly base?: Dataset;
  /**
   * How messages name the `index`-th authority of a directory file (default `entry {index + 1}`); directory imports
   * pass `row {n}` so that a duplicate names the row it repeats.
   */
  readonly entryLabel?: EntryLabel;
}

/** The order files are added in: what a file refers to comes before it. */
const ORDER: Record<DataFile['type'], number> = { sources: 0, instrument: 1, themes: 2, tool: 3, 'directory-categories': 4, participation: 5, directory: 6 };

function addFile(state: BuildState, file: string, value: DataFile): void {
  switch (value.type) {
    case 'sources':
      return state.addSources(file, value);
    case 'instrument':
      return addInstrument(state, file, value);
    case 'themes':
      return addThemes(state, file, value);
    case 'tool':
      return addTool(state, file, value);
    case 'directory-categories':
      return state.directory.addCategories(file, value);
    case 'participation':
      return state.directory.addParticipation(file, value);
    case 'directory':
      return state.directory.addDirectory(file, value);
    default: {
      const unknown: never = value;
      throw new Error(`buildDataset: unknown file type ${JSON.stringify(unknown)}`);
    }
  }
}

/**
 * Validates data files (shape, then integrity across files) and builds the normalized dataset.
 *
 * @param files - the files as read, each with the name it should be reported under.
 * @param options - `base`: a dataset the files add to (e.g. the bundled one), so that user files can cite its provisions.
 * @returns the dataset, when every file is valid.
 * @throws {@link DataValidationError} listing every problem, with file, path and code; nothing is half loaded.
 *
 * @example
 * ```ts
 * const dataset = buildDataset([{ file: 'my-tool.yaml', data: yaml.parse(text) }], { base: bundledDataset() })
 * ```
 */
export function buildDataset(files: readonly RawFile[], options: BuildOptions = {}): Dataset {
  const shaped: { file: string; value: DataFile }[] = [];
  const shapeIssues: DataIssue[] = [];
  for (const raw of files) {
    const result = checkShape(raw);
    if (result.ok) shaped.push({ file: raw.file, value: result.value });
    else shapeIssues.push(...result.issues);
  }
  if (shapeIssues.length > 0) throw new DataValidationError('load', shapeIssues);

  const state = new BuildState(options.entryLabel);
  if (options.base) state.addBase(options.base);
  shaped.sort((a, b) => ORDER[a.value.type] - ORDER[b.value.type] || a.file.localeCompare(b.file));
  for (const { file, value } of shaped) addFile(state, file, value);
  resolvePending(state);
  state.checkSources();
  if (state.issues.list.length > 0) throw new DataValidationError('load', state.issues.list);
  return state.finish();
}

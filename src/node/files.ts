/**
 * Reading data files from disk (Node only): YAML or JSON, one file or a folder searched recursively. YAML syntax
 * errors and schema issues are reported with the file and, where it can be found, the line.
 *
 * @module
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join, relative, resolve } from 'node:path';
import { isMap, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import { DataValidationError, type DataIssue } from '../errors.js';
import type { RawFile } from '../load/shape.js';

const DATA_EXTENSIONS = new Set(['.yaml', '.yml', '.json']);

/** A file as read: its parsed content and a way to find the line of a path inside it. */
export interface ReadFile extends RawFile {
  /** The 1-based line of a path inside the file, if it can be found. */
  lineOf(path: readonly (string | number)[]): number | undefined;
}

async function collect(target: string): Promise<string[]> {
  const info = await stat(target);
  if (info.isFile()) return [target];
  const out: string[] = [];
  for (const entry of (await readdir(target, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith('.')) continue;
    const full = join(target, entry.name);
    if (entry.isDirectory()) out.push(...(await collect(full)));
    // A JSON Schema (data/schema/*.schema.json) describes data files; it is not one.
    else if ((entry.isFile() || entry.isSymbolicLink()) && DATA_EXTENSIONS.has(extname(entry.name)) && entry.name !== 'package.json' && !entry.name.endsWith('.schema.json')) out.push(full);
  }
  return out;
}

function locator(doc: Document, counter: LineCounter) {
  return (path: readonly (string | number)[]): number | undefined => {
    let node: unknown = doc.contents;
    let last = node;
    for (const key of path) {
      if (isMap(node)) node = node.get(key, true);
      else if (isSeq(node) && typeof key === 'number') node = node.get(key, true);
      else break;
      if (node === undefined) break;
      last = node;
    }
    const range = (last as { range?: [number, number, number] } | undefined)?.range;
    return range ? counter.linePos(range[0]).line : undefined;
  };
}

/**
 * How many aliases a YAML file may expand before it is taken for a resource exhaustion attack ("billion laughs"):
 * the data files use none, and a shared list named a few times stays far below it.
 */
const MAX_ALIAS_COUNT = 100;

/** The issues of a YAML text that does not parse, each with its line. */
function syntaxIssues(text: string, name: string): DataIssue[] {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  return doc.errors.map((error) => {
    const line = counter.linePos(error.pos[0]).line;
    return { code: 'yaml_syntax', file: name, path: [], message: `line ${line}: ${error.message.split('\n')[0]}` };
  });
}

/**
 * The line finder of a parsed text. Positions are only needed when an issue is reported, so the text is parsed again
 * with them on the first question, not kept as a document tree for every file read.
 */
function lazyLocator(text: string): ReadFile['lineOf'] {
  let find: ReadFile['lineOf'] | undefined;
  return (path) => {
    if (!find) {
      const counter = new LineCounter();
      find = locator(parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true }), counter);
    }
    return find(path);
  };
}

/** Reads and parses one file; a file that cannot be read or parsed gives its issues instead. */
async function readOne(file: string, name: string): Promise<ReadFile | { issues: DataIssue[] }> {
  let raw: string;
  try {
    raw = await readFile(file, 'utf8');
  } catch (error) {
    const reason = (error as { code?: unknown } | null)?.code;
    return { issues: [{ code: 'file_unreadable', file: name, path: [], message: `cannot read the file${typeof reason === 'string' ? ` (${reason})` : ''}` }] };
  }
  const text = raw.replace(/^\uFEFF/, '');
  // Parsed first without positions; a file with syntax errors is parsed again to give each error its line.
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) return { issues: syntaxIssues(text, name) };
  try {
    return { file: name, data: doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }), lineOf: lazyLocator(text) };
  } catch (error) {
    // yaml throws a ReferenceError when aliases expand past maxAliasCount (and for an alias to an anchor it cannot use).
    const detail = error instanceof Error ? `: ${error.message.slice(0, 80)}` : '';
    return { issues: [{ code: 'yaml_aliases', file: name, path: [], message: `the file's aliases cannot be expanded (at most ${MAX_ALIAS_COUNT} are read)${detail}` }] };
  }
}

/**
 * Reads data files: each path may be a file or a folder (searched recursively for `.yaml`, `.yml` and `.json`).
 * Files are named relative to `cwd` in messages.
 *
 * @throws {@link DataValidationError} (`data_invalid`) with a `file_not_found` issue for a path that does not exist,
 * `file_unreadable` for a file that cannot be read, `yaml_syntax` for a file that cannot be parsed, and
 * `yaml_aliases` for one whose aliases expand too far (a "billion laughs" file).
 */
export async function readDataFiles(paths: readonly string[], cwd = process.cwd()): Promise<ReadFile[]> {
  const issues: DataIssue[] = [];
  const out: ReadFile[] = [];
  for (const path of paths) {
    let files: string[];
    try {
      files = await collect(resolve(cwd, path));
    } catch {
      issues.push({ code: 'file_not_found', file: path, path: [], message: 'no such file or folder' });
      continue;
    }
    for (const file of files) {
      const read = await readOne(file, relative(cwd, file) || file);
      if ('issues' in read) issues.push(...read.issues);
      else out.push(read);
    }
  }
  if (issues.length > 0) throw new DataValidationError('readDataFiles', issues);
  return out;
}

/** Adds the line of each issue's path to its message, where the file can tell. */
export function withLines(issues: readonly DataIssue[], files: readonly ReadFile[]): DataIssue[] {
  const byName = new Map(files.map((f) => [f.file, f]));
  return issues.map((issue) => {
    const line = byName.get(issue.file)?.lineOf(issue.path);
    return line === undefined ? issue : { ...issue, line };
  });
}

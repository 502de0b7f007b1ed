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
    else if (DATA_EXTENSIONS.has(extname(entry.name)) && entry.name !== 'package.json' && !entry.name.endsWith('.schema.json')) out.push(full);
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
 * Reads data files: each path may be a file or a folder (searched recursively for `.yaml`, `.yml` and `.json`).
 * Files are named relative to `cwd` in messages.
 *
 * @throws {@link DataValidationError} with code `yaml_syntax` issues when a file cannot be parsed, or
 * `data_unreadable` when a path does not exist.
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
      const name = relative(cwd, file) || file;
      const text = await readFile(file, 'utf8');
      const counter = new LineCounter();
      const doc = parseDocument(text.replace(/^\uFEFF/, ''), { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
      if (doc.errors.length > 0) {
        for (const error of doc.errors) {
          const line = counter.linePos(error.pos[0]).line;
          issues.push({ code: 'yaml_syntax', file: name, path: [], message: `line ${line}: ${error.message.split('\n')[0]}` });
        }
        continue;
      }
      out.push({ file: name, data: doc.toJS(), lineOf: locator(doc, counter) });
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

/**
 * Loading the bin's CommonJS command files with a V8 code cache (Node 20 has no `module.enableCompileCache`): the
 * first run of a command compiles it as `require` would and, as the process exits, saves what V8 compiled beside the
 * file (`{dir}/.cache/{name}.{node version}-{arch}.{size}-{mtime}.v8`); later runs give it back to V8 instead of compiling.
 *
 * Robust by construction: a cache V8 refuses (another V8, other flags) is replaced; one whose file changed is never
 * read (its name carries the file's size and time); where the folder cannot be written (a read-only install) the
 * command is compiled as usual and nothing is saved; a cache is written to a file of its own and renamed into place,
 * so a run never reads a half-written one. The cache lives with the package, never in a shared folder: whoever can
 * write it can already change the command. `UNTOC_KG_CODE_CACHE=0` turns it off. Used by the bin only (through
 * build/standalone-commands.ts), never by the library.
 *
 * @module
 */
import { mkdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { Script } from 'node:vm';

/** The CommonJS wrapper Node puts around a module's text. */
const WRAPPER = ['(function (exports, require, module, __filename, __dirname) { ', '\n});'] as const;

/** Where the cache of `file` lives: its name says which Node and which version of the file it was made from. */
function cachePath(file: string): string {
  const { size, mtimeMs } = statSync(file);
  return join(dirname(file), '.cache', `${basename(file)}.${process.version}-${process.arch}.${size}-${Math.trunc(mtimeMs)}.v8`);
}

/** Reads a file, or `undefined` when it cannot be read. */
function readIfThere(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/** Saves `data` at `path` through a file of this process's own, renamed into place; any failure leaves no file. */
function save(path: string, data: Buffer): void {
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(temporary, data);
    renameSync(temporary, path);
  } catch {
    try {
      unlinkSync(temporary);
    } catch {
      // Nothing was written.
    }
  }
}

/** A CommonJS file run from its code cache: its exports, and how to save the cache when it was missing or refused. */
interface Loaded {
  readonly exports: unknown;
  /** Saves what V8 has compiled of the file so far; absent when the cache was used. */
  readonly save?: () => void;
}

/**
 * Runs the CommonJS file `file` as `require(file)` would, compiled from its code cache when there is a usable one.
 *
 * @internal
 */
export function loadCached(file: string): Loaded {
  const path = cachePath(file);
  const cachedData = readIfThere(path);
  // A `#!` line is blanked (not removed, so that line numbers stay), as Node's loader does.
  const source = readFileSync(file, 'utf8').replace(/^#!.*/, '');
  const script = new Script(WRAPPER[0] + source + WRAPPER[1], { filename: file, ...(cachedData && { cachedData }) });
  const module = { exports: {} as unknown };
  (script.runInThisContext() as (...args: unknown[]) => void)(module.exports, createRequire(file), module, file, dirname(file));
  return cachedData && !script.cachedDataRejected ? { exports: module.exports } : { exports: module.exports, save: () => save(path, script.createCachedData()) };
}

/**
 * Runs the CommonJS file `file` as `require(file)` would and returns its exports, compiled from its code cache when
 * there is a usable one; a missing or refused cache is saved as the process exits, so that it holds the functions
 * this run compiled too. The file must not use `import()` (a script compiled this way cannot).
 *
 * @example
 * ```ts
 * const { command } = requireCached(join(__dirname, 'commands', 'tools.cjs')) as { command: Command }
 * ```
 */
export function requireCached(file: string): unknown {
  if (process.env['UNTOC_KG_CODE_CACHE'] === '0') return createRequire(file)(file);
  const { exports, save } = loadCached(file);
  if (save) process.once('exit', save);
  return exports;
}

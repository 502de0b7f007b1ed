/**
 * The type every CLI command module exports as `command`. Its own module, so that the dispatcher imports the commands
 * and the commands import only this type, never the dispatcher.
 *
 * @module
 */
import type { Io } from './io.js';

/** A command's module: its one-line summary, its usage text, and what it does. */
export interface Command {
  readonly summary: string;
  readonly usage: string;
  run(args: string[], io: Io): Promise<number>;
}

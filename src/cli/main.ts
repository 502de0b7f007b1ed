/**
 * The `untoc-kg` command's dispatcher: a thin shell over the library. Each command lives in its own module and is
 * loaded only when it runs. Data goes to stdout, messages to stderr; exit codes 0 (ok), 1 (failure), 2 (usage or
 * input error).
 *
 * @module
 */
import { EXIT, processIo, report, UsageError, type Io } from './io.js';
import type { Command } from './command.js';

const COMMANDS: Record<string, () => Promise<{ command: Command }>> = {
  tools: () => import('./commands/tools.js'),
  show: () => import('./commands/show.js'),
  'addressed-by': () => import('./commands/addressed-by.js'),
  search: () => import('./commands/search.js'),
  path: () => import('./commands/path.js'),
  cite: () => import('./commands/cite.js'),
  validate: () => import('./commands/validate.js'),
  export: () => import('./commands/export.js'),
  authorities: () => import('./commands/authorities.js'),
  sparql: () => import('./commands/sparql.js'),
  text: () => import('./commands/text.js'),
  documents: () => import('./commands/documents.js'),
  coverage: () => import('./commands/coverage.js'),
  corpus: () => import('./commands/corpus.js'),
};

/** The version, injected at build time from package.json. */
declare const __UNTOC_KG_VERSION__: string;
const VERSION = typeof __UNTOC_KG_VERSION__ === 'string' ? __UNTOC_KG_VERSION__ : '0.0.0-dev';

async function help(io: Io): Promise<void> {
  const lines = ['untoc-kg: the UN Convention against Transnational Organized Crime, its Protocols and the UNODC tools as a knowledge graph', '', 'Usage: untoc-kg <command> [options]', '', 'Commands:'];
  for (const [name, load] of Object.entries(COMMANDS)) {
    const { command } = await load();
    lines.push(`  ${name.padEnd(14)}${command.summary}`);
  }
  lines.push('', 'Every command takes --help; commands that print data take --json.', 'Exit codes: 0 ok, 1 failure, 2 usage or input error.');
  io.out(lines.join('\n'));
}

/** Runs the CLI with the given arguments (without `node` and the script). Returns the exit code. */
export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const [name, ...rest] = argv;
  try {
    if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
      await help(io);
      return name === undefined ? EXIT.usage : EXIT.ok;
    }
    if (name === '--version' || name === '-v') {
      io.out(VERSION);
      return EXIT.ok;
    }
    const load = COMMANDS[name];
    if (!load) {
      const { closest } = await import('../util/closest.js');
      const near = closest(name, Object.keys(COMMANDS), 1);
      throw new UsageError(`unknown command "${name}"${near.length ? `; did you mean "${near[0]}"?` : ''} (see untoc-kg --help)`);
    }
    const { command } = await load();
    if (rest.includes('--help') || rest.includes('-h')) {
      io.out(command.usage);
      return EXIT.ok;
    }
    return await command.run(rest, io);
  } catch (error) {
    return report(error, io);
  }
}

/**
 * The `untoc-kg` command's dispatcher: a thin shell over the library. Each command lives in its own module and is
 * loaded only when it runs; `help [COMMAND]` and `completion SHELL` are answered here, from the commands' usages.
 * Data goes to stdout, messages to stderr; exit codes 0 (ok), 1 (failure), 2 (usage or input error).
 *
 * @module
 */
import { EXIT, processIo, report, UsageError, type Io } from './io.js';
import type { Command } from './command.js';
import type { Shell } from './completion.js';

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
  explore: () => import('./commands/explore.js'),
  publish: () => import('./commands/publish.js'),
};

/** The version, injected at build time from package.json. */
declare const __UNTOC_KG_VERSION__: string;
const VERSION = typeof __UNTOC_KG_VERSION__ === 'string' ? __UNTOC_KG_VERSION__ : '0.0.0-dev';

const SHELLS: readonly Shell[] = ['bash', 'zsh', 'fish'];

/** The commands' summaries and usages, each command loaded once. */
async function loadCommands(): Promise<[string, Command][]> {
  return Promise.all(Object.entries(COMMANDS).map(async ([name, load]) => [name, (await load()).command] as [string, Command]));
}

async function help(io: Io): Promise<void> {
  const { widthOf, wrap } = await import('./format.js');
  const width = widthOf(io);
  const lines = [wrap('untoc-kg: the UN Convention against Transnational Organized Crime, its Protocols and the UNODC tools as a knowledge graph', '', width), '', 'Usage: untoc-kg <command> [options]', '', 'Commands:'];
  const entries: [string, string][] = [
    ...(await loadCommands()).map(([name, command]): [string, string] => [name, command.summary]),
    ['help', 'help on a command: untoc-kg help tools'],
    ['completion', `a shell completion script: untoc-kg completion ${SHELLS.join('|')}`],
  ];
  for (const [name, summary] of entries) lines.push(wrap(summary, ' '.repeat(16), width, `  ${name.padEnd(14)}`));
  lines.push('', 'Every command takes --help; commands that print data take --json.', 'Exit codes: 0 ok, 1 failure, 2 usage or input error.');
  io.out(lines.join('\n'));
}

/** `untoc-kg help [COMMAND]`: the command's usage, or the general help. */
async function helpOn(name: string | undefined, io: Io): Promise<number> {
  if (name === undefined) {
    await help(io);
    return EXIT.ok;
  }
  const load = COMMANDS[name];
  if (load) io.out((await load()).command.usage);
  else if (name === 'help') io.out('Usage: untoc-kg help [COMMAND]\n\nPrints the help on COMMAND, or the list of commands.');
  else if (name === 'completion') io.out(COMPLETION_USAGE);
  else throw await unknownCommand(name);
  return EXIT.ok;
}

const COMPLETION_USAGE = `Usage: untoc-kg completion ${SHELLS.join('|')}

Prints a script that completes untoc-kg's commands and options in your shell. Load it for this session, or for good:

  bash  source <(untoc-kg completion bash)       # for good: add that line to ~/.bashrc
  zsh   source <(untoc-kg completion zsh)        # for good: add that line to ~/.zshrc (after compinit)
  fish  untoc-kg completion fish | source        # for good: > ~/.config/fish/completions/untoc-kg.fish`;

/** `untoc-kg completion SHELL`: the completion script, built from the commands' usages. */
async function completion(args: string[], io: Io): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    io.out(COMPLETION_USAGE);
    return EXIT.ok;
  }
  const shell = args[0];
  if (args.length !== 1 || !(SHELLS as readonly string[]).includes(shell!)) {
    throw new UsageError(`completion: give one shell, ${SHELLS.join(', ')}${shell === undefined ? '' : `; got "${args.join(' ').slice(0, 80)}"`} (see untoc-kg help completion)`);
  }
  const { completionScript } = await import('./completion.js');
  const commands = (await loadCommands()).map(([name, command]) => ({ name, summary: command.summary, usage: command.usage }));
  io.out(completionScript(shell as Shell, commands, SHELLS));
  return EXIT.ok;
}

async function unknownCommand(name: string): Promise<UsageError> {
  const { closest } = await import('../util/closest.js');
  const near = closest(name, [...Object.keys(COMMANDS), 'help', 'completion'], 1);
  return new UsageError(`unknown command "${name.slice(0, 80)}"${near.length ? `; did you mean "${near[0]}"?` : ''} (see untoc-kg --help)`);
}

/** Runs the CLI with the given arguments (without `node` and the script). Returns the exit code. */
export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const [name, ...rest] = argv;
  try {
    if (name === undefined || name === '--help' || name === '-h') {
      await help(io);
      return EXIT.ok;
    }
    if (name === 'help') return await helpOn(rest.find((a) => !a.startsWith('-')), io);
    if (name === 'completion') return await completion(rest, io);
    if (name === '--version' || name === '-v') {
      io.out(VERSION);
      return EXIT.ok;
    }
    const load = COMMANDS[name];
    if (!load) throw await unknownCommand(name);
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

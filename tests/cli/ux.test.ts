/**
 * The command line as a person meets it (issue 11): answers grouped by tool and wrapped to the terminal's width,
 * source titles in the evidence, `help COMMAND`, a bare call, clear messages for a bad --limit and an empty search,
 * shell completion, progress only on a terminal, the README's first answer as printed, and the test run's skip summary.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { Io } from '../../src/cli/io.js';
import { runCli } from '../helpers/io.js';
import { CLI, ROOT } from '../helpers/paths.js';
import { skipSummary, type Requirement } from '../skip-reporter.js';

const dir = mkdtempSync(join(tmpdir(), 'untoc-kg-ux-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the CLI in-process with a terminal of `columns`, recording what a progress display would show. */
async function runIn(options: { columns?: number; status?: boolean }, ...args: string[]) {
  let out = '';
  let err = '';
  const status: string[] = [];
  const io: Io = {
    out: (text) => void (out += text.endsWith('\n') ? text : `${text}\n`),
    err: (text) => void (err += text.endsWith('\n') ? text : `${text}\n`),
    ...(options.columns !== undefined && { columns: options.columns }),
    ...(options.status && { status: (text: string) => void status.push(text) }),
  };
  const code = await main(args, io);
  return { code, out, err, status };
}

/** Runs the built CLI with stdout and stderr piped (not a terminal). */
function runBuilt(args: string[], env: Record<string, string> = {}) {
  const run = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', maxBuffer: 1 << 28, env: { ...process.env, UNTOC_KG_PROGRESS: '', ...env } });
  return { code: run.status, out: run.stdout, err: run.stderr };
}

const built = existsSync(CLI);
const COMMANDS = ['tools', 'show', 'addressed-by', 'search', 'path', 'cite', 'validate', 'export', 'authorities', 'sparql', 'text', 'help', 'completion'];

describe('answers fit the terminal', () => {
  test.each([
    ['tools', 'art. 27 para. 1(e)'],
    ['tools', 'SOM Protocol art. 10(1)', '--related', '--paths'],
    ['tools', 'SOM art. 8(5)'],
    ['show', 'SOM Protocol art. 8(6)'],
    ['addressed-by', 'legislative-guides'],
    ['path', 'art. 27 para. 1(a)', 'legislative-guides'],
    ['--help'],
  ])('a terminal of 80 columns: no line of untoc-kg %s over 80', async (...args) => {
    const { code, out } = await runIn({ columns: 80 }, ...args);
    expect(code).toBe(0);
    expect(out.split('\n').filter((l) => l.length > 80)).toEqual([]);
  });

  test('answers are grouped under each tool\'s short title, the tool named once', async () => {
    const { out } = await runIn({ columns: 80 }, 'tools', 'art. 27 para. 1(e)');
    const lines = out.split('\n');
    const titles = lines.slice(lines.indexOf('')).filter((l) => /^\S/.test(l));
    expect(titles).toEqual(['Legislative Guides', 'In-depth Training Manual']);
    expect(out).not.toContain('for the Implementation of');
    // --json keeps the full title.
    const json = JSON.parse((await runCli('tools', 'art. 27 para. 1(e)', '--json')).out) as { results: { tool: { title: string } }[] };
    expect(json.results[0]!.tool.title).toMatch(/^Legislative Guides for the Implementation of the United Nations Convention/);
  });
});

describe('evidence names its source by title', () => {
  test.each([
    [['tools', 'art. 27 para. 1(e)'], 'Smuggling of migrants by sea: note by the Secretariat, addendum, annex "Key tools and recommended resources"', 'seed'],
    [['tools', 'SOM Protocol art. 10(1)'], 'Legislative Guides (2004), Part Three (Smuggling of Migrants Protocol), in the 2004 volume', 'S9'],
    [['addressed-by', 'legislative-guides/part_1/chp_5'], 'Smuggling of migrants by sea: note by the Secretariat', 'seed'],
    [['path', 'art. 27 para. 1(a)', 'legislative-guides'], 'Smuggling of migrants by sea: note by the Secretariat', 'seed'],
  ])('untoc-kg %j', async (args, title, key) => {
    const { out } = await runCli(...args);
    expect(out.replace(/\s+/g, ' ')).toContain(title);
    expect(out).not.toMatch(new RegExp(`(?:source|curated|text): ${key}\\b`));
  });
});

describe('help', () => {
  test('untoc-kg help tools prints the tools command\'s usage', async () => {
    const { code, out } = await runCli('help', 'tools');
    expect(code).toBe(0);
    expect(out).toMatch(/^Usage: untoc-kg tools CITATION/);
    expect(out).toBe((await runCli('tools', '--help')).out);
  });

  test('untoc-kg help, help help and help completion', async () => {
    expect((await runCli('help')).out).toBe((await runCli('--help')).out);
    expect((await runCli('help', 'help')).out).toMatch(/^Usage: untoc-kg help \[COMMAND\]/);
    expect((await runCli('help', 'completion')).out).toMatch(/^Usage: untoc-kg completion bash\|zsh\|fish/);
  });

  test('help on an unknown command: one line with the nearest command, exit 2', async () => {
    const { code, out, err } = await runCli('help', 'tool');
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toMatch(/^untoc-kg: unknown command "tool"; did you mean "tools"\?/);
  });

  test('a bare call prints the help to stdout and exits 0', async () => {
    const { code, out, err } = await runCli();
    expect(code).toBe(0);
    expect(err).toBe('');
    expect(out).toBe((await runCli('--help')).out);
    for (const name of COMMANDS) expect(out).toMatch(new RegExp(`^ {2}${name} `, 'm'));
  });

  test.runIf(built)('the built CLI, called bare: the help on stdout, exit 0', () => {
    const { code, out, err } = runBuilt([]);
    expect(code).toBe(0);
    expect(out).toMatch(/^Usage: untoc-kg <command> \[options\]$/m);
    expect(err).toBe('');
  });
});

describe('messages that say what was given and what is expected', () => {
  test.each(['abc', '0', '-3', '2.5', ''])('search --limit %j', async (limit) => {
    const { code, out, err } = await runCli('search', 'sea', `--limit=${limit}`);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err.trim().split('\n')).toHaveLength(1);
    expect(err).toContain(`got "${limit}"`);
    expect(err).toMatch(/--limit takes a whole number.*1 or more.*\[invalid_input\]/);
    expect(err).not.toContain('NaN');
  });

  test.each([[['search']], [['search', '   ']], [['search', '?!']]])('untoc-kg %j: search needs words, with the usage, no made-up suggestion', async (args) => {
    const { code, out, err } = await runCli(...args);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err.trim().split('\n')).toHaveLength(1);
    expect(err).toMatch(/search needs words.*untoc-kg search TEXT .*\[empty_query\]/);
    expect(err).not.toMatch(/did you mean|e\.g\./);
  });
});

describe('shell completion', () => {
  test.each(['bash', 'zsh', 'fish'])('untoc-kg completion %s mentions every command and their options', async (shell) => {
    const { code, out, err } = await runCli('completion', shell);
    expect(code).toBe(0);
    expect(err).toBe('');
    for (const name of COMMANDS) expect(out).toMatch(new RegExp(`(?:^|[\\s'(])${name}(?=[\\s:)'])`, 'm'));
    for (const option of ['match', 'related', 'paths', 'limit', 'format', 'keep-good-rows', 'instrument']) expect(out).toMatch(new RegExp(`(?:--| -l )${option}\\b`));
  });

  test('an unknown shell, or none: a usage error, exit 2', async () => {
    for (const args of [['completion'], ['completion', 'tcsh'], ['completion', 'bash', 'zsh']]) {
      const { code, err } = await runCli(...args);
      expect(code).toBe(2);
      expect(err).toMatch(/^untoc-kg: completion: give one shell, bash, zsh, fish/);
    }
    expect((await runCli('completion', '--help')).out).toMatch(/source <\(untoc-kg completion bash\)/);
  });

  test('bash: the script completes commands, options and subcommands', async () => {
    const file = join(dir, 'untoc-kg.bash');
    writeFileSync(file, (await runCli('completion', 'bash')).out);
    const complete = (...words: string[]) => {
      const script = `source ${JSON.stringify(file)}; COMP_WORDS=(${words.map((w) => JSON.stringify(w)).join(' ')}); COMP_CWORD=${words.length - 1}; _untoc_kg; echo "\${COMPREPLY[*]}"`;
      const run = spawnSync('bash', ['--norc', '--noprofile', '-c', script], { encoding: 'utf8' });
      expect(run.stderr).toBe('');
      return run.stdout.trim();
    };
    expect(complete('untoc-kg', 'to')).toBe('tools');
    expect(complete('untoc-kg', 'tools', '--ma')).toBe('--match');
    expect(complete('untoc-kg', 'help', 'addr')).toBe('addressed-by');
    expect(complete('untoc-kg', 'completion', '')).toBe('bash zsh fish');
    expect(complete('untoc-kg', 'authorities', 'im')).toBe('import');
    expect(complete('untoc-kg', 'export', '--format', 'x')).toBe('');
  });

  test.for(['zsh', 'fish'])('%s: the script is valid syntax, where the shell is installed', async (shell, ctx) => {
    if (spawnSync(shell, ['--version']).status !== 0) ctx.skip(`${shell} is not installed`);
    const file = join(dir, `untoc-kg.${shell}`);
    writeFileSync(file, (await runCli('completion', shell)).out);
    expect(spawnSync(shell, ['-n', file], { encoding: 'utf8' }).stderr).toBe('');
  });
});

describe('progress', () => {
  test('not written when stderr is not a terminal', async () => {
    const { code, err, status } = await runIn({}, 'export', '--format', 'ntriples', '--out', join(dir, 'graph.nt'));
    expect(code).toBe(0);
    expect(status).toEqual([]);
    expect(err).toMatch(/^untoc-kg: wrote ntriples \([\d,]+ characters\) to .*graph\.nt\n$/);
  });

  test('shown where the Io can show it, and cleared at the end', async () => {
    const { code, status } = await runIn({ status: true }, 'export', '--format', 'ntriples', '--out', join(dir, 'shown.nt'));
    expect(code).toBe(0);
    expect(status[0]).toBe('untoc-kg: writing ntriples…');
    expect(status.at(-1)).toBe('');
  });

  test.runIf(built)('the built CLI in a pipe writes none; UNTOC_KG_PROGRESS=1 forces it', () => {
    const quiet = runBuilt(['export', '--format', 'ntriples']);
    expect(quiet.code).toBe(0);
    expect(quiet.err).toBe('');
    const forced = runBuilt(['export', '--format', 'ntriples'], { UNTOC_KG_PROGRESS: '1' });
    expect(forced.err).toContain('untoc-kg: writing ntriples…');
    expect(forced.out).toBe(quiet.out);
  });
});

describe('the README', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');

  test('its first command asks the main question quietly, and its sample output is what the CLI prints', async () => {
    const setup = /## Set up[\s\S]*?```sh\n([\s\S]*?)```/.exec(readme)![1]!;
    const first = setup.split('\n').find((l) => l && !l.startsWith('#'))!;
    expect(first).toMatch(/--silent .*&& node dist\/cli\.js tools "art\. 27 para\. 1\(e\)"$/);
    const sample = /The first prints[\s\S]*?\n\n```\n([\s\S]*?)```/.exec(readme)![1]!;
    const { out } = await runCli('tools', 'art. 27 para. 1(e)');
    expect(out).toBe(sample);
  });

  test('it says what the tests need and how to build the API docs', () => {
    for (const needed of ['../shared/corpus', 'rapper', 'xmllint', 'npm run docs', 'untoc-kg completion']) expect(readme).toContain(needed);
  });
});

describe('npm test says what it skipped and why', () => {
  const here: Requirement[] = [
    { name: 'the treaty corpus (../shared/corpus/treaties)', available: true, without: 'not compared' },
    { name: 'rapper (raptor2-utils)', available: true, without: 'not read back' },
  ];

  test('each file with its skipped tests and the reason its stand-in test gives', () => {
    const lines = skipSummary(
      [
        { file: 'tests/text/corpus.test.ts', name: 'untoc.md > reads 41 articles' },
        { file: 'tests/text/corpus.test.ts', name: 'som-protocol.md > reads 25 articles' },
        { file: 'tests/rdf/x.test.ts', name: 'needs a note', note: 'the engine is not installed' },
      ],
      new Map([['tests/text/corpus.test.ts', ['treaty texts: skipped: the treaty corpus was not found at /x']]]),
      [{ ...here[0]!, available: false }, here[1]!],
    );
    expect(lines[0]).toBe('Skipped: 3 tests in 2 files:');
    expect(lines).toContain('  tests/text/corpus.test.ts (2): the treaty corpus was not found at /x');
    expect(lines).toContain('    - untoc.md > reads 41 articles');
    expect(lines).toContain('  tests/rdf/x.test.ts (1): the engine is not installed');
    expect(lines.at(-1)).toBe('Missing the treaty corpus (../shared/corpus/treaties): not compared.');
  });

  test('when nothing is left out it says so, and that the test tools are all here; stand-ins are not counted', () => {
    const lines = skipSummary([{ file: 'tests/rdf/turtle.test.ts', name: 'rapper check skipped: rapper is not installed (run .ci/install-test-tools)' }], new Map(), here);
    expect(lines).toEqual(['Skipped: nothing (and 1 stand-in test that runs only when a test tool is missing).', 'Test tools: all found (the treaty corpus, rapper).']);
  });
});

/**
 * `untoc-kg corpus check FILE…` (every problem of a research corpus, one row each: where, which field, which code)
 * and `untoc-kg corpus generate` (a synthetic corpus for tests and benchmarks).
 *
 * @module
 */
import { join } from 'node:path';
import { loadGraph } from '../../kg.js';
import { generateCorpus } from '../../corpus/generate.js';
import type { CorpusRowError } from '../../corpus/read.js';
import { readCorpusFile, terminalProgress } from '../../node/corpus.js';
import { parse } from '../args.js';
import { EXIT, printJson, UsageError, type Io } from '../io.js';
import type { Command } from '../command.js';
import { writeChunks } from '../output.js';
import { listOption } from '../load-data.js';

const usage = `Usage: untoc-kg corpus check FILE… [--derive-citations] [--json]
       untoc-kg corpus generate [--laws N] [--cases N] [--triples N] [--seed S] [--states IT,DE] [--out FILE]

check     reads research corpora (JSON Lines files, or folders of CSV files) and lists every problem, one per row:
          the file and line (for CSV, the file and row; the header is row 1), the field (for CSV, the column), a
          stable code (invalid_json, unknown_field, missing_value, invalid_value, duplicate_id, unknown_state,
          bad_date, unknown_provision, unknown_legislation, unknown_section, unknown_source, missing_locator,
          missing_note), the message and the nearest valid values. Exit code 2 when there is any problem.
          --json: [{ file, line, field, code, message, suggestions }]
generate  writes a synthetic corpus in the JSON Lines format: SHERLOC-shaped laws, sections and cases, plainly
          marked as generated test data (ids SYN-…, "synthetic": true), linked to real UNTOC and SOM Protocol
          provisions at random. The same seed gives the same file.
          --laws, --cases  how many (default 10 each, or as many as --triples asks for)
          --triples        about how many RDF triples the corpus should make (e.g. 1000000)
          --seed           the seed (default 1)
          --states         the States of the documents (default a fixed list of twenty)
          --out            the file to write (whole or not at all; default: stdout)

Example:
  untoc-kg corpus generate --laws 100 --cases 200 --seed 7 --out corpus.jsonl
  untoc-kg corpus check corpus.jsonl`;

/** A row of the report of `corpus check`. */
interface ReportRow extends CorpusRowError {
  readonly file: string;
}

async function check(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse('corpus check', args, { 'derive-citations': { type: 'boolean' }, json: { type: 'boolean' } });
  if (positionals.length === 0) throw new UsageError('corpus check: give one or more corpus files, e.g. untoc-kg corpus check corpus.jsonl');
  const kg = loadGraph();
  const rows: ReportRow[] = [];
  const summaries: string[] = [];
  for (const path of positionals) {
    const progress = terminalProgress(path);
    try {
      const { corpus, errors } = await readCorpusFile(kg, path, { keepGood: true, ...(values['derive-citations'] && { deriveCitations: true }), ...(progress && { onProgress: progress.onProgress }) });
      for (const e of errors) rows.push({ ...e, file: 'file' in e && typeof e.file === 'string' ? join(path, e.file) : path });
      summaries.push(
        `${path}: ${errors.length === 0 ? 'no problems' : `${errors.length} problem${errors.length === 1 ? '' : 's'}`}; ${corpus.legislation.length} laws, ${corpus.sections.length} sections, ${corpus.cases.length} cases, ${corpus.links.length} links${errors.length > 0 ? ' read without them' : ''}${corpus.synthetic ? ' (synthetic data)' : ''}`,
      );
    } finally {
      progress?.done();
    }
  }
  if (values.json) {
    printJson(io, rows.map((r) => ({ file: r.file, line: r.line, field: r.field ?? null, code: r.code, message: r.message, suggestions: r.suggestions ?? [] })));
  } else {
    const lines = rows.map((r) => {
      const hint = r.suggestions && r.suggestions.length > 0 && !/did you mean/i.test(r.message) ? ` (did you mean ${r.suggestions.slice(0, 3).join(', ')}?)` : '';
      return `${r.file}:${r.line}\t${r.field ?? '-'}\t${r.code}\t${r.message}${hint}`;
    });
    if (lines.length > 0) io.out(lines.join('\n'));
  }
  for (const s of summaries) io.err(`untoc-kg: ${s}`);
  return rows.length > 0 ? EXIT.usage : EXIT.ok;
}

function whole(option: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value.trim())) throw new UsageError(`corpus generate: --${option} is a whole number, not "${value.slice(0, 80)}"`);
  return Number(value);
}

/** Lines gathered into chunks of about 64 KB, each line ended. */
function* chunked(lines: Iterable<string>): Generator<string> {
  let chunk = '';
  for (const line of lines) {
    chunk += `${line}\n`;
    if (chunk.length >= 1 << 16) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk.length > 0) yield chunk;
}

async function generate(args: string[], io: Io): Promise<number> {
  const { values } = parse(
    'corpus generate',
    args,
    { laws: { type: 'string' }, cases: { type: 'string' }, triples: { type: 'string' }, seed: { type: 'string' }, states: { type: 'string' }, out: { type: 'string', short: 'o' } },
    false,
  );
  const laws = whole('laws', values.laws);
  const cases = whole('cases', values.cases);
  const triples = whole('triples', values.triples);
  const seed = whole('seed', values.seed);
  const states = listOption(values.states);
  const lines = generateCorpus({
    ...(laws !== undefined && { laws }),
    ...(cases !== undefined && { cases }),
    ...(triples !== undefined && { triples }),
    ...(seed !== undefined && { seed }),
    ...(states && { states }),
  });
  const written = await writeChunks(chunked(lines), io, values.out, 'corpus generate');
  if (values.out) io.err(`untoc-kg: wrote a synthetic corpus (${written.toLocaleString('en')} characters) to ${values.out}`);
  return EXIT.ok;
}

export const command: Command = {
  summary: 'check a research corpus (row report), or generate a synthetic one',
  usage,
  async run(args: string[], io: Io): Promise<number> {
    const [sub, ...rest] = args;
    switch (sub) {
      case 'check':
        return check(rest, io);
      case 'generate':
        return generate(rest, io);
      default:
        throw new UsageError(`corpus: give a subcommand, check or generate${sub === undefined ? '' : `, not "${sub.slice(0, 80)}"`} (see untoc-kg corpus --help)`);
    }
  },
};

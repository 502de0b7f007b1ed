/**
 * `untoc-kg authorities`: lists competent national authorities by State, category and provision; and
 * `untoc-kg authorities import FILE`: checks a directory file (CSV or JSON) and reports its rows.
 *
 * @module
 */
import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { bundledDataset } from '../../bundled.js';
import { importDirectory, type ImportDirectoryResult, type ImportDirectoryOptions } from '../../directory/import.js';
import { formatRowError, isDirectoryImportError, UntocKgError, type RowError } from '../../errors.js';
import type { Dataset } from '../../model/dataset.js';
import { authorities, type AuthorityMatch } from '../../query/authorities.js';
import { writeFileAtomic } from '../../node/write.js';
import { foldKey } from '../../util/fold.js';
import { parse } from '../args.js';
import { EXIT, printJson, UsageError, type Io } from '../io.js';
import type { Command } from '../command.js';
import { defined } from '../../util/defined.js';
import { commandCore } from '../core.js';

const usage = `Usage: untoc-kg authorities [--state S] [--category C] [--provision P] [--add FILE…] [--json]
       untoc-kg authorities import FILE [--as-of DATE] [--id ID] [--source KEY] [--example]
                                        [--keep-good-rows] [--out FILE] [--json]

Lists the competent national authorities the graph holds (the curated designations, plus any directory files
added), each with its State, categories, the provisions it is designated under and its source.

  --state       ISO 3166-1 alpha-2 (DE), alpha-3 (DEU) or English name (Germany)
  --category    a directory category: extradition, mutual-legal-assistance, prevention,
                transfer-of-sentenced-persons, illicit-traffic-by-sea, smuggling-of-migrants-by-sea,
                firearms, cultural-property (or an alias such as smuggling-by-sea, mla)
  --provision   a citation, e.g. "SOM art. 8(6)"; provisions inside it match too. A citation a source makes by
                mistake (the seed's "SOM art. 8(5)") leads to its correction, with the discrepancy on stderr.
  --add FILE    a directory file (CSV or JSON, see data/README.md) to add first; may be repeated
  --json        { filter, authorities: [...], discrepancies, notes }

import FILE reads a directory file, checks every row against the graph (ISO codes, categories, provisions,
duplicates) and prints a summary, or every bad row with its row number, column and problem. A file with any bad
row imports nothing unless --keep-good-rows is given.

  --as-of DATE       the date the file describes the directory as at (default: the file's, else today)
  --id ID            the snapshot's id and graph name (default: the date)
  --source KEY       a source key of the graph for the entries (default: a new source naming the file)
  --example          mark the snapshot as example data
  --keep-good-rows   keep the good rows and list the bad ones
  --out FILE         write the snapshot as a directory data file (.json or .yaml), which untoc-kg validate
                     and loadDataset read
  --json             { file, snapshot, rows, imported, states, categories, errors: [{ row, line, column, code, message }] }

Exit codes: 0 ok; 2 for an unknown State, category or provision, or a file with bad rows (even when
--keep-good-rows kept the others).`;

async function readDirectory(path: string, options: ImportDirectoryOptions): Promise<ImportDirectoryResult> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch {
    throw new UntocKgError('data_unreadable', 'authorities', `cannot read "${path}"`, { value: path });
  }
  const ext = extname(path).toLowerCase();
  const format = ext === '.csv' ? 'csv' : ext === '.json' ? 'json' : undefined;
  return importDirectory(bytes, { ...options, file: path, ...(format && { format }) });
}

function line(a: AuthorityMatch): string {
  const where = a.contact.city ? ` (${a.contact.city})` : '';
  const provisions = a.provisions.map((p) => `${p.citation}${p.inferred ? ' (inferred from the category)' : ''}`).join('; ') || 'no provision';
  const categories = a.categories.map((c) => c.id).join(', ');
  const example = a.snapshot.example ? ' [example data]' : '';
  return `${a.state.alpha2}  ${a.name}${where} — ${categories} — ${provisions} — source: ${a.source.id}${example}`;
}

async function list(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse('authorities', args, {
    state: { type: 'string' },
    category: { type: 'string' },
    provision: { type: 'string' },
    add: { type: 'string', multiple: true },
    json: { type: 'boolean' },
  });
  if (positionals.length > 0) throw new UsageError(`authorities: unexpected argument "${positionals[0]}" (did you mean "untoc-kg authorities import ${positionals[0]}"?)`);
  let dataset: Dataset = bundledDataset();
  for (const file of values.add ?? []) {
    // Each added file is a snapshot named after the file (example-directory-csv, then -2, -3, … if taken).
    const stem = foldKey(basename(file)) || 'added';
    let id = stem;
    for (let k = 2; dataset.snapshots.some((s) => s.id === id); k++) id = `${stem}-${k}`;
    dataset = (await readDirectory(file, { base: dataset, id })).dataset;
  }
  const kg = commandCore(dataset);
  const result = authorities(kg, {
    ...defined({ state: values.state, category: values.category, provision: values.provision }),
  });
  if (values.json) {
    printJson(io, result);
    return EXIT.ok;
  }
  for (const a of result.authorities) io.out(line(a));
  for (const d of result.discrepancies) {
    io.err(`untoc-kg: note: source "${d.evidence.source}" cites ${d.claimed.citation}, but the graph asserts ${d.accepted.citation}: ${d.explanation} Showing the authorities designated under ${d.accepted.citation}.`);
  }
  for (const note of result.notes) io.err(`untoc-kg: note: ${note}`);
  const n = result.authorities.length;
  io.err(n === 0 ? 'untoc-kg: no authority matches.' : `untoc-kg: ${n} authorit${n === 1 ? 'y' : 'ies'}.`);
  return EXIT.ok;
}

async function importFile(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse('authorities import', args, {
    'as-of': { type: 'string' },
    id: { type: 'string' },
    source: { type: 'string' },
    example: { type: 'boolean' },
    'keep-good-rows': { type: 'boolean' },
    out: { type: 'string' },
    json: { type: 'boolean' },
  });
  if (positionals.length !== 1) throw new UsageError('authorities import: give one file, e.g. untoc-kg authorities import directory.csv');
  const file = positionals[0]!;
  const asOf = values['as-of'];
  if (asOf !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(asOf)) throw new UsageError(`authorities import: --as-of takes a date such as 2024-05-04; got "${asOf}"`);
  let result: ImportDirectoryResult | undefined;
  let errors: readonly RowError[] = [];
  try {
    result = await readDirectory(file, {
      ...defined({ asOf, id: values.id, source: values.source }),
      ...(values.example && { example: true }),
      keepGoodRows: values['keep-good-rows'] ?? false,
    });
    errors = result.errors;
  } catch (error) {
    if (!isDirectoryImportError(error)) throw error;
    errors = error.errors;
  }
  if (result && values.out) {
    const text = /\.ya?ml$/i.test(values.out) ? (await import('yaml')).stringify(result.data) : `${JSON.stringify(result.data, null, 2)}\n`;
    await writeFileAtomic(values.out, text, 'authorities import');
  }
  const summary = result && {
    snapshot: { id: result.snapshot.id, asOf: result.snapshot.asOf, graph: result.snapshot.iri, example: result.snapshot.example },
    rows: result.rows,
    imported: result.authorities.length,
    states: new Set(result.authorities.map((a) => a.state)).size,
    categories: new Set(result.authorities.flatMap((a) => a.categories)).size,
    ...(values.out && { out: values.out }),
  };
  if (values.json) {
    printJson(io, { file, ...(summary ?? { imported: 0 }), errors });
  } else {
    if (summary) {
      io.out(
        `${file}: ${summary.imported} of ${summary.rows} authorities imported as the snapshot ${summary.snapshot.id} (graph ${summary.snapshot.graph}): ${summary.states} States, ${summary.categories} categories${summary.snapshot.example ? '; example data' : ''}.${values.out ? ` Written to ${values.out}.` : ''}`,
      );
    }
    for (const e of errors) io.out(formatRowError(file, e));
    if (errors.length > 0) {
      const rows = new Set(errors.map((e) => e.row)).size;
      io.err(`untoc-kg: ${errors.length} problem${errors.length === 1 ? '' : 's'} in ${rows} row${rows === 1 ? '' : 's'}; ${result ? 'those rows were left out' : 'nothing was imported (--keep-good-rows imports the good rows)'}.`);
    }
  }
  return errors.length === 0 ? EXIT.ok : EXIT.usage;
}

export const command: Command = {
  summary: 'list competent national authorities by State, category and provision; import a directory file',
  usage,
  async run(args: string[], io: Io): Promise<number> {
    return args[0] === 'import' ? importFile(args.slice(1), io) : list(args, io);
  },
};

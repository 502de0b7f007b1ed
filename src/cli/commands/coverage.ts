/**
 * `untoc-kg coverage CITATION --data FILE…`: for a provision and each one under it, which States' legislation (in the
 * loaded research corpora) implements it, exactly or through an enclosing provision, and how many of their cases
 * apply it. A matrix with the States as columns on a terminal; `--json` and `--csv` for analysis.
 *
 * @module
 */
import { csvCell } from '../../export/csv.js';
import type { CoverageCell, CoverageResult } from '../../query/documents.js';
import { coverage } from '../../query/documents.js';
import { parse } from '../args.js';
import { provisionLine } from '../format.js';
import { EXIT, printJson, UsageError, type Io } from '../io.js';
import type { Command } from '../command.js';
import { dataGraph, listOption } from '../load-data.js';

const usage = `Usage: untoc-kg coverage CITATION (--data FILE… | --endpoint URL) [--state IT,DE] [--derive-citations]
                         [--json | --csv]

For a provision and every provision under it, which States have legislation that implements it and how many of
their cases apply it, from the research corpora given with --data: the matrix a comparative study needs. On a
terminal, one row per provision and one column per State; each cell is
  E   a section of the State's legislation implements the provision (exact)
  B   a section implements a provision that encloses it (broader)
  ·   none does
followed by the number of the State's cases that apply the provision or one inside it.

  CITATION            e.g. "SOM Protocol art. 6", "art. 5"; a bare citation means the Convention
  --data FILE         a research corpus (.jsonl, or a folder of CSV files) or a data file; repeat for more
  --derive-citations  also link what the sections' texts and the cases' summaries cite (basis text)
  --endpoint URL      ask the corpora published to a SPARQL 1.1 store (untoc-kg publish --data) instead of --data;
                      credentials from UNTOC_KG_ENDPOINT_USER and UNTOC_KG_ENDPOINT_PASSWORD
  --state             the States of the columns (ISO 3166-1 codes, comma-separated; default every State with a
                      document in the corpora)
  --json              { provision, states: ["IT", …], rows: [{ provision, states: { IT: { legislation:
                        "exact" | "broader" | null, sections: [{ iri, key, label, … }], cases } } }] }
  --csv               one row per provision and State: provision, citation, state, legislation, sections, cases`;

const MARK: Record<NonNullable<CoverageCell['legislation']> | 'none', string> = { exact: 'E', broader: 'B', none: '·' };

function cellText(cell: CoverageCell): string {
  return `${MARK[cell.legislation ?? 'none']}${cell.cases > 0 ? ` ${cell.cases}` : ''}`;
}

/** The matrix as text: a column of citations, then one column per State. */
export function coverageMatrix(result: CoverageResult): string[] {
  const labels = result.rows.map((r) => r.provision.citation);
  const first = Math.max(9, ...labels.map((l) => l.length)) + 2;
  const widths = result.states.map((s) => Math.max(s.length, ...result.rows.map((r) => cellText(r.states[s]!).length)) + 2);
  const lines = [`${'provision'.padEnd(first)}${result.states.map((s, k) => s.padEnd(widths[k]!)).join('')}`.trimEnd()];
  result.rows.forEach((row, i) => {
    lines.push(`${labels[i]!.padEnd(first)}${result.states.map((s, k) => cellText(row.states[s]!).padEnd(widths[k]!)).join('')}`.trimEnd());
  });
  return lines;
}

/** The matrix as CSV: one row per provision and State. */
export function coverageCsv(result: CoverageResult): string {
  const rows = [['provision', 'citation', 'state', 'legislation', 'sections', 'cases'].join(',')];
  for (const row of result.rows) {
    for (const state of result.states) {
      const cell = row.states[state]!;
      rows.push([row.provision.iri, row.provision.citation, state, cell.legislation ?? '', cell.sections.map((s) => s.label).join('; '), cell.cases].map(csvCell).join(','));
    }
  }
  return `${rows.join('\r\n')}\r\n`;
}

export const command: Command = {
  summary: 'which States\' laws (from --data) implement each provision under one, and their cases',
  usage,
  async run(args: string[], io: Io): Promise<number> {
    const { values, positionals } = parse('coverage', args, {
      data: { type: 'string', multiple: true },
      endpoint: { type: 'string' },
      'derive-citations': { type: 'boolean' },
      state: { type: 'string' },
      json: { type: 'boolean' },
      csv: { type: 'boolean' },
    });
    if (positionals.length === 0) throw new UsageError('coverage: give a citation, e.g. untoc-kg coverage "SOM Protocol art. 6" --data corpus.jsonl');
    if (values.json && values.csv) throw new UsageError('coverage: give --json or --csv, not both');
    const states = listOption(values.state);
    const store = values.endpoint === undefined ? undefined : await (await import('../endpoint.js')).storeOf('coverage', values.endpoint, values.data, values['derive-citations']);
    const kg = store ? undefined : await dataGraph(values.data, { deriveCitations: values['derive-citations'] ?? false }, io);
    const result = store ? await store.coverage(positionals.join(' '), states ? { states } : {}) : coverage(kg!, positionals.join(' '), states ? { states } : {});
    if (values.json) {
      printJson(io, result);
      return EXIT.ok;
    }
    if (values.csv) {
      io.out(coverageCsv(result));
      return EXIT.ok;
    }
    const lines = [provisionLine(result.provision), ''];
    if (kg?.corpus.corpora.length === 0) lines.push('No research corpus is loaded: give one with --data FILE (see untoc-kg coverage --help).');
    else if (result.states.length === 0) lines.push('The loaded corpora hold no document of any State.');
    else lines.push(...coverageMatrix(result), '', 'E implemented exactly, B through an enclosing provision, · not implemented; the number counts the cases that apply it.');
    io.out(lines.join('\n'));
    return EXIT.ok;
  },
};

/**
 * `untoc-kg path FROM TO`: the shortest chain of links between two nodes.
 *
 * @module
 */
import { loadGraph } from '../../kg.js';
import { explainPath } from '../../query/paths.js';
import { parse } from '../args.js';
import { evidenceLine, shortTitle, widthOf, wrap } from '../format.js';
import { EXIT, printJson, UsageError, type Io } from '../io.js';
import type { Command } from '../command.js';

const usage = `Usage: untoc-kg path FROM TO [--data FILE…] [--derive-citations] [--json]

The shortest chain of links between two nodes, each step named in the direction it is walked (partOf, hasPart,
addresses, addressedBy, cites, citedBy, subject, subjectOf, supplements, …), with the evidence of each link.

  FROM, TO   citations, tool ids, part paths (legislative-guides/part_1/chp_5), theme slugs, instrument ids or IRIs
  --data FILE  a research corpus (.jsonl, or a folder of CSV files) or a data file, whose nodes the path may
               pass through or end at (a law's or case's id, a section's key such as it-tui#12); repeat for more
  --derive-citations  with --data: also link what the corpora's texts cite (basis text)
  --json     { from, to, steps: [{ from, relation, to, evidence }] }`;

export const command: Command = {
  summary: 'the shortest chain of links between two nodes',
  usage,
  async run(args: string[], io: Io): Promise<number> {
    const { values, positionals } = parse('path', args, { json: { type: 'boolean' }, data: { type: 'string', multiple: true }, 'derive-citations': { type: 'boolean' } });
    if (positionals.length !== 2) throw new UsageError('path: give two nodes, e.g. untoc-kg path "art. 27(1)(e)" in-depth-training-manual');
    // --data loads a separate module (dist/load-data.js), so that the plain question stays on the fast path.
    const kg = values.data ? await (await import('../load-data.js')).dataGraph(values.data, { deriveCitations: values['derive-citations'] ?? false }, io) : loadGraph();
    const result = explainPath(kg, positionals[0]!, positionals[1]!);
    if (values.json) {
      printJson(io, result);
      return EXIT.ok;
    }
    const width = widthOf(io);
    // A tool's node, or a part's ("Legislative Guides for the …, Part One"), under the tool's short title.
    const titles = kg.dataset.tools.map((t) => t.title).sort((a, b) => b.length - a.length);
    const label = (text: string) => {
      const title = titles.find((t) => text.startsWith(t));
      return title ? shortTitle(title) + text.slice(title.length) : text;
    };
    const lines = [wrap(label(result.from.label), '  ', width, '')];
    for (const s of result.steps) {
      lines.push(wrap(`${s.relation} ${label(s.to.label)}`, '    ', width, '  '));
      for (const e of s.evidence) lines.push(wrap(evidenceLine(e), '      ', width));
    }
    if (result.steps.length === 0) lines.push('  (the same node)');
    io.out(lines.join('\n'));
    return EXIT.ok;
  },
};

/**
 * `untoc-kg addressed-by TOOL`: the provisions a tool, or a part of it, addresses.
 *
 * @module
 */
import { provisionsAddressedBy } from '../../query/provisions.js';
import { commandCore } from '../core.js';
import { parse } from '../args.js';
import { evidenceLine, provisionLine, widthOf, wrap } from '../format.js';
import { EXIT, printJson, UsageError, type Io } from '../io.js';
import type { Command } from '../command.js';

const usage = `Usage: untoc-kg addressed-by TOOL [--json]

The provisions a tool, or a part of it, addresses, with the evidence of each link.

  TOOL     a tool id (legislative-guides, model-law, cna-directory, …) or a part path
           (legislative-guides/part_1/chp_5); untoc-kg search can find them
  --json   { tool, part, results: [{ provision, part, match, path, evidence }] }`;

export const command: Command = {
  summary: 'the provisions a tool or part addresses',
  usage,
  async run(args: string[], io: Io): Promise<number> {
    const { values, positionals } = parse('addressed-by', args, { json: { type: 'boolean' } });
    if (positionals.length !== 1) throw new UsageError('addressed-by: give one tool id, e.g. untoc-kg addressed-by legislative-guides');
    const result = provisionsAddressedBy(commandCore(), positionals[0]!);
    if (values.json) {
      printJson(io, result);
      return EXIT.ok;
    }
    const width = widthOf(io);
    const lines = [wrap(result.part ? `${result.tool.title}, ${result.part.label}` : result.tool.title, '  ', width, ''), ''];
    if (result.results.length === 0) lines.push('It addresses no provision in the graph (it may still be linked to themes).');
    let group = '';
    for (const r of result.results) {
      const by = r.part ? r.part.label : 'the tool as a whole';
      const heading = `${by}${r.match === 'broader' ? ' (encloses the part asked about)' : ''}:`;
      if (heading !== group) {
        lines.push(wrap(heading, '  ', width, ''));
        group = heading;
      }
      lines.push(wrap(provisionLine(r.provision), '    ', width, '  '));
      for (const e of r.evidence) lines.push(wrap(evidenceLine(e), '      ', width));
    }
    io.out(lines.join('\n'));
    return EXIT.ok;
  },
};

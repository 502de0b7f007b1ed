/**
 * `untoc-kg show CITATION`: one provision with everything around it.
 *
 * @module
 */
import { loadCore } from '../../core.js';
import { provision } from '../../query/provisions.js';
import { parse } from '../args.js';
import { authorityLine, discrepancyLines, evidenceLine, provisionLine, wrap } from '../format.js';
import { EXIT, printJson, UsageError, type Io } from '../io.js';
import type { Command } from '../main.js';

const usage = `Usage: untoc-kg show CITATION [--json]

A provision with its heading, instrument, parents, subdivisions, the references its text makes and receives, its
themes, the tools that address it, and any disputed claims about it.

  CITATION   e.g. "SOM Protocol art. 8(6)", "art. 27", "chapter II of the Protocol", an IRI
  --json     the whole record (see the ProvisionDetails type)`;

export const command: Command = {
  summary: 'a provision: heading, parents, children, references, themes, tools',
  usage,
  async run(args: string[], io: Io): Promise<number> {
    const { values, positionals } = parse('show', args, { json: { type: 'boolean' } });
    if (positionals.length === 0) throw new UsageError('show: give a citation, e.g. untoc-kg show "SOM Protocol art. 8(6)"');
    const p = provision(loadCore(), positionals.join(' '));
    if (values.json) {
      printJson(io, p);
      return EXIT.ok;
    }
    const lines = [`${provisionLine(p)}  (${p.level}${p.partial ? ', only partly in the graph' : ''})`, `${p.instrumentTitle}`];
    if (p.summary) lines.push('', wrap(p.summary, ''));
    if (p.group) lines.push(`group: ${p.group}`);
    lines.push('');
    if (p.parents.length) lines.push(`part of:  ${p.parents.map((x) => x.citation).join(' › ')}`);
    if (p.children.length) lines.push(wrap(`contains: ${p.children.map((c) => c.citation).join(', ')}`, '', 100));
    for (const r of p.references.out) lines.push(`cites:    ${r.provision.citation}${r.note ? ` (${r.note})` : ''}`);
    for (const r of p.references.in) lines.push(`cited by: ${r.provision.citation}${r.note ? ` (${r.note})` : ''}`);
    for (const t of p.themes) lines.push(`theme:    ${t.theme.label}${t.match === 'inherited' ? ` (from ${t.via.label})` : ''}`);
    if (p.tools.length) lines.push('', 'tools:');
    for (const r of p.tools) {
      const where = r.part ? `${r.tool.title}, ${r.part.label}` : r.tool.title;
      lines.push(`  ${r.match.padEnd(9)}${where}${r.match === 'exact' ? '' : `, via ${r.via.citation}`}`);
      for (const e of r.evidence) lines.push(wrap(evidenceLine(e), ' '.repeat(11)));
    }
    if (p.authorities.length) lines.push('', 'designated authorities:');
    for (const a of p.authorities) lines.push(wrap(authorityLine(a), '  '));
    for (const d of p.discrepancies) {
      lines.push('', 'discrepancy:');
      for (const line of discrepancyLines(d)) lines.push(wrap(line, '  '));
    }
    io.out(lines.join('\n'));
    return EXIT.ok;
  },
};

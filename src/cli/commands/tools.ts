/**
 * `untoc-kg tools CITATION`: the tools (and the part of each) that address a provision, with how each matches and
 * the evidence. The main job of the command line.
 *
 * @module
 */
import type { MatchKind } from '../../query/steps.js';
import { toolsAddressing } from '../../query/tools.js';
import { commandCore } from '../core.js';
import { parse } from '../args.js';
import { authorityLine, discrepancyLines, evidenceLine, pathLine, provisionLine, shortTitle, widthOf, wrap } from '../format.js';
import { EXIT, printJson, UsageError, type Io } from '../io.js';
import type { Command } from '../command.js';
import { documentLines } from '../corpus-format.js';

const usage = `Usage: untoc-kg tools CITATION [--match exact,broader,narrower,related] [--related] [--paths]
                      [--data FILE…] [--derive-citations] [--endpoint URL] [--json]

The tools, and the part of each, that address a provision. Each answer says how it matches:
  exact     the tool addresses this provision
  broader   it addresses a provision that encloses it (art. 27 encloses art. 27(1)(e))
  narrower  it addresses a provision inside it
  related   it addresses a provision connected by a cross-reference in the text (--related)
and the evidence of each link: its basis (text, source, curated), the source and where in it.

  CITATION   e.g. "art. 27 para. 1(e)", "SOM Protocol art. 8(6)", an IRI; a bare citation means the Convention
  --match    the kinds to show (default exact,broader,narrower)
  --related  add related matches
  --paths    show the chain of links that explains each answer
  --data     a research corpus (.jsonl, or a folder of CSV files) or a data file; repeat for more. The national
             sections and cases that implement or apply the provision follow the tools (see untoc-kg documents)
  --derive-citations  with --data: also link what the corpora's texts cite (basis text)
  --endpoint ask a SPARQL 1.1 store the graph was published to (untoc-kg publish); credentials from
             UNTOC_KG_ENDPOINT_USER and UNTOC_KG_ENDPOINT_PASSWORD
  --json     { provision: { iri, citation, heading, … }, results: [{ tool: { id, iri, title, kind },
               part: { iri, label, title, path } | null, match, via: { iri, citation, heading, … },
               path: [{ from, relation, to, evidence }], evidence: [{ basis, source, sourceTitle, locator, note, link }] }],
               discrepancies: [...] }; with --data also documents: [...] as untoc-kg documents --json gives them

Answers are grouped by tool (its short title; --json has the full one), wrapped to the terminal's width.`;

export const command: Command = {
  summary: 'the tools that address a provision (the main question)',
  usage,
  async run(args: string[], io: Io): Promise<number> {
    const { values, positionals } = parse('tools', args, {
      match: { type: 'string' },
      related: { type: 'boolean' },
      paths: { type: 'boolean' },
      endpoint: { type: 'string' },
      json: { type: 'boolean' },
      data: { type: 'string', multiple: true },
      'derive-citations': { type: 'boolean' },
    });
    if (positionals.length === 0) throw new UsageError('tools: give a citation, e.g. untoc-kg tools "art. 27 para. 1(e)"');
    let match = values.match ? (values.match.split(',').map((m) => m.trim()) as MatchKind[]) : undefined;
    if (values.related) match = [...(match ?? ['exact', 'broader', 'narrower']), 'related'];
    // --data loads a separate module (dist/load-data.js), so that the plain question stays on the fast path.
    const options = match ? { match } : {};
    const loader = values.data ? await import('../load-data.js') : undefined;
    const kg = loader ? await loader.dataGraph(values.data, { deriveCitations: values['derive-citations'] ?? false }, io) : undefined;
    const result = values.endpoint
      ? await (await (await import('../endpoint.js')).remoteOf(values.endpoint)).toolsAddressing(positionals.join(' '), options)
      : toolsAddressing(kg ?? commandCore(), positionals.join(' '), options);
    const documents = loader && kg ? loader.documentsAddressing(kg, result.provision.iri).results : undefined;
    if (values.json) {
      printJson(io, documents ? { ...result, documents } : result);
      return EXIT.ok;
    }
    const width = widthOf(io);
    const lines = [wrap(provisionLine(result.provision), '  ', width, '')];
    if (result.provision.summary) lines.push(wrap(result.provision.summary, '', width));
    lines.push('');
    if (result.results.length === 0) lines.push('No tool in the graph addresses it.');
    // One group per tool, in the order of its nearest answer; under it each part, how it matches and the evidence.
    const groups = new Map<string, (typeof result.results)[number][]>();
    for (const r of result.results) groups.set(r.tool.id, [...(groups.get(r.tool.id) ?? []), r]);
    const hang = ' '.repeat(11);
    for (const results of groups.values()) {
      lines.push(wrap(shortTitle(results[0]!.tool.title), '  ', width, ''));
      for (const r of results) {
        const part = r.part ? `${r.part.label}${r.part.title ? ` (${r.part.title})` : ''}` : 'the tool as a whole';
        const via = r.match === 'exact' ? '' : `, via ${r.via.citation}`;
        lines.push(wrap(`${part}${via}`, hang, width, `  ${r.match.padEnd(9)}`));
        for (const e of r.evidence) lines.push(wrap(evidenceLine(e), hang, width));
        for (const a of r.authorities ?? []) lines.push(wrap(`designated authority: ${authorityLine(a)}`, hang, width));
        if (values.paths) lines.push(wrap(`path: ${pathLine(r.path).replaceAll(r.tool.title, shortTitle(r.tool.title))}`, hang, width));
      }
    }
    for (const d of result.discrepancies) {
      lines.push('', 'Discrepancy:');
      for (const line of discrepancyLines(d)) lines.push(wrap(line, '  ', width));
    }
    if (documents) lines.push('', documents.length > 0 ? 'National legislation and cases (--data):' : 'No section or case in the corpora given with --data implements or applies it.');
    if (documents) lines.push(...documentLines(documents, { paths: values.paths ?? false }));
    io.out(lines.join('\n'));
    return EXIT.ok;
  },
};

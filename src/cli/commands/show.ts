/**
 * `untoc-kg show CITATION`: one provision with everything around it.
 *
 * @module
 */
import type { KnowledgeGraphCore } from '../../core.js';
import { resolveCitation } from '../../citation/resolve.js';
import { provision } from '../../query/provisions.js';
import type { ProvisionWording } from '../../text/wording.js';
import { commandCore } from '../core.js';
import { parse } from '../args.js';
import { authorityLine, discrepancyLines, evidenceLine, provisionLine, shortTitle, widthOf, wrap } from '../format.js';
import { EXIT, printJson, UsageError, type Io } from '../io.js';
import type { Command } from '../command.js';
import { documentLines } from '../corpus-format.js';

const usage = `Usage: untoc-kg show CITATION [--text FILE] [--instrument ID] [--data PATH…] [--derive-citations]
                     [--endpoint URL] [--json]

A provision with its heading, instrument, parents, subdivisions, the references its text makes and receives, its
themes, the tools that address it, the authorities designated under it, and any disputed claims about it. With
--text, also its wording in every language of a treaty text you give (the package ships no treaty wording).

  CITATION         e.g. "SOM Protocol art. 8(6)", "art. 27", "chapter II of the Protocol", an IRI; a bare
                   citation means the Convention (or the instrument given with --instrument)
  --text FILE      a treaty text (Markdown, UN plain text or HTML) to read the wording from; what matches the
                   graph's structure is attached, differences are noted on stderr
  --instrument ID  the instrument the text is, and the one a bare citation means
  --data PATH      more data files or folders to add to the graph, or research corpora (.jsonl, or a folder of CSV
                   files) whose sections and cases then show under the provision; may repeat
  --derive-citations  with --data: also link what the corpora's texts cite (basis text)
  --endpoint URL   ask a SPARQL 1.1 store the graph was published to (credentials from the environment)
  --json           the whole record (see the ProvisionDetails type), with "wording" (ProvisionWording) given --text`;

export const command: Command = {
  summary: 'a provision: heading, parents, children, references, themes, tools',
  usage,
  async run(args: string[], io: Io): Promise<number> {
    const { values, positionals } = parse('show', args, {
      text: { type: 'string', short: 't' },
      instrument: { type: 'string', short: 'i' },
      data: { type: 'string', multiple: true },
      'derive-citations': { type: 'boolean' },
      endpoint: { type: 'string' },
      json: { type: 'boolean' },
    });
    if (positionals.length === 0) throw new UsageError('show: give a citation, e.g. untoc-kg show "SOM Protocol art. 8(6)"');
    const citation = positionals.join(' ');
    const context = values.instrument ? { instrument: values.instrument } : {};
    let core: KnowledgeGraphCore;
    let wording: ProvisionWording | undefined;
    // Reading a text or data files needs the file system and the loaders: loaded only when asked for.
    const helpers = values.text || values.data ? await import('../wording.js') : undefined;
    if (helpers) {
      core = values.data ? await (await import('../load-data.js')).dataGraph(values.data, { deriveCitations: values['derive-citations'] ?? false }, io) : commandCore();
      if (values.text) {
        // The text's instrument: the one given, else the one the citation names.
        const instrument = values.instrument ?? resolveCitation(core, citation, context).targets[0]!.instrument;
        const withText = (await helpers.graphWithText(values.text, { instrument, base: core }, io)).core;
        core = core.corpus ? { ...withText, corpus: core.corpus } : withText;
        wording = (await import('../../text/wording.js')).wordingOf(core, citation, context);
      }
    } else {
      core = commandCore();
    }
    const p = values.endpoint ? await (await (await import('../endpoint.js')).remoteOf(values.endpoint)).provision(citation, { context }) : provision(core, citation, { context });
    if (values.json) {
      printJson(io, wording ? { ...p, wording } : p);
      return EXIT.ok;
    }
    const width = widthOf(io);
    const lines = [wrap(`${provisionLine(p)}  (${p.level}${p.partial ? ', only partly in the graph' : ''})`, '  ', width, ''), wrap(p.instrumentTitle, '  ', width, '')];
    if (p.summary) lines.push('', wrap(p.summary, '', width));
    if (p.group) lines.push(`group: ${p.group}`);
    lines.push('');
    // Each entry a label in the first 10 columns, its value wrapped beside it.
    const entry = (label: string, value: string) => lines.push(wrap(value, ' '.repeat(10), width, label.padEnd(10)));
    if (p.parents.length) entry('part of:', p.parents.map((x) => x.citation).join(' › '));
    if (p.children.length) entry('contains:', p.children.map((c) => c.citation).join(', '));
    for (const r of p.references.out) entry('cites:', `${r.provision.citation}${r.note ? ` (${r.note})` : ''}`);
    for (const r of p.references.in) entry('cited by:', `${r.provision.citation}${r.note ? ` (${r.note})` : ''}`);
    for (const t of p.themes) entry('theme:', `${t.theme.label}${t.match === 'inherited' ? ` (from ${t.via.label})` : ''}`);
    if (p.tools.length) lines.push('', 'tools:');
    for (const r of p.tools) {
      const where = r.part ? `${shortTitle(r.tool.title)}, ${r.part.label}` : shortTitle(r.tool.title);
      lines.push(wrap(`${where}${r.match === 'exact' ? '' : `, via ${r.via.citation}`}`, ' '.repeat(11), width, `  ${r.match.padEnd(9)}`));
      for (const e of r.evidence) lines.push(wrap(evidenceLine(e), ' '.repeat(11), width));
    }
    for (const [what, list] of [['sections of national legislation that implement it', p.documents.sections], ['cases that apply it', p.documents.cases]] as const) {
      if (list.count === 0) continue;
      lines.push('', `${what} (${list.count}${list.count > list.first.length ? `, the first ${list.first.length}` : ''}):`);
      lines.push(...documentLines(list.first).map((l) => `  ${l}`));
    }
    if (p.authorities.length) lines.push('', 'designated authorities:');
    for (const a of p.authorities) lines.push(wrap(authorityLine(a), '    ', width, '  '));
    for (const d of p.discrepancies) {
      lines.push('', 'discrepancy:');
      for (const line of discrepancyLines(d)) lines.push(wrap(line, '  ', width));
    }
    if (wording && helpers) lines.push('', 'wording:', ...helpers.wordingLines(wording));
    io.out(lines.join('\n'));
    return EXIT.ok;
  },
};

/**
 * `untoc-kg cite TEXT`: parses and resolves a citation, and prints the provisions it names in a citation style.
 *
 * @module
 */
import { formatCitation } from '../../citation/format.js';
import { resolveCitation } from '../../citation/resolve.js';
import type { CitationStyle } from '../../citation/types.js';
import { UntocKgError } from '../../errors.js';
import { commandCore } from '../core.js';
import { parse } from '../args.js';
import { EXIT, printJson, UsageError, type Io } from '../io.js';
import type { Command } from '../command.js';

const STYLES: readonly CitationStyle[] = ['un', 'short', 'long', 'eid', 'iri'];

const usage = `Usage: untoc-kg cite TEXT [--style un|short|long|eid|iri] [--json]

Reads a citation the way a lawyer writes it and prints the provisions it names.

  TEXT      e.g. "art. 27 para. 1(e)", "SOM Protocol art. 8(6)", "arts. 7–9 of the Protocol", an eId or an IRI.
            A bare citation means the Convention.
  --style   un     article 27, paragraph 1 (e)
            short  art. 27(1)(e)              (default)
            long   United Nations Convention against Transnational Organized Crime, article 27, paragraph 1 (e)
            eid    art_27__para_1__point_e
            iri    https://w3id.org/untoc-kg/eli/un/convention/2000/untoc/art_27/para_1/point_e
  --json    { input, kind, provisions: [{ iri, instrument, level, eid, citation, heading }], assumptions }

An unknown or malformed citation is reported on stderr with the nearest valid provisions; exit code 2.`;

export const command: Command = {
  summary: 'parse a citation and print the provisions it names',
  usage,
  async run(args: string[], io: Io): Promise<number> {
    const { values, positionals } = parse('cite', args, { style: { type: 'string', short: 's' }, json: { type: 'boolean' } });
    if (positionals.length === 0) throw new UsageError('cite: give a citation, e.g. untoc-kg cite "art. 27 para. 1(e)"');
    const style = (values.style ?? 'short') as CitationStyle;
    if (!STYLES.includes(style)) {
      throw new UntocKgError('invalid_input', 'cite', `unknown style "${style}"; expected one of ${STYLES.join(', ')}`, { value: style, suggestions: [...STYLES] });
    }
    const text = positionals.join(' ');
    const kg = commandCore();
    const resolution = resolveCitation(kg, text);
    const provisions = resolution.targets.map((t) => {
      const record = t.level === 'instrument' ? undefined : kg.index.provisionRecord(t.id);
      const instrument = kg.index.instrumentRecord(t.instrument)!;
      const cited = t.eid ? formatCitation({ instrument: t.instrument, eid: t.eid }, style) : style === 'eid' ? '' : formatCitation(t.id, style);
      return { iri: t.id, instrument: t.instrument, level: t.level, eid: t.eid ?? null, citation: cited, heading: record?.heading ?? (t.level === 'instrument' ? instrument.title : null) };
    });
    if (values.json) {
      printJson(io, { input: text, kind: resolution.citation.kind, provisions, assumptions: resolution.assumptions });
    } else {
      for (const p of provisions) io.out(p.heading ? `${p.citation} — ${p.heading}` : p.citation);
      for (const a of resolution.assumptions) io.err(`untoc-kg: note: ${a}`);
    }
    return EXIT.ok;
  },
};

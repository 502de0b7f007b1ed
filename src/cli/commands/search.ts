/**
 * `untoc-kg search TEXT`: ranked matches over headings, titles, summaries, parts and themes.
 *
 * @module
 */
import { UntocKgError } from '../../errors.js';
import { search, type SearchKind } from '../../query/search.js';
import { parse } from '../args.js';
import { EXIT, printJson, type Io } from '../io.js';
import type { Command } from '../command.js';
import { defined } from '../../util/defined.js';
import { commandCore } from '../core.js';

const KINDS: readonly SearchKind[] = ['provision', 'instrument', 'tool', 'part', 'theme'];

const synopsis = 'untoc-kg search TEXT [--kind provision,tool,part,theme,instrument] [--limit N] [--json]';

const usage = `Usage: ${synopsis}

Searches headings, titles, the project's summaries, part labels and theme labels; case, accents and plural s do
not matter. A citation works too.

  --kind    only these kinds of results
  --limit   at most N results (default 20)
  --json    [{ kind, iri, label, field, text, score }]`;

export const command: Command = {
  summary: 'search headings, titles, summaries, parts and themes',
  usage,
  async run(args: string[], io: Io): Promise<number> {
    const { values, positionals } = parse('search', args, { kind: { type: 'string' }, limit: { type: 'string' }, json: { type: 'boolean' } });
    const kinds = values.kind?.split(',').map((k) => k.trim());
    const unknown = kinds?.filter((k) => !(KINDS as readonly string[]).includes(k)) ?? [];
    if (unknown.length) throw new UntocKgError('invalid_input', 'search', `unknown kind ${unknown.join(', ')}; kinds: ${KINDS.join(', ')}`, { value: unknown, suggestions: [...KINDS] });
    const limit = values.limit === undefined ? undefined : Number(values.limit);
    if (limit !== undefined && !(Number.isInteger(limit) && limit >= 1)) {
      throw new UntocKgError('invalid_input', 'search', `--limit takes a whole number of results, 1 or more; got "${values.limit!.slice(0, 80)}"`, { value: values.limit });
    }
    const text = positionals.join(' ');
    // Without a word to look for there is nothing to suggest: say what search needs, and how to call it.
    if (!/[\p{L}\p{N}]/u.test(text)) throw new UntocKgError('empty_query', 'search', `the query is empty: search needs words to look for (usage: ${synopsis})`, { value: text });
    const hits = search(commandCore(), text, { ...(kinds && { kinds: kinds as SearchKind[] }), ...defined({ limit }) });
    if (values.json) {
      printJson(io, hits);
      return EXIT.ok;
    }
    if (hits.length === 0) io.err('untoc-kg: nothing found');
    // One line a hit, as grep prints them, whatever the width.
    io.out(hits.map((h) => `${h.kind.padEnd(11)}${h.label}${h.text && h.text !== h.label ? ` — ${h.text}` : ''}`).join('\n'));
    return EXIT.ok;
  },
};

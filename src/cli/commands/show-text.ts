/**
 * `untoc-kg show CITATION --text FILE`: a provision with its wording read from a treaty text. A minimal `show`; the
 * full command (issue 4) prints more about a provision and calls the same helpers in `../wording.ts` for `--text`.
 *
 * @module
 */
import { parseCitation } from '../../citation/parse.js';
import { wordingOf } from '../../text/wording.js';
import { parse } from '../args.js';
import { EXIT, UsageError, type Io } from '../io.js';
import type { Command } from '../main.js';
import { graphWithText, printWording } from '../wording.js';

const usage = `Usage: untoc-kg show CITATION --text FILE [--instrument ID] [--json] [--data PATH…]

Prints a provision with its wording in every language of a treaty text: its heading, then per language its
words with everything below it (one subdivision a line, marked (a), (i), …).

  CITATION         e.g. "art. 27(1)(e)", "SOM Protocol art. 8(6)"; a bare citation means the Convention
  --text FILE      the treaty text to read the wording from (what matches the graph's structure is used)
  --instrument ID  the instrument the text is (default: the one the citation names)
  --json           { provision, citation, heading, text, fullText, languages, sources } as JSON
  --data PATH      more data files or folders to add to the graph; may repeat`;

export const command: Command = {
  summary: 'print a provision with its wording from a treaty text (--text FILE)',
  usage,
  async run(args: string[], io: Io): Promise<number> {
    const { values, positionals } = parse('show', args, {
      text: { type: 'string', short: 't' },
      instrument: { type: 'string', short: 'i' },
      json: { type: 'boolean' },
      data: { type: 'string', multiple: true },
    });
    if (positionals.length === 0) throw new UsageError('show: give a citation, e.g. untoc-kg show "art. 27(1)(e)" --text untoc.md');
    if (!values.text) throw new UsageError('show: give the treaty text to read the wording from with --text FILE');
    const citation = positionals.join(' ');
    const parsed = parseCitation(citation, values.instrument ? { instrument: values.instrument } : {});
    const instrument = values.instrument ?? ('instrument' in parsed ? parsed.instrument : undefined);
    const { core } = await graphWithText(values.text, { ...(instrument && { instrument }), ...(values.data && { data: values.data }) }, io);
    printWording(io, wordingOf(core, citation, instrument ? { instrument } : {}), values.json);
    return EXIT.ok;
  },
};

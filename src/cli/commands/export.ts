/**
 * `untoc-kg export --format F [--out FILE]`: writes the whole graph.
 *
 * @module
 */
import { writeFile } from 'node:fs/promises';
import { UntocKgError } from '../../errors.js';
import { loadGraph } from '../../kg.js';
import { toTurtle } from '../../export/turtle.js';
import { parse } from '../args.js';
import { EXIT, type Io } from '../io.js';
import type { Command } from '../main.js';

const FORMATS = ['turtle'] as const;

const usage = `Usage: untoc-kg export --format FORMAT [--out FILE]

Writes the whole graph to stdout, or to FILE.

  --format   ${FORMATS.join(', ')}
  --out      the file to write (default: stdout)`;

export const command: Command = {
  summary: 'write the whole graph (Turtle)',
  usage,
  async run(args: string[], io: Io): Promise<number> {
    const { values, positionals } = parse('export', args, { format: { type: 'string', short: 'f' }, out: { type: 'string', short: 'o' } }, false);
    void positionals;
    const format = values.format ?? 'turtle';
    if (!(FORMATS as readonly string[]).includes(format)) {
      throw new UntocKgError('unsupported_format', 'export', `unknown format "${format}"; expected one of ${FORMATS.join(', ')}`, {
        value: format,
        suggestions: [...FORMATS],
      });
    }
    const kg = loadGraph();
    const text = toTurtle(kg.store.getQuads(null, null, null, null));
    if (values.out) {
      await writeFile(values.out, text);
      io.err(`untoc-kg: wrote ${kg.store.size} triples to ${values.out}`);
    } else {
      io.out(text);
    }
    return EXIT.ok;
  },
};

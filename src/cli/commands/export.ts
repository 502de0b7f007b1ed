/**
 * `untoc-kg export --format F [--out FILE] [--graph NAME]…`: writes the graph in any export format, streaming.
 *
 * @module
 */
import { UntocKgError } from '../../errors.js';
import { EXPORT_FORMATS, isExportFormat, writeExport } from '../../export/formats.js';
import { parse } from '../args.js';
import { graphFrom } from '../input.js';
import { EXIT, UsageError, type Io } from '../io.js';
import type { Command } from '../command.js';
import { writeChunks } from '../output.js';
import { withProgress } from '../progress.js';

const FORMATS = Object.keys(EXPORT_FORMATS);

const usage = `Usage: untoc-kg export --format FORMAT [--out FILE] [--graph NAME]… [--frame provision|tool]
                       [--context inline|url] [--from FILE] [--data FILE…] [--derive-citations]

Writes the graph to stdout, or to FILE, which appears whole or not at all (a symbolic link is followed; a device
or a FIFO is written through). The output is streamed.

  --format, -f  one of:
${Object.entries(EXPORT_FORMATS)
  .map(([name, info]) => `                  ${name.padEnd(16)}${info.summary}`)
  .join('\n')}
  --out, -o     the file to write (default: stdout)
  --graph, -g   RDF formats: keep only this named graph; repeat for more. A name (instrument/untoc,
                tool/legislative-guides, themes, sources, meta), a kind (instrument, tool, directory: all of
                that kind) or an IRI. Default: every graph, with the ontology and the description in meta.
  --frame       jsonld-framed: one document per provision (default) or per tool
  --context     jsonld-compact and jsonld-framed: the context inline, or by its URL (framed default: url;
                untoc-kg serves it from the package, it is never fetched)
  --from        export this RDF file (.ttl, .trig, .nt, .nq, .jsonld) instead of the curated graph; it is
                checked against ontology/shapes.ttl first
  --data FILE   add a research corpus (.jsonl, or a folder of CSV files) or a data file; repeat for more
  --derive-citations  with --data: also link what the corpora's texts cite (basis text)

Examples:
  untoc-kg export --format trig --out untoc-kg.trig
  untoc-kg export --format turtle --graph instrument/som-protocol
  untoc-kg export --format gexf > untoc-kg.gexf`;

export const command: Command = {
  summary: 'write the graph: RDF, JSON-LD, VoID, graphology JSON, GEXF, GraphML or CSV',
  usage,
  async run(args: string[], io: Io): Promise<number> {
    const { values } = parse(
      'export',
      args,
      {
        format: { type: 'string', short: 'f' },
        out: { type: 'string', short: 'o' },
        graph: { type: 'string', short: 'g', multiple: true },
        frame: { type: 'string' },
        context: { type: 'string' },
        from: { type: 'string' },
        data: { type: 'string', multiple: true },
        'derive-citations': { type: 'boolean' },
      },
      false,
    );
    const format = values.format ?? 'turtle';
    if (!isExportFormat(format)) {
      throw new UntocKgError('unsupported_format', 'export', `unknown format "${format}"; expected one of ${FORMATS.join(', ')}`, { value: format, suggestions: FORMATS });
    }
    if (values.frame !== undefined && (values.frame !== 'provision' && values.frame !== 'tool')) throw new UsageError(`export: --frame is provision or tool, not "${values.frame}"`);
    if (values.context !== undefined && values.context !== 'inline' && values.context !== 'url') throw new UsageError(`export: --context is inline or url, not "${values.context}"`);
    const base = await graphFrom(values.from, 'export', io);
    const kg = values.data ? await (await import('../load-data.js')).withData(base, values.data, { deriveCitations: values['derive-citations'] ?? false }, io) : base;
    const chunks = writeExport(kg, format, {
      ...(values.graph && { graphs: values.graph }),
      ...(values.frame && { frame: values.frame as 'provision' | 'tool' }),
      ...(values.context && { context: values.context as 'inline' | 'url' }),
    });
    const written = await writeChunks(withProgress(chunks, io, `writing ${format}`), io, values.out, 'export');
    if (values.out) io.err(`untoc-kg: wrote ${format} (${written.toLocaleString('en')} characters) to ${values.out}`);
    return EXIT.ok;
  },
};

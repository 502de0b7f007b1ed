/**
 * `untoc-kg publish --endpoint URL`: the graph (and any data files given) into a SPARQL 1.1 store, one named graph
 * each with the IRIs of the exports, each replaced as a whole.
 *
 * @module
 */
import { parse } from '../args.js';
import type { Command } from '../command.js';
import { EXIT, printJson, UsageError, type Io } from '../io.js';

const usage = `Usage: untoc-kg publish --endpoint URL [--graph-store URL] [--data PATH…] [--graph NAME]… [--batch N] [--json]

Pushes every named graph of the export (or those --graph names) to a SPARQL 1.1 store, with the same IRIs as the
exports. Each graph is loaded into a new temporary graph, in batches, then swapped in for the published one in one
update, so readers see the previous version or the new one, never a half-written graph. If a request fails part-way,
the published graphs are left as they were and the message says what was sent.

  --endpoint URL     the store's SPARQL Update endpoint (Virtuoso: http://HOST:8890/sparql-auth); https as given
  --graph-store URL  write the data with the Graph Store HTTP Protocol here (Virtuoso: .../sparql-graph-crud-auth)
  --data PATH        more data files or folders to add to the graph, or research corpora (.jsonl, a folder of
                     CSV files: each its own graph corpus/{id}); may repeat
  --graph NAME       only this graph (a name such as instrument/untoc, a kind such as tool, or an IRI); may repeat
  --batch N          triples per request (default 1000; 20000 with --graph-store)
  --json             { graphs: [{ graph, triples }], triples, requests }

Credentials are never taken from the command line: set UNTOC_KG_ENDPOINT_USER and UNTOC_KG_ENDPOINT_PASSWORD, or
UNTOC_KG_ENDPOINT_CREDENTIALS to a file of two lines (user, password). Progress is shown on a terminal.`;

export const command: Command = {
  summary: 'push the graph to a SPARQL 1.1 store, each named graph replaced whole',
  usage,
  async run(args: string[], io: Io): Promise<number> {
    const { values } = parse(
      'publish',
      args,
      {
        endpoint: { type: 'string' },
        'graph-store': { type: 'string' },
        data: { type: 'string', multiple: true },
        graph: { type: 'string', multiple: true },
        batch: { type: 'string' },
        json: { type: 'boolean' },
      },
      false,
    );
    if (!values.endpoint) throw new UsageError('publish: give the store with --endpoint URL (see untoc-kg publish --help)');
    const batchSize = values.batch === undefined ? undefined : Number(values.batch);
    if (batchSize !== undefined && !(Number.isInteger(batchSize) && batchSize > 0)) throw new UsageError(`publish: --batch takes a positive whole number; got "${values.batch!.slice(0, 80)}"`);
    const [{ dataGraph }, { readCredentials }, { publish }] = await Promise.all([import('../load-data.js'), import('../../remote/client.js'), import('../../remote/publish.js')]);
    const credentials = await readCredentials(process.env);
    const kg = await dataGraph(values.data, { deriveCitations: false }, io);
    let shown = 0;
    const result = await publish(kg, {
      endpoint: values.endpoint,
      ...(values['graph-store'] !== undefined && { graphStore: values['graph-store'] }),
      ...(credentials && { credentials }),
      ...(values.graph && { graphs: values.graph }),
      ...(batchSize !== undefined && { batchSize }),
      onProgress: ({ sent, total }) => {
        const now = Date.now();
        if (now - shown < 250 && sent < total) return;
        shown = now;
        io.status?.(`untoc-kg: publishing: ${sent.toLocaleString('en')} of ${total.toLocaleString('en')} triples`);
      },
    }).finally(() => io.status?.(''));
    if (values.json) {
      printJson(io, result);
      return EXIT.ok;
    }
    const lines = result.graphs.map((g) => `${String(g.triples).padStart(8)}  ${g.graph}`);
    lines.push(`published ${result.triples} triples in ${result.graphs.length} graphs (${result.requests} requests)`);
    io.out(lines.join('\n'));
    return EXIT.ok;
  },
};

/**
 * `untoc-kg sparql QUERY|@FILE [--json]`: runs a SPARQL query over the graph (Oxigraph, an optional peer dependency).
 *
 * @module
 */
import { readFile } from 'node:fs/promises';
import { UntocKgError } from '../../errors.js';
import { escapeRdfString, rdfToString } from '../../export/rdf-text.js';
import { toJsonLd } from '../../export/jsonld.js';
import { sparql, type SparqlBinding } from '../../sparql/run.js';
import { parse } from '../args.js';
import { graphFrom } from '../input.js';
import { EXIT, printJson, UsageError, type Io } from '../io.js';
import type { Command } from '../command.js';

const usage = `Usage: untoc-kg sparql QUERY|@FILE [--json] [--graph NAME]… [--from FILE] [--data FILE…] [--derive-citations]

Runs a SPARQL 1.1 query over the graph: every named graph and the metadata graph (ontology and description), with
their union as the default graph. The prefixes ukg:, eli:, dcterms:, skos:, prov:, rdf:, rdfs:, xsd:, cito:, org:,
owl:, sh:, void:, dcat: and sd: are declared for you. docs/sparql.md has worked queries.

  QUERY     the query text, or @FILE to read it from a file
  --json    SELECT and ASK: the SPARQL 1.1 Query Results JSON format; CONSTRUCT and DESCRIBE: JSON-LD.
            Without it: SELECT as tab-separated values (SPARQL TSV), ASK as true/false, CONSTRUCT as Turtle.
  --graph   load only this named graph (a name, a kind or an IRI, as for export); repeat for more
  --from    query this RDF file (.ttl, .trig, .nt, .nq, .jsonld) instead of the curated graph
  --data    add a research corpus (.jsonl, or a folder of CSV files) or a data file; repeat for more
  --derive-citations  with --data: also link what the corpora's texts cite (basis text)

Needs the optional peer dependency oxigraph (npm install oxigraph). Exit codes: 0 ok, 1 the engine is missing or
rejected the query, 2 usage.

Example:
  untoc-kg sparql 'SELECT ?tool WHERE { ?tool ukg:addresses ?p . ?p eli:is_part_of* <https://w3id.org/untoc-kg/eli/un/convention/2000/untoc/art_27> }'`;

/** A bound value as SPARQL TSV writes it (N-Triples syntax). */
function tsvTerm(binding: SparqlBinding | undefined): string {
  if (!binding) return '';
  switch (binding.type) {
    case 'uri':
      return `<${binding.value}>`;
    case 'bnode':
      return `_:${binding.value}`;
    case 'literal': {
      const text = `"${escapeRdfString(binding.value)}"`;
      if (binding['xml:lang']) return `${text}@${binding['xml:lang']}`;
      return binding.datatype && !binding.datatype.endsWith('#string') ? `${text}^^<${binding.datatype}>` : text;
    }
    default:
      return binding.value;
  }
}

export const command: Command = {
  summary: 'run a SPARQL query over the graph (needs oxigraph)',
  usage,
  async run(args: string[], io: Io): Promise<number> {
    const { values, positionals } = parse('sparql', args, { json: { type: 'boolean' }, graph: { type: 'string', short: 'g', multiple: true }, from: { type: 'string' }, data: { type: 'string', multiple: true }, 'derive-citations': { type: 'boolean' } });
    if (positionals.length !== 1) throw new UsageError(`sparql: give one query (text, or @FILE); got ${positionals.length} (see untoc-kg sparql --help)`);
    const arg = positionals[0]!;
    let query = arg;
    if (arg.startsWith('@')) {
      try {
        query = await readFile(arg.slice(1), 'utf8');
      } catch (error) {
        throw new UntocKgError('data_unreadable', 'sparql', `cannot read the query file ${arg.slice(1)}: ${(error as Error).message}`, { value: arg.slice(1) }, { cause: error });
      }
    }
    const base = await graphFrom(values.from, 'sparql', io);
    const kg = values.data ? await (await import('../load-data.js')).withData(base, values.data, { deriveCitations: values['derive-citations'] ?? false }, io) : base;
    const result = await sparql(kg, query, values.graph ? { graphs: values.graph } : {});
    switch (result.kind) {
      case 'ask':
        if (values.json) printJson(io, { head: {}, boolean: result.value });
        else io.out(String(result.value));
        break;
      case 'select':
        if (values.json) {
          printJson(io, { head: { vars: result.variables }, results: { bindings: result.rows } });
        } else {
          const lines = [result.variables.map((v) => `?${v}`).join('\t'), ...result.rows.map((row) => result.variables.map((v) => tsvTerm(row[v])).join('\t'))];
          io.out(lines.join('\n'));
          io.err(`untoc-kg: ${result.rows.length} row${result.rows.length === 1 ? '' : 's'}`);
        }
        break;
      case 'graph':
        if (values.json) printJson(io, toJsonLd(result.quads, 'expanded'));
        else io.out(rdfToString(result.quads, 'turtle'));
        break;
    }
    return EXIT.ok;
  },
};

/**
 * `untoc-kg documents CITATION --data FILE…`: the national sections and court cases of the loaded research corpora
 * that implement or apply a provision, with how each matches and the evidence: `tools` for national law and cases.
 *
 * @module
 */
import type { MatchKind } from '../../query/steps.js';
import { parse } from '../args.js';
import { documentLines } from '../corpus-format.js';
import { provisionLine } from '../format.js';
import { EXIT, printJson, UsageError, type Io } from '../io.js';
import type { Command } from '../command.js';
import { dataGraph, documentsAddressing, listOption } from '../load-data.js';

const usage = `Usage: untoc-kg documents CITATION (--data FILE… | --endpoint URL) [--kind legislation,case] [--state IT,DE]
                          [--crime-type TYPE] [--match exact,broader,narrower] [--derive-citations] [--paths] [--json]

The sections of national laws that implement a provision and the court cases that apply it, from the research
corpora given with --data. Each answer says how it matches:
  exact     the section implements (the case applies) this provision
  broader   it implements or applies a provision that encloses it (art. 6 encloses art. 6(1)(a))
  narrower  it implements or applies a provision inside it
and the evidence of each link: its basis (text, source, curated), the source and where in it.

  CITATION            e.g. "SOM Protocol art. 6(1)(a)", "art. 5", an IRI; a bare citation means the Convention
  --data FILE         a research corpus (.jsonl, or a folder of CSV files) or a data file; repeat for more
  --derive-citations  also link what the sections' texts and the cases' summaries cite (basis text)
  --endpoint URL      ask the corpora published to a SPARQL 1.1 store (untoc-kg publish --data) instead of --data;
                      credentials from UNTOC_KG_ENDPOINT_USER and UNTOC_KG_ENDPOINT_PASSWORD
  --kind              legislation, case, or both (default both)
  --state             only documents of these States (ISO 3166-1 codes, comma-separated)
  --crime-type        only cases of this crime type ("Smuggling of migrants")
  --match             the kinds to show (default exact,broader,narrower)
  --paths             show the chain of links that explains each answer
  --json              { provision: { iri, citation, heading, … }, results: [{ document: { kind, id, iri, title,
                        state, corpus }, section: { iri, key, number, label, heading } | null, match,
                        via: { iri, citation, … }, path: [{ from, relation, to, evidence }],
                        evidence: [{ basis, source, sourceTitle, locator, note, link }] }] }

Example:
  untoc-kg corpus generate --laws 50 --cases 50 --seed 1 --out corpus.jsonl
  untoc-kg documents "SOM Protocol art. 6" --data corpus.jsonl --state IT`;

export const command: Command = {
  summary: 'the national laws and cases (from --data) that implement or apply a provision',
  usage,
  async run(args: string[], io: Io): Promise<number> {
    const { values, positionals } = parse('documents', args, {
      data: { type: 'string', multiple: true },
      endpoint: { type: 'string' },
      'derive-citations': { type: 'boolean' },
      kind: { type: 'string' },
      state: { type: 'string' },
      'crime-type': { type: 'string' },
      match: { type: 'string' },
      paths: { type: 'boolean' },
      json: { type: 'boolean' },
    });
    if (positionals.length === 0) throw new UsageError('documents: give a citation, e.g. untoc-kg documents "SOM Protocol art. 6" --data corpus.jsonl');
    const kinds = listOption(values.kind) as ('legislation' | 'case')[] | undefined;
    const match = listOption(values.match) as MatchKind[] | undefined;
    const state = listOption(values.state);
    const options = {
      ...(kinds && { kinds }),
      ...(match && { match }),
      ...(state && { state }),
      ...(values['crime-type'] !== undefined && { crimeType: values['crime-type'] }),
    };
    const store = values.endpoint === undefined ? undefined : await (await import('../endpoint.js')).storeOf('documents', values.endpoint, values.data, values['derive-citations']);
    const kg = store ? undefined : await dataGraph(values.data, { deriveCitations: values['derive-citations'] ?? false }, io);
    const result = store ? await store.documentsAddressing(positionals.join(' '), options) : documentsAddressing(kg!, positionals.join(' '), options);
    if (values.json) {
      printJson(io, result);
      return EXIT.ok;
    }
    const lines = [provisionLine(result.provision), ''];
    if (kg?.corpus.corpora.length === 0) lines.push('No research corpus is loaded: give one with --data FILE (see untoc-kg documents --help).');
    else if (result.results.length === 0) lines.push('No section or case in the loaded corpora implements or applies it.');
    lines.push(...documentLines(result.results, { paths: values.paths ?? false }));
    io.out(lines.join('\n'));
    return EXIT.ok;
  },
};

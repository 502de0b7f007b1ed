/**
 * The one way values enter SPARQL text (DESIGN.md §7): {@link sparqlValue} writes a value as a SPARQL term, and the
 * {@link sparqlQuery} template tag passes every interpolated value through it. Pure; no engine needed.
 *
 * @module
 */
import type { Term } from '@rdfjs/types';
import { shorten, UntocKgError } from '../errors.js';
import { XSD } from '../vocab/terms.js';

/** What {@link sparqlValue} accepts: a string (a plain literal), a number, a boolean, an IRI, or an RDF/JS term. */
export type SparqlValue = string | number | boolean | { readonly iri: string } | Term;

const ECHAR: Readonly<Record<string, string>> = { '"': '\\"', "'": "\\'", '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f' };
// SPARQL's IRIREF has no escapes: these characters cannot be in an IRI written in a query.
const IRI_FORBIDDEN = /[\u0000-\u0020<>"{}|^`\\]/;
const LANGUAGE = /^[a-zA-Z]+(?:-[a-zA-Z0-9]+)*$/;

function stringLiteral(value: string): string {
  return `"${value.replace(/["'\\\n\r\t\b\f]/g, (c) => ECHAR[c]!)}"`;
}

function iriRef(iri: string): string {
  if (IRI_FORBIDDEN.test(iri) || iri.length === 0) {
    throw new UntocKgError('invalid_input', 'sparqlValue', `"${shorten(iri)}" cannot be written as an IRI in SPARQL (spaces, control characters and <>"{}|^\`\\ are not allowed)`, { value: iri });
  }
  return `<${iri}>`;
}

/**
 * A value as SPARQL text: strings become literals (every quote, backslash and line break escaped), numbers typed
 * literals, booleans `true`/`false`, `{ iri }` and named nodes `<…>` (refused when the IRI holds a character SPARQL
 * cannot write), literals keep their language or datatype. Blank nodes and variables are refused: a query cannot
 * name a blank node of the data.
 *
 * @throws {@link UntocKgError} `invalid_input` for a value that cannot be written safely.
 * @example
 * ```ts
 * sparqlValue('say "hi"\n')      // '"say \\"hi\\"\\n"'
 * sparqlValue({ iri: provision }) // '<https://w3id.org/untoc-kg/eli/…>'
 * ```
 */
export function sparqlValue(value: SparqlValue): string {
  if (typeof value === 'string') return stringLiteral(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new UntocKgError('invalid_input', 'sparqlValue', `${value} is not a finite number`, { value });
    return Number.isInteger(value) ? `"${BigInt(value)}"^^<${XSD.integer}>` : `"${value}"^^<${XSD.double}>`;
  }
  if (value === null || typeof value !== 'object') {
    const shown = value === null ? 'null' : typeof value;
    throw new UntocKgError('invalid_input', 'sparqlValue', `${shown} cannot be put into a query; expected a string, number, boolean, { iri } or an RDF/JS term`, { value });
  }
  if ('iri' in value) {
    if (typeof value.iri !== 'string') throw new UntocKgError('invalid_input', 'sparqlValue', `{ iri } needs a string, got ${value.iri === null ? 'null' : typeof value.iri}`, { value });
    return iriRef(value.iri);
  }
  switch (value.termType) {
    case 'NamedNode':
      if (typeof value.value !== 'string') throw new UntocKgError('invalid_input', 'sparqlValue', 'a named node needs a string value', { value });
      return iriRef(value.value);
    case 'Literal': {
      if (typeof value.value !== 'string' || typeof value.datatype?.value !== 'string') {
        throw new UntocKgError('invalid_input', 'sparqlValue', 'a literal needs a string value and a datatype', { value });
      }
      if (value.language) {
        if (!LANGUAGE.test(value.language)) throw new UntocKgError('invalid_input', 'sparqlValue', `"${shorten(value.language)}" is not a language tag`, { value: value.language });
        return `${stringLiteral(value.value)}@${value.language}`;
      }
      const datatype = value.datatype.value;
      return datatype === XSD.string ? stringLiteral(value.value) : `${stringLiteral(value.value)}^^${iriRef(datatype)}`;
    }
    default:
      throw new UntocKgError('invalid_input', 'sparqlValue', `a ${shorten(String(value.termType), 20)} cannot be put into a query`, { value: value.termType });
  }
}

/**
 * A template tag that builds SPARQL text with every interpolated value written by {@link sparqlValue}, so no value
 * can change the query's structure.
 *
 * @example
 * ```ts
 * const q = sparqlQuery`SELECT ?tool WHERE { ?tool ukg:addresses ${{ iri: provision }} }`
 * await sparql(kg, q)
 * ```
 */
export function sparqlQuery(strings: TemplateStringsArray, ...values: SparqlValue[]): string {
  return strings.reduce((text, part, i) => text + part + (i < values.length ? sparqlValue(values[i]!) : ''), '');
}

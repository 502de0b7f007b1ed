/**
 * The wire to a SPARQL 1.1 store: queries (SPARQL 1.1 Protocol, JSON results), updates, and Graph Store HTTP Protocol
 * writes, with HTTP Basic or Digest authentication (Virtuoso's `/sparql-auth` asks for Digest, Fuseki and GraphDB for
 * Basic). Credentials come from environment variables or a file ({@link readCredentials}), never from arguments,
 * and never appear in errors: an error names the operation, the endpoint and the store's status.
 *
 * @module
 */
import { createHash, randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Term } from '@rdfjs/types';
import { DataFactory } from 'n3';
import { shorten, UntocKgError } from '../errors.js';

const { blankNode, literal, namedNode } = DataFactory;

/** A user name and password for a store. */
export interface Credentials {
  readonly user: string;
  readonly password: string;
}

/** Where a store answers. */
export interface Endpoint {
  /** The SPARQL endpoint (queries and, unless `update` is given, updates). */
  readonly query: string;
  /** The SPARQL Update endpoint, when it is not `query`. */
  readonly update?: string;
  /** The Graph Store HTTP Protocol endpoint; without it, data is written with SPARQL Update. */
  readonly graphStore?: string;
  readonly credentials?: Credentials;
}

/** One row of a SELECT answer: each bound variable's value (IRIs and literals alike, as their lexical form). */
export type Row = Readonly<Record<string, string | undefined>>;

/**
 * Credentials from `UNTOC_KG_ENDPOINT_USER` and `UNTOC_KG_ENDPOINT_PASSWORD`, or from a file of two lines (user,
 * password) named by `UNTOC_KG_ENDPOINT_CREDENTIALS` or given as `file`. None: `undefined`.
 *
 * @throws {@link UntocKgError} `remote_credentials` when only one variable is set or the file cannot be read.
 * @example
 * ```ts
 * const credentials = await readCredentials(process.env)
 * ```
 */
export async function readCredentials(env: Readonly<Record<string, string | undefined>>, file?: string): Promise<Credentials | undefined> {
  const path = file ?? env.UNTOC_KG_ENDPOINT_CREDENTIALS;
  if (path !== undefined && path !== '') {
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch {
      throw new UntocKgError('remote_credentials', 'readCredentials', `cannot read the credentials file "${shorten(path)}"`, { value: path });
    }
    const [user, password] = text.split(/\r?\n/);
    if (!user || password === undefined || password === '') {
      throw new UntocKgError('remote_credentials', 'readCredentials', `the credentials file "${shorten(path)}" needs two lines: the user, then the password`, { value: path });
    }
    return { user, password };
  }
  const user = env.UNTOC_KG_ENDPOINT_USER;
  const password = env.UNTOC_KG_ENDPOINT_PASSWORD;
  if (user === undefined && password === undefined) return undefined;
  if (!user || !password) {
    throw new UntocKgError('remote_credentials', 'readCredentials', 'set both UNTOC_KG_ENDPOINT_USER and UNTOC_KG_ENDPOINT_PASSWORD, or neither', {
      value: user ? 'UNTOC_KG_ENDPOINT_PASSWORD' : 'UNTOC_KG_ENDPOINT_USER',
    });
  }
  return { user, password };
}

/** Checks an endpoint URL: http or https, no user or password in it. */
export function endpointUrl(operation: string, value: unknown, what = 'endpoint'): string {
  let url: URL;
  try {
    url = new URL(String(value));
  } catch {
    throw new UntocKgError('invalid_input', operation, `${what} "${shorten(String(value))}" is not a URL`, { value });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UntocKgError('invalid_input', operation, `${what} must be an http or https URL; got ${shorten(url.protocol)}`, { value: url.protocol });
  }
  if (url.username || url.password) {
    throw new UntocKgError('remote_credentials', operation, `${what} must not hold a user or password: set UNTOC_KG_ENDPOINT_USER and UNTOC_KG_ENDPOINT_PASSWORD, or a credentials file`, {
      value: `${url.protocol}//${url.host}${url.pathname}`,
    });
  }
  return url.href;
}

const md5 = (text: string) => createHash('md5').update(text).digest('hex');

/** The Authorization header answering a Digest challenge (RFC 7616, MD5, qop=auth). */
function digest(challenge: string, credentials: Credentials, method: string, url: string): string {
  const field = (name: string) => new RegExp(`${name}="?([^",]*)"?`, 'i').exec(challenge)?.[1];
  const realm = field('realm') ?? '';
  const nonce = field('nonce') ?? '';
  const opaque = field('opaque');
  const qop = field('qop')?.split(/\s*,\s*/).includes('auth') ? 'auth' : undefined;
  const { pathname, search } = new URL(url);
  const uri = pathname + search;
  const ha1 = md5(`${credentials.user}:${realm}:${credentials.password}`);
  const ha2 = md5(`${method}:${uri}`);
  const cnonce = randomBytes(8).toString('hex');
  const nc = '00000001';
  const response = qop ? md5(`${ha1}:${nonce}:${nc}:${cnonce}:${qop}:${ha2}`) : md5(`${ha1}:${nonce}:${ha2}`);
  const parts = [`username="${credentials.user}"`, `realm="${realm}"`, `nonce="${nonce}"`, `uri="${uri}"`, `response="${response}"`, 'algorithm=MD5'];
  if (qop) parts.push(`qop=${qop}`, `nc=${nc}`, `cnonce="${cnonce}"`);
  if (opaque !== undefined) parts.push(`opaque="${opaque}"`);
  return `Digest ${parts.join(', ')}`;
}

/** Where a URL points, without its query string (which may hold a query), for messages. */
function where(url: string): string {
  const u = new URL(url);
  return shorten(`${u.protocol}//${u.host}${u.pathname}`);
}

/**
 * Sends one request, answering a Basic or Digest challenge with the credentials (Basic is sent only after a
 * challenge, and only as the store asks); a connection closed under it is tried once more.
 *
 * @throws {@link UntocKgError} `remote_unreachable` when the store does not answer; `remote_credentials` on 401/403;
 *   `remote_error` for any other failure status (with the start of the store's message).
 */
export async function send(operation: string, endpoint: Endpoint, url: string, init: { method: string; headers: Record<string, string>; body?: string }): Promise<Response> {
  const attempt = async (authorization?: string, retry = true): Promise<Response> => {
    try {
      return await fetch(url, { method: init.method, headers: { ...init.headers, ...(authorization && { authorization }) }, ...(init.body !== undefined && { body: init.body }) });
    } catch (error) {
      // A kept-alive connection the store closed while idle: sent again once on a new one. Every request this
      // library sends can be repeated (reads; drops, moves and inserts of the same triples into the same graph).
      const code = error instanceof Error && error.cause instanceof Error ? (error.cause as { code?: unknown }).code : undefined;
      if (retry && (code === 'UND_ERR_SOCKET' || code === 'ECONNRESET')) return attempt(authorization, false);
      const reason = error instanceof Error && error.cause instanceof Error ? error.cause.message : String(error);
      throw new UntocKgError('remote_unreachable', operation, `the store at ${where(url)} does not answer (${shorten(reason, 60)})`, { value: where(url) });
    }
  };
  let response = await attempt();
  const challenge = response.headers.get('www-authenticate');
  if (response.status === 401 && endpoint.credentials && challenge) {
    await response.body?.cancel();
    const { user, password } = endpoint.credentials;
    const authorization = /^digest/i.test(challenge)
      ? digest(challenge, endpoint.credentials, init.method, url)
      : `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
    response = await attempt(authorization);
  }
  if (response.ok) return response;
  const text = (await response.text().catch(() => '')).replace(/\s+/g, ' ').trim();
  if (response.status === 401 || response.status === 403) {
    throw new UntocKgError('remote_credentials', operation, `the store at ${where(url)} refused access (${response.status}); ${endpoint.credentials ? 'check the user and password' : 'set UNTOC_KG_ENDPOINT_USER and UNTOC_KG_ENDPOINT_PASSWORD'}`, {
      value: response.status,
    });
  }
  throw new UntocKgError('remote_error', operation, `the store at ${where(url)} answered ${response.status}: ${shorten(text, 160)}`, { value: response.status });
}

/** A term of a SPARQL JSON result. */
interface JsonTerm {
  readonly type: string;
  readonly value: string;
  readonly 'xml:lang'?: string;
  readonly datatype?: string;
}

/** Runs a SELECT query and gives its bindings as the store wrote them. */
async function bindingsOf(operation: string, endpoint: Endpoint, query: string): Promise<Record<string, JsonTerm>[]> {
  const response = await send(operation, endpoint, endpoint.query, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/sparql-results+json' },
    body: new URLSearchParams({ query }).toString(),
  });
  const json = (await response.json()) as { results?: { bindings?: Record<string, JsonTerm>[] } };
  const bindings = json.results?.bindings;
  if (!Array.isArray(bindings)) throw new UntocKgError('remote_error', operation, `the store at ${where(endpoint.query)} did not answer with SPARQL JSON results`);
  return bindings;
}

/** Runs a SELECT query and gives its rows. */
export async function select(operation: string, endpoint: Endpoint, query: string): Promise<Row[]> {
  return (await bindingsOf(operation, endpoint, query)).map((b) => Object.fromEntries(Object.entries(b).map(([k, v]) => [k, v.value])));
}

/** One row of a SELECT answer as RDF/JS terms (literals keep their language or datatype). */
export type TermRow = Readonly<Record<string, Term | undefined>>;

function termOf(term: JsonTerm): Term {
  switch (term.type) {
    case 'uri':
      return namedNode(term.value);
    case 'bnode':
      return blankNode(term.value);
    case 'literal':
    case 'typed-literal':
      return literal(term.value, term['xml:lang'] ?? (term.datatype !== undefined ? namedNode(term.datatype) : undefined));
    default:
      throw new UntocKgError('remote_error', 'select', `the store answered a term of unknown type "${shorten(String(term.type), 40)}"`, { value: term.type });
  }
}

/** Runs a SELECT query and gives its rows as RDF/JS terms. */
export async function selectTerms(operation: string, endpoint: Endpoint, query: string): Promise<TermRow[]> {
  return (await bindingsOf(operation, endpoint, query)).map((b) => Object.fromEntries(Object.entries(b).map(([k, v]) => [k, termOf(v)])));
}

/** Runs a SPARQL Update request. */
export async function update(operation: string, endpoint: Endpoint, text: string): Promise<void> {
  const response = await send(operation, endpoint, endpoint.update ?? endpoint.query, {
    method: 'POST',
    headers: { 'content-type': 'application/sparql-update' },
    body: text,
  });
  await response.body?.cancel();
}

/** Adds N-Triples to a graph with the Graph Store HTTP Protocol (POST merges into the graph). */
export async function graphStorePost(operation: string, endpoint: Endpoint, graph: string, ntriples: string): Promise<void> {
  const url = new URL(endpoint.graphStore!);
  url.searchParams.set('graph', graph);
  const response = await send(operation, endpoint, url.href, {
    method: 'POST',
    headers: { 'content-type': 'application/n-triples' },
    body: ntriples,
  });
  await response.body?.cancel();
}

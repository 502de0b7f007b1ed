/**
 * jsonld.js, loaded only when a JSON-LD document has to be read (the exports never need it), and always with a
 * static document loader: it serves the bundled context for {@link CONTEXT_URL} and refuses every other URL with a
 * typed error, so no JSON-LD processing ever touches the network. The global `jsonld.documentLoader` is never set.
 *
 * @module
 */
import { isUntocKgError, UntocKgError } from '../errors.js';
import { CONTEXT_URL } from '../model/ids.js';
import { jsonldContext } from '../rdf/resources.js';

/** A document as a JSON-LD document loader returns it. */
export interface RemoteDocument {
  readonly contextUrl: string | null;
  readonly documentUrl: string;
  readonly document: unknown;
}

/** A JSON-LD document loader. */
export type DocumentLoader = (url: string) => Promise<RemoteDocument>;

/** The few jsonld.js functions the library calls (jsonld.js ships no types). */
export interface JsonLdProcessor {
  toRDF(input: unknown, options: { documentLoader: DocumentLoader; safe?: boolean; base?: string }): Promise<JsonLdQuad[]>;
  expand(input: unknown, options: { documentLoader: DocumentLoader; safe?: boolean }): Promise<unknown[]>;
  compact(input: unknown, context: unknown, options: { documentLoader: DocumentLoader; safe?: boolean }): Promise<Record<string, unknown>>;
  frame(input: unknown, frame: unknown, options: { documentLoader: DocumentLoader; safe?: boolean }): Promise<Record<string, unknown>>;
}

/** A quad as jsonld.js returns it from `toRDF`. */
export interface JsonLdQuad {
  readonly subject: JsonLdTerm;
  readonly predicate: JsonLdTerm;
  readonly object: JsonLdTerm;
  readonly graph: JsonLdTerm;
}

/** A term as jsonld.js returns it. */
export interface JsonLdTerm {
  readonly termType: 'NamedNode' | 'BlankNode' | 'Literal' | 'DefaultGraph';
  readonly value: string;
  readonly language?: string;
  readonly datatype?: { readonly value: string };
}

/**
 * A document loader that knows only the bundled context (under {@link CONTEXT_URL}, plus any `documents` given) and
 * fails on everything else with an {@link UntocKgError} `remote_context`, before any request is made.
 *
 * @example
 * ```ts
 * import jsonld from 'jsonld'
 * await jsonld.expand(doc, { documentLoader: staticDocumentLoader() })
 * ```
 */
export function staticDocumentLoader(documents: Readonly<Record<string, unknown>> = {}): DocumentLoader {
  return async (url: string) => {
    const document = url === CONTEXT_URL ? jsonldContext() : documents[url];
    if (document === undefined) {
      throw new UntocKgError(
        'remote_context',
        'jsonld',
        `the document names the remote context <${url}>, and untoc-kg never fetches anything; inline the context, or name ${CONTEXT_URL}, which is served from the package`,
        { value: url, suggestions: [CONTEXT_URL] },
      );
    }
    return { contextUrl: null, documentUrl: url, document };
  };
}

let processor: Promise<JsonLdProcessor> | undefined;

/**
 * jsonld.js, imported on first use; it is an optional peer dependency, so a missing package is a typed
 * `jsonld_unavailable` error that says how to install it. `importer` replaces the import (for tests).
 */
export function jsonLdProcessor(importer?: () => Promise<unknown>): Promise<JsonLdProcessor> {
  if (importer) return importProcessor(importer);
  return (processor ??= importProcessor(() => import('jsonld')).catch((error: unknown) => {
    processor = undefined;
    throw error;
  }));
}

function importProcessor(importer: () => Promise<unknown>): Promise<JsonLdProcessor> {
  return importer().then(
    (module) => ((module as { default?: unknown }).default ?? module) as JsonLdProcessor,
    (error: unknown) => {
      throw new UntocKgError(
        'jsonld_unavailable',
        'jsonld',
        'reading JSON-LD needs the optional peer dependency "jsonld", which is not installed; install it with: npm install jsonld',
        { suggestions: ['npm install jsonld'] },
        { cause: error },
      );
    },
  );
}

/**
 * Turns what jsonld.js threw into a typed error: the loader's own `remote_context` error comes back as it was (it
 * is wrapped as the cause), anything else is an `rdf_syntax` error naming jsonld.js's code.
 */
export function jsonLdFailure(operation: string, error: unknown): UntocKgError {
  for (let cause: unknown = error, depth = 0; cause && depth < 8; depth++) {
    if (isUntocKgError(cause)) return cause;
    const next = cause as { details?: { cause?: unknown }; cause?: unknown };
    cause = next.details?.cause ?? next.cause;
  }
  const details = (error as { details?: { code?: string; event?: { code?: string; message?: string } } }).details;
  const code = details?.event?.code ?? details?.code ?? (error as { name?: string }).name ?? 'error';
  const message = details?.event?.message ?? (error instanceof Error ? error.message : String(error));
  return new UntocKgError('rdf_syntax', operation, `invalid JSON-LD: ${message} (${code})`, { value: code }, { cause: error });
}

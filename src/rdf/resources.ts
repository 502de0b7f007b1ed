/**
 * The files of `ontology/` as the library ships them: the ontology and the SHACL shapes as quads, the JSON-LD
 * context as an object. Their text is embedded at build time (`virtual:untoc-kg/resources`), so no file is read at
 * run time and nothing is copied by hand. Each is parsed once, on first use.
 *
 * @module
 */
import { Parser } from 'n3';
import type { Quad } from '@rdfjs/types';
import { context, ontology, shapes, version } from 'virtual:untoc-kg/resources';

/** The package version, as the dataset description states it. */
export const PACKAGE_VERSION: string = version;

let ontologyCache: readonly Quad[] | undefined;
let shapesCache: readonly Quad[] | undefined;
let contextCache: JsonLdContext | undefined;

/** A JSON-LD context document: `{ "@context": { … } }`. */
export interface JsonLdContext {
  readonly '@context': Readonly<Record<string, unknown>>;
}

/**
 * The ontology (`ontology/untoc-kg.ttl`) as quads in the default graph.
 *
 * @example
 * ```ts
 * ontologyQuads().length // a few hundred triples
 * ```
 */
export function ontologyQuads(): readonly Quad[] {
  return (ontologyCache ??= Object.freeze(new Parser().parse(ontology) as Quad[]));
}

/**
 * The SHACL shapes (`ontology/shapes.ttl`) every export conforms to, as quads.
 *
 * @example
 * ```ts
 * shapesQuads().some((q) => q.object.value === 'http://www.w3.org/ns/shacl#NodeShape') // true
 * ```
 */
export function shapesQuads(): readonly Quad[] {
  return (shapesCache ??= Object.freeze(new Parser().parse(shapes) as Quad[]));
}

/**
 * The JSON-LD context (`ontology/context.jsonld`), parsed.
 *
 * @example
 * ```ts
 * jsonldContext()['@context'].title // { '@id': 'dcterms:title', '@container': '@language' }
 * ```
 */
export function jsonldContext(): JsonLdContext {
  return (contextCache ??= deepFreeze(JSON.parse(context) as JsonLdContext));
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

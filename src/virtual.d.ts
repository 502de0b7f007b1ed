/** The curated dataset, validated and compiled at build time (see `build/data-plugin.ts`): a JSON string. */
declare module 'virtual:untoc-kg/dataset' {
  const json: string;
  export default json;
}

/** The files of `ontology/` as text, and the package version, embedded at build time (see `build/data-plugin.ts`). */
declare module 'virtual:untoc-kg/resources' {
  /** `ontology/untoc-kg.ttl`. */
  export const ontology: string;
  /** `ontology/shapes.ttl`. */
  export const shapes: string;
  /** `ontology/context.jsonld`. */
  export const context: string;
  /** The package version. */
  export const version: string;
}

/** jsonld.js ships no types; `src/import/jsonld.ts` types the few functions it calls. */
declare module 'jsonld' {
  const jsonld: unknown;
  export default jsonld;
}

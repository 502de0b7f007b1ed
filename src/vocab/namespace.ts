/**
 * Typed namespaces: each term is a template-literal IRI type, so a typo in a term name is a compile error and the
 * set of terms the code uses is a plain list that a test compares with the ontology files.
 *
 * @module
 */

/** A namespace's terms as typed IRIs, plus the namespace IRI itself. */
export type Namespace<Base extends string, Terms extends string> = { readonly [K in Terms]: `${Base}${K}` } & {
  readonly $iri: Base;
  readonly $terms: readonly Terms[];
};

/** Builds a typed namespace from its base IRI and the terms the code uses. */
export function namespace<const Base extends string, const Terms extends string>(base: Base, terms: readonly Terms[]): Namespace<Base, Terms> {
  const out: Record<string, unknown> = { $iri: base, $terms: terms };
  for (const term of terms) out[term] = `${base}${term}`;
  return out as Namespace<Base, Terms>;
}

/**
 * What the writing side (`rdf/`, `export/`) and the reading side (`import/`) of RDF share: the vocabulary tables that
 * map the model's variants to RDF terms (provision levels, tool kinds, link properties), the key of a term, and the
 * names of the text formats. It imports only the vocabulary and the model's types, so both sides can import it
 * without importing each other.
 *
 * @module
 */
import type { Term } from '@rdfjs/types';
import type { LinkProperty } from '../model/dataset.js';
import type { ToolKind } from '../model/files.js';
import type { ProvisionLevel } from '../model/ids.js';
import { DCTERMS, ELI, UKG } from '../vocab/terms.js';

/** The RDF text formats the library writes and reads. */
export type RdfFormat = 'turtle' | 'trig' | 'ntriples' | 'nquads';

/** The class (value of `eli:type_subdivision`) of each provision level. */
export const LEVEL_TYPE: Readonly<Record<ProvisionLevel, string>> = {
  chapter: UKG.Chapter,
  article: UKG.Article,
  paragraph: UKG.Paragraph,
  subparagraph: UKG.Subparagraph,
  item: UKG.Item,
  subitem: UKG.Subitem,
};

/** The class of each kind of tool. */
export const TOOL_CLASS: Readonly<Record<ToolKind, string>> = {
  'issue-paper': UKG.IssuePaper,
  'model-law': UKG.ModelLaw,
  'training-manual': UKG.TrainingManual,
  'framework-for-action': UKG.FrameworkForAction,
  'legislative-guide': UKG.LegislativeGuide,
  'assessment-guide': UKG.AssessmentGuide,
  directory: UKG.Directory,
};

/** The predicate of the direct triple a link materializes. */
export const LINK_PREDICATE: Readonly<Record<LinkProperty, string>> = {
  addresses: UKG.addresses,
  subject: DCTERMS.subject,
  cites: ELI.cites,
  supplements: UKG.supplements,
  modelProvisionFor: UKG.modelProvisionFor,
};

/** The inverse of a table: each RDF term to its variant. */
function inverse<K extends string>(table: Readonly<Record<K, string>>): ReadonlyMap<string, K> {
  const out = new Map<string, K>();
  for (const key in table) out.set(table[key], key);
  return out;
}

/** The provision level of each `eli:type_subdivision` class: the inverse of {@link LEVEL_TYPE}. */
export const LEVEL_OF: ReadonlyMap<string, ProvisionLevel> = inverse(LEVEL_TYPE);
/** The tool kind of each class: the inverse of {@link TOOL_CLASS}. */
export const KIND_OF: ReadonlyMap<string, ToolKind> = inverse(TOOL_CLASS);
/** The link property of each predicate: the inverse of {@link LINK_PREDICATE}. */
export const PROPERTY_OF: ReadonlyMap<string, LinkProperty> = inverse(LINK_PREDICATE);

/**
 * The key that identifies a subject or graph term: its IRI, `_:label` for a blank node, `''` for the default graph.
 *
 * @example
 * ```ts
 * keyOf(DataFactory.blankNode('b0')) // '_:b0'
 * ```
 */
export function keyOf(term: Term): string {
  return term.termType === 'BlankNode' ? `_:${term.value}` : term.termType === 'DefaultGraph' ? '' : term.value;
}

/**
 * The records of a research corpus as they come in, one JSON object per line (JSON Lines), and their zod schemas
 * (the schema is the type). The CSV and RDF readers produce the same records. `corpusJsonSchema()` turns these
 * schemas into the JSON Schema of the format.
 *
 * ```
 * {"type":"corpus","id":"example","title":"Example corpus (synthetic)","synthetic":true}
 * {"type":"source","id":"sherloc","title":"SHERLOC case law database","url":"https://sherloc.unodc.org"}
 * {"type":"legislation","id":"it-tui","state":"IT","title":"…","date":"1998-07-25","abbreviations":["TUI"]}
 * {"type":"section","legislation":"it-tui","number":"12","implements":[{"provision":"SOM Protocol art. 6(1)(a)","basis":"curated","note":"…"}]}
 * {"type":"case","id":"EXAMPLE-ITAx041","state":"IT","title":"…","applies":[{"section":"it-tui#12","basis":"curated","note":"…"}]}
 * ```
 *
 * @module
 */
import { z } from 'zod';

const text = (max = 100_000) => z.string().trim().min(1).max(max);
/** A language map (`{"en": "…", "it": "…"}`) or a plain string (English). */
const languageMap = z.union([text(1_000_000), z.record(z.string().regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/), text(1_000_000))]);
const date = z.string().max(10);

/** A link's provenance: `text` (the text says so), `source` (a named source, with where), `curated` (why). */
const linkBase = {
  basis: z.enum(['text', 'source', 'curated']),
  source: text(200).optional(),
  locator: text(2_000).optional(),
  note: text(10_000).optional(),
};

/** A section's link to the treaty provision it implements. */
export const ImplementsLink = z.strictObject({ provision: text(500), ...linkBase });
export type ImplementsLink = z.infer<typeof ImplementsLink>;

/** A case's link to a treaty provision or a national section (`{law id}#{number}`) it applies. */
export const AppliesLink = z.union([
  z.strictObject({ provision: text(500), ...linkBase }),
  z.strictObject({ section: text(500), ...linkBase }),
]);
export type AppliesLink = z.infer<typeof AppliesLink>;

/** The optional first record: what the corpus is. */
export const CorpusHeader = z.strictObject({
  type: z.literal('corpus'),
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/).max(80),
  title: text(500),
  synthetic: z.boolean().optional(),
  note: text(10_000).optional(),
});
export type CorpusHeader = z.infer<typeof CorpusHeader>;

/** A source that links cite by its id. */
export const SourceLine = z.strictObject({
  type: z.literal('source'),
  id: z.string().regex(/^[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*$/).max(80),
  title: text(1_000),
  url: z.url().max(2_000).optional(),
});
export type SourceLine = z.infer<typeof SourceLine>;

/** A national law. */
export const LegislationLine = z.strictObject({
  type: z.literal('legislation'),
  id: text(120),
  state: text(100),
  title: text(2_000),
  officialId: text(1_000).optional(),
  date: date.optional(),
  url: z.url().max(2_000).optional(),
  languages: z.array(z.string().regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/)).max(50).optional(),
  abbreviations: z.array(text(40)).max(20).optional(),
  crimeTypes: z.array(text(200)).max(50).optional(),
  note: text(10_000).optional(),
});
export type LegislationLine = z.infer<typeof LegislationLine>;

/** A section of a national law; `parent` is the number of the section it sits in (nested like provisions). */
export const SectionLine = z.strictObject({
  type: z.literal('section'),
  legislation: text(120),
  number: text(40),
  parent: text(500).optional(),
  heading: languageMap.optional(),
  text: languageMap.optional(),
  implements: z.array(ImplementsLink).max(1_000).optional(),
});
export type SectionLine = z.infer<typeof SectionLine>;

/** One charge of a case. */
export const ChargeLine = z.strictObject({
  section: text(500).optional(),
  charge: text(2_000).optional(),
  verdict: text(200).optional(),
  sentence: text(500).optional(),
});

/** A court case, with the fields SHERLOC's case records have (`../shared/reference/sources-2.md` §5.5, §5.8). */
export const CaseLine = z.strictObject({
  type: z.literal('case'),
  id: text(120),
  state: text(100),
  title: text(2_000),
  court: text(1_000).optional(),
  decisionDate: date.optional(),
  crimeTypes: z.array(text(200)).max(50).optional(),
  legalSystem: text(200).optional(),
  factSummary: languageMap.optional(),
  charges: z.array(ChargeLine).max(1_000).optional(),
  sources: z.array(text(2_000)).max(100).optional(),
  crossCuttingIssues: z.array(text(200)).max(100).optional(),
  url: z.url().max(2_000).optional(),
  applies: z.array(AppliesLink).max(1_000).optional(),
  note: text(10_000).optional(),
});
export type CaseLine = z.infer<typeof CaseLine>;

/** Any record of the format, told apart by `type`. */
export const CorpusLine = z.discriminatedUnion('type', [CorpusHeader, SourceLine, LegislationLine, SectionLine, CaseLine]);
export type CorpusLine = z.infer<typeof CorpusLine>;

/** The record types, in the order a file usually holds them. */
export const RECORD_TYPES = ['corpus', 'source', 'legislation', 'section', 'case'] as const;

/**
 * The JSON Schema (draft 2020-12) of one line of the format, generated from the zod schemas.
 *
 * @example
 * ```ts
 * JSON.stringify(corpusJsonSchema(), null, 2) // what data/schema/corpus.schema.json holds
 * ```
 */
export function corpusJsonSchema(): Record<string, unknown> {
  return {
    $id: 'https://w3id.org/untoc-kg/schema/corpus.schema.json',
    title: 'untoc-kg research corpus: one record per line (JSON Lines)',
    ...z.toJSONSchema(CorpusLine, { target: 'draft-2020-12', unrepresentable: 'any' }),
  };
}

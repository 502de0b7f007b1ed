/**
 * The shape of the data files in `data/` (and of users' own files): zod schemas, which are also the TypeScript types
 * (`type X = z.infer<typeof X>`). Objects are strict, so an unknown key is an error. What crosses files (a cited
 * provision exists, ids are unique, numbering has no gaps) is checked afterwards by `load/build.ts` and the files it drives.
 *
 * @module
 */
import { z } from 'zod';

import { isoDate, slug, sourceKey, text } from './schema-parts.js';

/** A printed number: `27`, `e`, `ii`, `II`, `5.A`. YAML numbers are accepted and read as strings. */
export const PrintedNumber = z.union([z.string().trim().min(1), z.number().int().nonnegative()]).transform(String);

/** Who says a link holds: the treaty text, a cited document, or an editorial judgement of this project. */
export const Basis = z.enum(['text', 'source', 'curated']);
export type Basis = z.infer<typeof Basis>;

/** How much of a structure the data holds. */
export const Completeness = z.enum(['complete', 'partial', 'incomplete']);
export type Completeness = z.infer<typeof Completeness>;

/** A leaf may be written as its bare number; this turns `"2"` into `{ number: "2" }` before the object schema runs. */
function leafOr<T extends z.ZodType>(schema: T) {
  return z.preprocess((value) => (typeof value === 'string' || typeof value === 'number' ? { number: value } : value), schema);
}

const partialFlag = z.boolean().optional().describe('true when only some of the children are listed');
/** The project's own one-line summary of what a provision does (never the treaty's wording). */
const summary = z.string().trim().min(1).optional();

/** The level below an item (UNTOC art. 5 para. 1 (a) (ii) a. and b.). */
export const SubitemNode = leafOr(z.strictObject({ number: PrintedNumber }));
export type SubitemNode = z.infer<typeof SubitemNode>;

/** A roman-numeral item, e.g. (ii). */
export const ItemNode = leafOr(
  z.strictObject({ number: PrintedNumber, summary, subitems: z.array(SubitemNode).min(1).optional(), partial: partialFlag }),
);
export type ItemNode = z.infer<typeof ItemNode>;

/** A lettered subparagraph, e.g. (e). */
export const SubparagraphNode = leafOr(
  z.strictObject({ number: PrintedNumber, summary, items: z.array(ItemNode).min(1).optional(), partial: partialFlag }),
);
export type SubparagraphNode = z.infer<typeof SubparagraphNode>;

/** A numbered paragraph. */
export const ParagraphNode = leafOr(
  z.strictObject({ number: PrintedNumber, summary, subparagraphs: z.array(SubparagraphNode).min(1).optional(), partial: partialFlag }),
);
export type ParagraphNode = z.infer<typeof ParagraphNode>;

/** An article: its number, heading, and either numbered paragraphs or (when it has none) lettered subparagraphs. */
export const ArticleNode = z
  .strictObject({
    number: PrintedNumber,
    heading: text,
    summary,
    /** A grouping the instrument prints above the article, e.g. the Model Law's "Basic offences: option A". */
    group: text.optional(),
    paragraphs: z.array(ParagraphNode).min(1).optional(),
    subparagraphs: z.array(SubparagraphNode).min(1).optional(),
    partial: partialFlag,
  })
  .refine((a) => !(a.paragraphs && a.subparagraphs), {
    message: 'an article has either numbered paragraphs or lettered subparagraphs directly, not both',
    path: ['subparagraphs'],
  });
export type ArticleNode = z.infer<typeof ArticleNode>;

/** A chapter and the articles it holds (articles keep their own IRIs; they are linked to the chapter). */
export const ChapterNode = z.strictObject({
  number: PrintedNumber,
  heading: text,
  articles: z.array(PrintedNumber).min(1),
  partial: partialFlag,
});
export type ChapterNode = z.infer<typeof ChapterNode>;

/** A reference the text of a provision makes to other provisions (`eli:cites`). Citations are parsed by `src/citation`. */
export const ReferenceEntry = z.strictObject({
  /** The citing provision, read in the context of this instrument (a bare `art. 10(1)` means this instrument). */
  from: text,
  /** The cited provisions or instruments, in the same context (`UNTOC art. 27` names another instrument). */
  to: z.array(text).min(1),
  /** What kind of reference it is, in a few words (e.g. "applies mutatis mutandis"). */
  note: text.optional(),
  source: sourceKey,
});
export type ReferenceEntry = z.infer<typeof ReferenceEntry>;

/** A dated fact with the sources that support it. */
const sourced = { sources: z.array(sourceKey).min(1) };

/** One data file describing an instrument: identity, dates, and its provision tree. */
export const InstrumentFile = z.strictObject({
  type: z.literal('instrument'),
  id: slug,
  /** The IRI path after the base, e.g. `eli/un/convention/2000/untoc`. */
  eli: z.string().regex(/^eli(?:\/[a-z0-9-]+)+$/, 'must be an ELI path such as eli/un/convention/2000/untoc'),
  kind: z.enum(['convention', 'protocol', 'model-law']),
  title: text,
  abbreviation: text,
  adopted: z.strictObject({ date: isoDate.optional(), year: z.number().int().optional(), place: text.optional(), by: text.optional(), ...sourced }).optional(),
  entryIntoForce: z.strictObject({ date: isoDate, ...sourced }).optional(),
  identifiers: z
    .strictObject({
      untcChapter: text.optional(),
      unts: text.optional(),
      registration: text.optional(),
      document: text.optional(),
      jobNumber: text.optional(),
      ...sourced,
    })
    .optional(),
  /** Another instrument this one supplements (a Protocol supplements the Convention). */
  supplements: z.strictObject({ instrument: slug, basis: Basis, source: sourceKey, locator: text }).optional(),
  structure: z.strictObject({
    completeness: Completeness,
    /** Where the structure was read from. */
    sources: z.array(sourceKey).min(1),
    note: text.optional(),
  }),
  chapters: z.array(ChapterNode).optional(),
  articles: z.array(ArticleNode).min(1),
  references: z.array(ReferenceEntry).optional(),
});
export type InstrumentFile = z.infer<typeof InstrumentFile>;

/** The kinds of tools the seed's annex lists. */
export const ToolKind = z.enum([
  'issue-paper',
  'model-law',
  'training-manual',
  'framework-for-action',
  'legislative-guide',
  'assessment-guide',
  'directory',
]);
export type ToolKind = z.infer<typeof ToolKind>;

/** A part of a tool (a part, chapter, module, table, section, annex or directory category). */
export const PartEntry = z.strictObject({
  /** The part's path under the tool, e.g. `part_1/chp_5`; its parent is the path minus the last segment. */
  path: z.string().regex(/^[a-z0-9]+(?:[_-][a-z0-9]+)*(?:\/[a-z0-9]+(?:[_-][a-z0-9]+)*)*$/, 'must be a path such as part_1/chp_5'),
  /** How the tool numbers it, e.g. "Part Three, section II.A", "Module 8". */
  label: text,
  /** Its title where a source confirms it. */
  title: text.optional(),
  /** The project's own one-line summary (never copied text). */
  summary: text.optional(),
  /** Page and paragraph ranges where a source gives them (pages: in the edition the tool's `publication` describes). */
  pages: text.optional(),
  /** The part's pages in another edition (an advance copy, a language edition), named by the source that describes it. */
  pagesIn: z.array(z.strictObject({ source: sourceKey, pages: text })).min(1).optional(),
  paragraphs: text.optional(),
  completeness: Completeness.optional(),
  ...sourced,
});
export type PartEntry = z.infer<typeof PartEntry>;

/** Links from a tool (or one of its parts) to provisions and themes, all with the same provenance. */
export const LinkEntry = z
  .strictObject({
    /** The part that does the addressing; omit when it is the tool as a whole. */
    part: z.string().optional(),
    /** Citations of the provisions (or instruments) addressed, e.g. `UNTOC art. 27 para. 1(a)`. */
    addresses: z.array(text).min(1).optional(),
    /** Theme slugs this tool or part is about. */
    themes: z.array(slug).min(1).optional(),
    basis: Basis,
    source: sourceKey,
    /** Where in the source the claim is made (page, paragraph, section). */
    locator: text.optional(),
    note: text.optional(),
    /**
     * `disputed` keeps a source's claim that another source or the treaty text contradicts; it is recorded with its
     * `correction` and `discrepancy` but not asserted as a fact.
     */
    status: z.enum(['asserted', 'disputed']).default('asserted'),
    correction: text.optional(),
    discrepancy: text.optional(),
  })
  .refine((l) => l.addresses || l.themes, { message: 'a link entry needs addresses or themes', path: ['addresses'] })
  .refine((l) => l.status !== 'disputed' || (l.discrepancy && l.addresses && !l.themes), {
    message: 'a disputed entry states its discrepancy and addresses provisions only',
    path: ['discrepancy'],
  });
export type LinkEntry = z.infer<typeof LinkEntry>;

/** A count the source reports (e.g. how many authorities the directory holds), kept with its date and source. */
export const CountClaim = z.strictObject({
  what: text,
  value: z.number().int().nonnegative(),
  /** `at-least` for "over 600". */
  qualifier: z.enum(['exactly', 'at-least', 'about']).default('exactly'),
  asOf: text.optional(),
  source: sourceKey,
  locator: text.optional(),
});
export type CountClaim = z.infer<typeof CountClaim>;

/** Another edition of a tool (a language edition, an advance copy), named by the source that describes it. */
export const EditionEntry = z.strictObject({
  source: sourceKey,
  /** How to tell it apart, e.g. "French edition", "Part Three, advance copy". */
  label: text,
  /** BCP 47 language tag, where the edition is in another language than the one `publication` describes. */
  language: z.string().regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]+)*$/, 'must be a language tag such as fr').optional(),
  title: text.optional(),
  jobNumber: text.optional(),
  date: text.optional(),
  place: text.optional(),
  pages: z.number().int().positive().optional(),
  note: text.optional(),
});
export type EditionEntry = z.infer<typeof EditionEntry>;

/** One data file describing a tool from the seed's annex (or a user's own tool). */
export const ToolFile = z.strictObject({
  type: z.literal('tool'),
  id: slug,
  kind: ToolKind,
  title: text,
  /** When the tool is also an instrument with articles (the Model Law), that instrument's id: they share one IRI. */
  instrument: slug.optional(),
  url: z.url().optional(),
  summary: text.optional(),
  publication: z
    .strictObject({
      year: z.number().int().optional(),
      date: text.optional(),
      place: text.optional(),
      publisher: text.optional(),
      edition: text.optional(),
      jobNumber: text.optional(),
      pages: z.number().int().positive().optional(),
      note: text.optional(),
      ...sourced,
      /** Other editions, each with its own source; `publication` itself describes the edition the parts' `pages` follow. */
      editions: z.array(EditionEntry).min(1).optional(),
    })
    .optional(),
  structure: z.strictObject({ completeness: Completeness, note: text.optional() }),
  parts: z.array(PartEntry).optional(),
  links: z.array(LinkEntry).optional(),
  counts: z.array(CountClaim).optional(),
  /** Sources that describe the tool as a whole (the seed's entry, a landing page). */
  sources: z.array(sourceKey).min(1),
});
export type ToolFile = z.infer<typeof ToolFile>;

/** One theme: a SKOS concept of the project's scheme. */
export const ThemeEntry = z.strictObject({
  id: slug,
  label: text,
  /** Broader themes (by slug). */
  broader: z.array(slug).optional(),
  definition: text.optional(),
  /** Where the topic is named (the seed for most). */
  sources: z.array(sourceKey).min(1),
});
export type ThemeEntry = z.infer<typeof ThemeEntry>;

/** Themes attached to provisions (`dcterms:subject`), with provenance. */
export const ProvisionThemeEntry = z.strictObject({
  provisions: z.array(text).min(1),
  themes: z.array(slug).min(1),
  basis: Basis,
  source: sourceKey,
  locator: text.optional(),
  note: text.optional(),
});
export type ProvisionThemeEntry = z.infer<typeof ProvisionThemeEntry>;

/** The file of the theme scheme. */
export const ThemesFile = z.strictObject({
  type: z.literal('themes'),
  title: text,
  description: text.optional(),
  themes: z.array(ThemeEntry).min(1),
  provisions: z.array(ProvisionThemeEntry).optional(),
});
export type ThemesFile = z.infer<typeof ThemesFile>;

export { SourceEntry } from './schema-parts.js';
import { SourceEntry } from './schema-parts.js';

/** The file of sources. */
export const SourcesFile = z.strictObject({
  type: z.literal('sources'),
  sources: z.array(SourceEntry).min(1),
});
export type SourcesFile = z.infer<typeof SourcesFile>;

export * from './directory-files.js';
import { DirectoryCategoriesFile, DirectoryFile, ParticipationFile } from './directory-files.js';

/** Any data file, told apart by its `type`. */
export const DataFile = z.discriminatedUnion('type', [
  InstrumentFile,
  ToolFile,
  ThemesFile,
  SourcesFile,
  DirectoryCategoriesFile,
  DirectoryFile,
  ParticipationFile,
]);
export type DataFile = z.infer<typeof DataFile>;

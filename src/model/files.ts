/**
 * The shape of the data files in `data/` (and of users' own files): zod schemas, which are also the TypeScript types
 * (`type X = z.infer<typeof X>`). Objects are strict, so an unknown key is an error. What crosses files (a cited
 * provision exists, ids are unique, numbering has no gaps) is checked afterwards by `load/build.ts` and the files it drives.
 *
 * @module
 */
import { z } from 'zod';

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a lower-case slug such as law-enforcement-cooperation');
const sourceKey = z.string().regex(/^[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*$/, 'must be a source key such as S1 or seed');
const isoDate = z.iso.date();
const text = z.string().trim().min(1);

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

/** A document facts come from. */
export const SourceEntry = z.strictObject({
  id: sourceKey,
  title: text,
  url: z.url().optional(),
  publisher: text.optional(),
  date: text.optional(),
  /** What the project read in it, and how reliable it is. */
  note: text.optional(),
});
export type SourceEntry = z.infer<typeof SourceEntry>;

/** The file of sources. */
export const SourcesFile = z.strictObject({
  type: z.literal('sources'),
  sources: z.array(SourceEntry).min(1),
});
export type SourcesFile = z.infer<typeof SourcesFile>;

// ---------------------------------------------------------------------------------------------------------------
// The directory of competent national authorities, its categories, and participation in the instruments

/** How a directory category rests on the instruments (domain.md §9.2). */
export const DesignationBasis = z.enum(['designation-clause', 'no-designation-clause', 'not-a-treaty', 'unconfirmed']);
export type DesignationBasis = z.infer<typeof DesignationBasis>;

/** One request category of the directory: a part of the `cna-directory` tool, and the provisions behind it. */
export const CategoryEntry = z
  .strictObject({
    /** The path of the category's part of the directory tool, e.g. `smuggling-of-migrants-by-sea`. */
    id: slug,
    /** Other names accepted for it in queries and imports, e.g. `smuggling-by-sea`. */
    aliases: z.array(slug).optional(),
    /**
     * `designation-clause`: a treaty clause requires or invites the designation of an authority (`designatedUnder`);
     * `no-designation-clause`: the related articles (`related`) have none; `not-a-treaty`: the directory's basis is
     * not a treaty clause at all; `unconfirmed`: what the category rests on is not confirmed by any source (the note
     * says what is known).
     */
    basis: DesignationBasis,
    /** Citations of the clauses under which authorities of this category are designated or notified. */
    designatedUnder: z.array(text).min(1).optional(),
    /** Citations of related articles that have no designation clause (e.g. the extradition articles). */
    related: z.array(text).min(1).optional(),
    /**
     * When an authority of this category is imported without a provision, whether it is taken to be designated under
     * `designatedUnder` (which must then name exactly one clause). The record says the provision was inferred.
     */
    inferDesignation: z.boolean().default(false),
    /** What the basis rests on and what is not known. */
    note: text,
    /** The sources of the basis and the clauses (e.g. the Convention's text and the 1988 Convention's). */
    sources: z.array(sourceKey).min(1),
    locator: text.optional(),
  })
  .refine((c) => (c.basis === 'designation-clause') === (c.designatedUnder !== undefined), {
    message: 'a category names designatedUnder exactly when its basis is designation-clause',
    path: ['designatedUnder'],
  })
  .refine((c) => !c.inferDesignation || c.designatedUnder?.length === 1, {
    message: 'inferDesignation needs exactly one clause in designatedUnder',
    path: ['inferDesignation'],
  });
export type CategoryEntry = z.infer<typeof CategoryEntry>;

/** The file of the directory's categories (`data/directory/categories.yaml`). */
export const DirectoryCategoriesFile = z.strictObject({
  type: z.literal('directory-categories'),
  /** The directory tool whose parts the categories are. */
  tool: slug,
  categories: z.array(CategoryEntry).min(1),
});
export type DirectoryCategoriesFile = z.infer<typeof DirectoryCategoriesFile>;

/**
 * The details of an authority entry that its record carries unchanged (in the order of a directory file's columns).
 * `languages` defaults to none.
 */
export const AUTHORITY_DETAILS = ['city', 'address', 'phone', 'email', 'website', 'languages', 'hours', 'timeZone', 'urgentViaInterpol', 'notes', 'updated'] as const satisfies readonly (keyof AuthorityEntry)[];

/** Every field of an authority entry, in the order a directory file's columns are written. */
export const AUTHORITY_FIELDS = ['id', 'name', 'state', 'categories', 'provisions', ...AUTHORITY_DETAILS, 'source', 'locator'] as const satisfies readonly (keyof AuthorityEntry)[];

/** One competent national authority as a directory lists it. Only `name`, `state` and a category or provision are required. */
export const AuthorityEntry = z
  .strictObject({
    /** The slug of its IRI `cna/{alpha-3}/{id}`; by default made from the name. */
    id: slug.optional().describe('the slug of its IRI cna/{alpha-3}/{id}; by default made from the name'),
    name: text.describe('the authority\'s name, as the directory gives it'),
    state: text.describe('ISO 3166-1 alpha-2 or alpha-3 code of the designating State, e.g. DE or DEU'),
    categories: z
      .array(text)
      .min(1)
      .optional()
      .describe('directory categories (slugs of the cna-directory parts, or their aliases); inferred from the provisions when absent'),
    provisions: z
      .array(text)
      .min(1)
      .optional()
      .describe('citations of the provisions it is designated under, e.g. "SOM Protocol art. 8(6)"; inferred from a category with one designation clause when absent'),
    city: text.optional(),
    address: text.optional().describe('postal address, as one text'),
    phone: text.optional().describe('telephone, as the directory gives it'),
    email: z.email().optional(),
    website: z.url({ protocol: /^https?$/ }).optional(),
    languages: z.array(text).min(1).optional().describe('languages in which requests are accepted (UNTOC art. 18(14), 1988 Convention art. 7(9))'),
    hours: text.optional().describe('office hours'),
    timeZone: z
      .string()
      .regex(/^(?:UTC(?:[+-](?:0?\d|1[0-4])(?::[0-5]\d)?)?|[A-Z][A-Za-z_]+(?:\/[A-Za-z0-9_+-]+)+)$/, 'must be an IANA time zone such as Europe/Berlin, or UTC+01:00')
      .optional(),
    urgentViaInterpol: z.boolean().optional().describe('whether urgent requests are accepted through INTERPOL'),
    notes: text.optional(),
    updated: isoDate.optional().describe('when the entry was last updated'),
    /** A source key, when it differs from the snapshot's. */
    source: sourceKey.optional(),
    locator: text.optional().describe('where in the source the entry is'),
  })
  .refine((a) => a.categories !== undefined || a.provisions !== undefined, {
    message: 'an authority needs categories or provisions (or both)',
    path: ['categories'],
  });
export type AuthorityEntry = z.infer<typeof AuthorityEntry>;

/**
 * A dated snapshot of (part of) the directory of competent national authorities: from the curated data, or imported
 * from a user's CSV or JSON file. Each snapshot becomes its own named graph in the exports.
 */
export const DirectoryFile = z
  .strictObject({
    type: z.literal('directory'),
    /** The snapshot's id and graph name; by default its `asOf` date. */
    id: z
      .string()
      .regex(/^[a-z0-9]+(?:[-.][a-z0-9]+)*$/, 'must be lower-case letters, digits, hyphens and dots, e.g. 2024-05-04')
      .optional(),
    title: text.optional(),
    /** The date the snapshot describes the directory as at. */
    asOf: isoDate.optional(),
    /** The source of every entry that names none of its own. */
    source: sourceKey.optional(),
    /** Sources this file defines (e.g. the file an import came from). */
    sources: z.array(SourceEntry).optional(),
    /** True for example or synthetic data: say so in the data, not only in the file name. */
    example: z.boolean().default(false),
    note: text.optional(),
    authorities: z.array(AuthorityEntry),
  })
  .refine((d) => d.id !== undefined || d.asOf !== undefined, { message: 'a directory snapshot needs an asOf date or an id', path: ['asOf'] });
export type DirectoryFile = z.infer<typeof DirectoryFile>;

/** How a State consented to be bound by an instrument (the UN Treaty Collection's columns). */
export const ConsentKind = z.enum(['ratification', 'acceptance', 'approval', 'accession', 'succession']);
export type ConsentKind = z.infer<typeof ConsentKind>;

/** One State's participation in one instrument, as a status list gives it at a date. */
export const ParticipationEntry = z
  .strictObject({
    state: text,
    instrument: slug,
    /** Date of signature. */
    signature: isoDate.optional(),
    /** Ratification, acceptance, approval, accession or succession, with its date. */
    consent: ConsentKind.optional(),
    consentDate: isoDate.optional(),
    /** The date the status list is "as at". */
    asOf: isoDate,
    source: sourceKey,
    locator: text.optional(),
    note: text.optional(),
  })
  .refine((p) => (p.consent === undefined) === (p.consentDate === undefined), {
    message: 'consent and consentDate go together',
    path: ['consentDate'],
  })
  .refine((p) => p.signature !== undefined || p.consent !== undefined, { message: 'a record needs a signature or a consent', path: ['signature'] });
export type ParticipationEntry = z.infer<typeof ParticipationEntry>;

/** Instrument-level figures (signatories, parties) at a date, from a source. */
export const ParticipationFigure = z
  .strictObject({
    instrument: slug,
    signatories: z.number().int().nonnegative().optional(),
    parties: z.number().int().nonnegative().optional(),
    asOf: isoDate,
    source: sourceKey,
    locator: text.optional(),
  })
  .refine((f) => f.signatories !== undefined || f.parties !== undefined, { message: 'a figure needs signatories or parties', path: ['parties'] });
export type ParticipationFigure = z.infer<typeof ParticipationFigure>;

/** A file of participation data: instrument-level figures and per-State records. */
export const ParticipationFile = z.strictObject({
  type: z.literal('participation'),
  /** The file's id and graph name (`graph/participation/{id}`). */
  id: slug,
  title: text.optional(),
  /** True for example data. */
  example: z.boolean().default(false),
  figures: z.array(ParticipationFigure).optional(),
  records: z.array(ParticipationEntry).optional(),
});
export type ParticipationFile = z.infer<typeof ParticipationFile>;

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

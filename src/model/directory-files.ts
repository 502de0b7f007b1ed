/**
 * The shape of the directory files (request categories, snapshots of competent national authorities) and of the
 * participation records, beside the other data-file schemas in `files.ts`.
 *
 * @module
 */
import { z } from 'zod';
import { isoDate, slug, sourceKey, SourceEntry, text } from './schema-parts.js';


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


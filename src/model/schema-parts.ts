/**
 * The small schemas every data-file schema is built from: slugs, source keys, dates, non-empty text.
 *
 * @module
 */
import { z } from 'zod';

/** A lower-case slug (`law-enforcement-cooperation`). */
export const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a lower-case slug such as law-enforcement-cooperation');
/** A source key (`S1`, `seed`). */
export const sourceKey = z.string().regex(/^[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*$/, 'must be a source key such as S1 or seed');
/** A calendar date, `YYYY-MM-DD`. */
export const isoDate = z.iso.date();
/** Text that is not empty once trimmed. */
export const text = z.string().trim().min(1);

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


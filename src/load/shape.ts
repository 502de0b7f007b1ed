/**
 * First pass: the shape of each data file, checked by its zod schema. Every issue names the file, the path inside it,
 * a stable code (zod's issue code, or `unknown_file_type`) and a readable message.
 *
 * @module
 */
import type { z } from 'zod';
import type { DataIssue } from '../errors.js';
import { DataFile } from '../model/files.js';

/** A data file as read: where it came from and what it holds (already parsed from YAML or JSON). */
export interface RawFile {
  readonly file: string;
  readonly data: unknown;
}

/** The result of checking one file's shape. */
export type ShapeResult = { readonly ok: true; readonly value: DataFile } | { readonly ok: false; readonly issues: DataIssue[] };

const TYPES = ['instrument', 'tool', 'themes', 'sources', 'directory-categories', 'directory', 'participation'];

/** Whether an issue is about a required value that is absent (zod reports it as a type error). */
function isMissing(issue: z.core.$ZodIssue): boolean {
  return issue.code === 'invalid_type' && issue.message.includes('received undefined');
}

function message(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'unrecognized_keys':
      return `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    case 'invalid_type':
      return isMissing(issue) ? `missing ${issue.expected}` : issue.message;
    default:
      return issue.message;
  }
}

/** Checks one file against the schema of its `type`. */
export function checkShape(raw: RawFile): ShapeResult {
  const data = raw.data;
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return { ok: false, issues: [{ code: 'invalid_type', file: raw.file, path: [], message: 'a data file must be a mapping with a "type" key' }] };
  }
  const type = (data as { type?: unknown }).type;
  if (typeof type !== 'string' || !TYPES.includes(type)) {
    return {
      ok: false,
      issues: [
        {
          code: 'unknown_file_type',
          file: raw.file,
          path: ['type'],
          message: `"type" must be one of ${TYPES.join(', ')}; got ${type === undefined ? 'nothing' : JSON.stringify(type)}`,
        },
      ],
    };
  }
  const result = DataFile.safeParse(data);
  if (result.success) return { ok: true, value: result.data };
  return {
    ok: false,
    issues: result.error.issues.map((issue) => ({
      code: issue.code,
      file: raw.file,
      path: issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p)),
      message: message(issue),
      ...(issue.code === 'unrecognized_keys' && { keys: issue.keys }),
      ...(isMissing(issue) && { missing: true }),
    })),
  };
}

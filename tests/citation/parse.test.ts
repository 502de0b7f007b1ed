/**
 * The citation parser on a table of forms, each saying where it was seen (tests/fixtures/citations.yaml); malformed
 * input with the offset of the error; references to other instruments that must never become this graph's provisions.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { describe, expect, test } from 'vitest';
import { parseCitation } from '../../src/citation/parse.js';
import { resolveCitation } from '../../src/citation/resolve.js';
import type { CitationContext } from '../../src/citation/types.js';
import { isUntocKgError } from '../../src/errors.js';
import { loadCore } from '../../src/core.js';
import { ROOT } from '../helpers/paths.js';

interface Form {
  input: string;
  context?: CitationContext;
  kind: string;
  means: string[];
  seen: string;
}
const table = parseYaml(readFileSync(join(ROOT, 'tests', 'fixtures', 'citations.yaml'), 'utf8')) as {
  forms: Form[];
  unresolved: { input: string; reason: string; seen: string }[];
  malformed: { input: string; offset: number }[];
};

const kg = loadCore();
const SHORT: Record<string, string> = {
  untoc: 'untoc',
  'som-protocol': 'som',
  'tip-protocol': 'tip',
  'drug-convention-1988': 'drugs',
  'firearms-protocol': 'firearms',
  'model-law': 'ml',
};

describe('every form in the table parses and resolves to what it means', () => {
  test.each(table.forms)('$input  ($seen)', ({ input, context, kind, means }) => {
    const citation = parseCitation(input, context);
    expect(citation.kind).toBe(kind);
    const resolved = resolveCitation(kg, input, context).targets.map((t) => (t.eid ? `${SHORT[t.instrument]}:${t.eid}` : SHORT[t.instrument]));
    expect(resolved).toEqual(means);
  });

  test('the table is large and says where each form was seen', () => {
    expect(table.forms.length).toBeGreaterThanOrEqual(60);
    for (const form of table.forms) expect(form.seen.length).toBeGreaterThan(5);
  });
});

describe('references to other instruments and relative references without context stay unresolved', () => {
  test.each(table.unresolved)('$input  ($seen)', ({ input, reason }) => {
    const citation = parseCitation(input);
    expect(citation).toMatchObject({ kind: 'unresolved', reason });
    const error = (() => {
      try {
        resolveCitation(kg, input);
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(isUntocKgError(error) && error.code).toBe(reason === 'other_instrument' ? 'unknown_instrument' : 'ambiguous');
  });

  test('"article 35 of the Charter" is never UNTOC art. 35', () => {
    expect(() => resolveCitation(kg, 'article 35 of the Charter')).toThrow(/Charter, which this graph does not hold/);
  });
});

describe('malformed input is a syntax error at the right offset', () => {
  test.each(table.malformed)('"$input" fails at offset $offset', ({ input, offset }) => {
    let error: unknown;
    try {
      parseCitation(input);
    } catch (e) {
      error = e;
    }
    expect(isUntocKgError(error)).toBe(true);
    expect(error).toMatchObject({ code: 'syntax', offset, operation: 'parseCitation' });
    expect((error as { expected?: string }).expected).toBeTruthy();
  });

  test('a non-string is invalid input, not a crash', () => {
    expect(() => parseCitation(42 as unknown as string)).toThrow(expect.objectContaining({ code: 'invalid_input' }));
  });
});

describe('spans and assumptions', () => {
  test('the span covers the citation without surrounding spaces', () => {
    expect(parseCitation('  art. 27(1)(e)  ').span).toEqual({ start: 2, end: 15 });
  });

  test('"the Protocol" without a Protocol in the context is read as the SOM Protocol, and says so', () => {
    const c = parseCitation('chapter II of the Protocol');
    expect(c.assumptions).toEqual([expect.stringContaining('Smuggling of Migrants Protocol')]);
    expect(parseCitation('chapter II of the Protocol', { protocol: 'tip-protocol' })).toMatchObject({ instrument: 'tip-protocol', assumptions: [] });
    expect(parseCitation('article 5 of this Protocol', { instrument: 'tip-protocol' })).toMatchObject({ instrument: 'tip-protocol', assumptions: [] });
  });

  test('a citation that names two different instruments is an error', () => {
    expect(() => parseCitation('SOM Protocol art. 8 of the TIP Protocol')).toThrow(expect.objectContaining({ code: 'syntax' }));
  });
});

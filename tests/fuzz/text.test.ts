/**
 * Fuzzing the treaty text reader: random text, random HTML-ish text, and treaty texts of the real shape (the
 * invented Lighthouse Convention, and windows of the real treaties when the corpus is present) with random lines
 * deleted, repeated, replaced or cut. Whatever the input, the reader (and `checkText` and `attachText` after it)
 * gives a result or a typed `UntocKgError`, and every line number it reports is a line of the input.
 * Seeded and bounded: the same cases every run, in a few seconds.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { isUntocKgError, TextReadError } from '../../src/errors.js';
import { attachTextToDataset } from '../../src/text/attach.js';
import { checkText } from '../../src/text/check.js';
import { parseTreatyText, textProvisions, type TreatyText, type TreatyTextOptions } from '../../src/text/parse.js';
import { corpusAvailable, readCorpus } from '../helpers/paths.js';
import { fixture, lighthouseGraph } from '../text/helpers.js';

const SEED = 42;

/** Pieces that mean something to the reader: headings, markers, markup, references, odd spaces. */
const PIECES = [
  'Article 1', 'Article 2', 'Article 2 bis', 'ARTICLE 3', 'Artikel 1', 'Article premier', '### Article 1', '####Signature', 'CHAPTER I', 'CHAPTER II', '###II', 'II. FINAL PROVISIONS',
  'Preamble', 'The States Parties to this Convention,', 'IN WITNESS WHEREOF', 'DONE at New York', 'ANNEX', '1.', '2.', '(a)', 'a)', 'b.', '(i)', '(ii)', 'i.', ': ', '; ', '.',
  '<', '>', '<b>', '</b>', '<sup>1)</sup>', '<script>', '</script>', '<style>', '<template>', '<noscript>', '<!--', '-->', '<h3>', '</h3>', '<p>',
  '&amp;', '&eacute;', '&#99999999;', '&#xD800;', '&#0;', '&#x', '&', ';', '[', '](', ')', '*', '**', '_', '``', '#', '\n', '\r\n', '\r', '  ', '\t', '\u3000', '\u00a0', '\u200b',
  'shall', 'the', 'de', 'het', 'van', 'les', 'cooperation', 'words', 'États',
];

const randomText = fc.oneof(
  fc.string({ maxLength: 400 }),
  fc.string({ unit: 'binary', maxLength: 400 }),
  fc.array(fc.constantFrom('Article 1\n', 'Article 2\n', '1. Words.\n', '(a) words;\n', '\n', ' '), { maxLength: 60 }).map((parts) => parts.join('')),
);

const htmlish = fc.array(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...PIECES) }, { weight: 1, arbitrary: fc.string({ maxLength: 12 }) }), { maxLength: 120 }).map((parts) => parts.join(''));

type Mutation =
  | { readonly kind: 'delete'; readonly at: number }
  | { readonly kind: 'repeat'; readonly at: number; readonly to: number }
  | { readonly kind: 'replace'; readonly at: number; readonly with: string }
  | { readonly kind: 'insert'; readonly at: number; readonly offset: number; readonly piece: string }
  | { readonly kind: 'cut'; readonly at: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('repeat' as const), at: fc.nat(), to: fc.nat() }),
  fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), with: fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 20 })) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), offset: fc.nat(), piece: fc.constantFrom(...PIECES) }),
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
);

function mutate(text: string, mutations: readonly Mutation[]): string {
  const lines = text.split('\n');
  for (const m of mutations) {
    if (lines.length === 0) break;
    const at = m.at % lines.length;
    switch (m.kind) {
      case 'delete':
        lines.splice(at, 1);
        break;
      case 'repeat':
        lines.splice(m.to % lines.length, 0, lines[at]!);
        break;
      case 'replace':
        lines[at] = m.with;
        break;
      case 'insert': {
        const line = lines[at]!;
        const offset = m.offset % (line.length + 1);
        lines[at] = `${line.slice(0, offset)}${m.piece}${line.slice(offset)}`;
        break;
      }
      case 'cut':
        lines.length = at + 1;
        break;
      default: {
        const never: never = m;
        throw new Error(`unknown mutation ${String(never)}`);
      }
    }
  }
  return lines.join('\n');
}

const options: fc.Arbitrary<TreatyTextOptions> = fc.record({ truncated: fc.constantFrom('error' as const, 'ignore' as const) }, { requiredKeys: [] });

/** Every 1-based line a result reports. */
function reportedLines(text: TreatyText): number[] {
  return [...textProvisions(text).map((p) => p.line), ...text.chapters.map((c) => c.line), ...text.notices.map((n) => n.line)];
}

function lineCount(input: string | Uint8Array): number {
  const utf16 = typeof input !== 'string' && input.length >= 2 && ((input[0] === 0xff && input[1] === 0xfe) || (input[0] === 0xfe && input[1] === 0xff));
  const encoding = utf16 ? (input[0] === 0xff ? 'utf-16le' : 'utf-16be') : 'utf-8';
  const text = typeof input === 'string' ? input : new TextDecoder(encoding).decode(input);
  return text.split(/\r\n?|\n/).length;
}

/** Reads the input; fails the property when anything but a typed error is thrown or a line number is not the input's. */
function readChecked(input: string | Uint8Array, given: TreatyTextOptions): TreatyText | undefined {
  const lines = lineCount(input);
  try {
    const text = parseTreatyText(input, given);
    for (const line of reportedLines(text)) expect(line >= 1 && line <= lines, `line ${line} of ${lines}`).toBe(true);
    return text;
  } catch (error) {
    if (!isUntocKgError(error)) throw error;
    if (error instanceof TextReadError && error.line !== undefined) expect(error.line >= 1 && error.line <= lines, `line ${error.line} of ${lines}`).toBe(true);
    return undefined;
  }
}

/** Checks and attaches a text; only typed errors may come out. */
function compareChecked(kg: ReturnType<typeof lighthouseGraph>, text: TreatyText): void {
  try {
    checkText(kg, text, { instrument: 'lighthouses' });
    attachTextToDataset(kg, text, { instrument: 'lighthouses', partial: true, cites: true });
  } catch (error) {
    if (!isUntocKgError(error)) throw error;
  }
}

describe('the reader on any input gives a tree or a typed error, with line numbers of the input', () => {
  test('random text and bytes', () => {
    fc.assert(
      fc.property(fc.oneof(randomText, fc.uint8Array({ maxLength: 400 })), options, (input, given) => {
        readChecked(input, given);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  test('random HTML-ish text', () => {
    fc.assert(
      fc.property(htmlish, options, (input, given) => {
        readChecked(input, given);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  test('the Lighthouse Convention, mutated; then checked and attached', () => {
    const kg = lighthouseGraph();
    const original = fixture('lighthouses.md');
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 6 }), options, (mutations, given) => {
        const text = readChecked(mutate(original, mutations), given);
        if (text) compareChecked(kg, text);
      }),
      { seed: SEED, numRuns: 100 },
    );
  });

  test('hand-made texts for checkText and attachText: any value, or a parsed text with one part replaced', () => {
    const kg = lighthouseGraph();
    const good: unknown = JSON.parse(JSON.stringify(parseTreatyText(fixture('lighthouses.md'))));
    const places: { holder: Record<string, unknown>; key: string }[] = [];
    const collect = (value: unknown) => {
      if (typeof value !== 'object' || value === null) return;
      for (const [key, child] of Object.entries(value)) {
        places.push({ holder: value as Record<string, unknown>, key });
        collect(child);
      }
    };
    collect(good);
    const edited = fc.tuple(fc.nat({ max: places.length - 1 }), fc.anything()).map(([at, replacement]) => {
      const { holder, key } = places[at]!;
      const before = holder[key];
      holder[key] = replacement;
      const copy: unknown = JSON.parse(JSON.stringify(good));
      holder[key] = before;
      return copy;
    });
    fc.assert(
      fc.property(fc.oneof(fc.anything(), edited), (text) => {
        compareChecked(kg, text as TreatyText);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  test.runIf(corpusAvailable)('windows of the real treaties, mutated', () => {
    const texts = (['untoc', 'som-protocol', 'tip-protocol'] as const).map((name) => readCorpus(name).split('\n'));
    const window = fc.record({ which: fc.nat({ max: texts.length - 1 }), start: fc.nat(), size: fc.integer({ min: 20, max: 200 }) });
    fc.assert(
      fc.property(window, fc.array(mutation, { maxLength: 6 }), options, ({ which, start, size }, mutations, given) => {
        const lines = texts[which]!;
        const from = start % lines.length;
        readChecked(mutate(lines.slice(from, from + size).join('\n'), mutations), given);
      }),
      { seed: SEED, numRuns: 60 },
    );
  });
});

/**
 * Hostile and odd input for the text reader (issues 10 and 11): inputs that used to take quadratic time, make
 * thousands of "languages", throw a RangeError, read hidden markup as words, leave character references raw, or
 * read a device without end. Each case failed before its fix. Nothing here is timed: the sizes are chosen so that
 * the quadratic reader ran past the test timeout, while the linear one reads them in well under a second.
 */
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { MAX_TEXT_BYTES, readTreatyText } from '../../src/node/text.js';
import { attachText } from '../../src/text/attach.js';
import { checkText } from '../../src/text/check.js';
import { MAX_LANGUAGE_SECTIONS, parseTreatyText, textProvisions, type TreatyText } from '../../src/text/parse.js';
import { runCli } from '../helpers/io.js';
import { fixture, lighthouseGraph } from './helpers.js';

const article = (n: number, words: string) => `Article ${n}\n\n${words}\n`;
const read = (text: string): TreatyText => parseTreatyText(text, { truncated: 'ignore' });
const outline = (text: TreatyText) => textProvisions(text).map((p) => p.eid);

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  }
}

describe('lines the reader used to read in quadratic time (a line of 200 KB each)', () => {
  test.each([
    ['a line of "<"', '<'.repeat(200_000)],
    ['a line of "[" before "]("', `${'['.repeat(200_000)}](x`],
    ['"Article 1" padded with ideographic spaces', `Article 1${'\u3000'.repeat(200_000)}x`],
    ['many run-on markers that are references', `x${'; (a) ;'.repeat(30_000)}`],
  ])('%s', (_name, line) => {
    const text = read(`${article(1, 'The words.')}${line}.\n`);
    expect(outline(text)).toContain('art_1');
  });
});

describe('a repeated structure does not become thousands of languages', () => {
  test('10,000 blocks of "Article 1" are refused with text_unreadable, at the line where the limit is passed', () => {
    const blocks = article(1, 'The States Parties shall cooperate.').repeat(10_000);
    let error: unknown;
    try {
      read(blocks);
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ code: 'text_unreadable' });
    expect((error as Error).message).toMatch(/language sections/);
  });

  test('10,000 lines of "CHAPTER I" are refused too', () => {
    expect(codeOf(() => read(`${'CHAPTER I\n'.repeat(10_000)}${article(1, 'Words.')}`))).toBe('text_unreadable');
  });

  test(`${MAX_LANGUAGE_SECTIONS} sections are still read, each a language`, () => {
    const text = read(article(1, 'The States Parties shall cooperate with the other States.').repeat(MAX_LANGUAGE_SECTIONS));
    expect(text.languages).toHaveLength(MAX_LANGUAGE_SECTIONS);
    expect(text.languages.slice(0, 3)).toEqual(['en', 'en-x-2', 'en-x-3']);
  });
});

describe('character references', () => {
  test.each([
    ['out of range', '&#99999999;'],
    ['hexadecimal out of range', '&#x110000;'],
    ['a surrogate', '&#xD800;'],
    ['NUL', '&#0;'],
  ])('%s becomes U+FFFD, never a RangeError', (_name, reference) => {
    const text = read(article(1, `Before ${reference} after.`));
    expect(text.articles[0]!.text.und ?? Object.values(text.articles[0]!.text)[0]).toBe('Before \ufffd after.');
  });

  test('every named reference of HTML is decoded, not only twelve', () => {
    const text = read(article(1, 'La coop&eacute;ration des &Eacute;tats &agrave; l&rsquo;&eacute;gard du tr&eacute;sor&hellip; et la loi.'));
    expect(Object.values(text.articles[0]!.text)[0]).toBe('La coopération des États à l’égard du trésor… et la loi.');
  });

  test('a reference without its semicolon, or unknown, stays as written', () => {
    const text = read(article(1, 'Fish &amp chips &unknownname; and &copy.'));
    expect(Object.values(text.articles[0]!.text)[0]).toBe('Fish &amp chips &unknownname; and &copy.');
  });
});

describe('HTML whose contents are no words', () => {
  const page = (hidden: string) =>
    ['<html><body>', '<h3>Article 1</h3>', '<p>The words of article 1.</p>', hidden, '<h3>Article 2</h3>', '<p>The words of article 2.</p>', '</body></html>'].join('\n');

  test.each([
    ['a template script', '<script type="text/template">\n<h3>Article 3</h3>\n<p>Phantom.</p>\n</script>'],
    ['a script', '<SCRIPT>\nArticle 3\nvar s = "Phantom.";\n</SCRIPT >'],
    ['a style', '<style>\nArticle 3\np { color: red }\n</style>'],
    ['a template', '<template>\n<h3>Article 3</h3>\n<p>Phantom.</p></template>'],
    ['a noscript', '<noscript>\nArticle 3\nPhantom.\n</noscript>'],
    ['a comment', '<!--\nArticle 3\nPhantom.\n-->'],
  ])('%s makes no phantom article, and the lines after it keep their numbers', (_name, hidden) => {
    const text = read(page(hidden));
    expect(outline(text)).toEqual(['art_1', 'art_2']);
    expect(Object.values(text.articles[1]!.text)[0]).toBe('The words of article 2.');
    expect(text.articles[1]!.line).toBe(4 + hidden.split('\n').length);
  });

  test('a script that never closes hides the rest, as in HTML', () => {
    expect(outline(read(`${article(1, 'Words.')}<script>\n${article(2, 'Phantom.')}`))).toEqual(['art_1']);
  });
});

describe('readTreatyText reads files, not devices, and not without end', () => {
  const dir = mkdtempSync(join(tmpdir(), 'untoc-kg-hardening-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('/dev/zero is refused with invalid_input', async () => {
    await expect(readTreatyText('/dev/zero')).rejects.toMatchObject({ code: 'invalid_input' });
  });

  test(`a file larger than ${MAX_TEXT_BYTES} bytes is refused with invalid_input`, async () => {
    const file = join(dir, 'huge.md');
    writeFileSync(file, '');
    truncateSync(file, MAX_TEXT_BYTES + 1);
    await expect(readTreatyText(file)).rejects.toMatchObject({ code: 'invalid_input' });
  });

  test('a directory is text_unreadable, as before', async () => {
    await expect(readTreatyText(dir)).rejects.toMatchObject({ code: 'text_unreadable' });
  });

  test('a regular file is still read', async () => {
    const file = join(dir, 'small.md');
    writeFileSync(file, article(1, 'The words.'));
    expect(outline(await readTreatyText(file))).toEqual(['art_1']);
  });

  test('show --text /dev/zero stops with a usage or input error', async () => {
    const { code, err } = await runCli('show', 'art. 27', '--text', '/dev/zero');
    expect(code).toBe(2);
    expect(err).toMatch(/dev\/zero/);
  });
});

describe('checkText and attachText on a text of the wrong shape: invalid_input, not a TypeError', () => {
  const kg = lighthouseGraph();
  const good = JSON.parse(JSON.stringify(parseTreatyText(fixture('lighthouses.md'))));
  const first = good.articles[0];
  test.each([
    ['a chapter without fields', { ...good, chapters: [{}] }],
    ['an eId that is a number', { ...good, articles: [{ ...first, eid: 7 }] }],
    ['an eId that is no eId', { ...good, articles: [{ ...first, eid: 'article one' }] }],
    ['words that are null', { ...good, articles: [{ ...first, text: null }] }],
    ['a title that is a number', { ...good, title: { en: 5 } }],
    ['a language that is a number', { ...good, languages: [5] }],
    ['provision languages that are null', { ...good, articles: [{ ...first, languages: null }] }],
    ['a preamble that is null', { ...good, preamble: null }],
    ['a source that is a number', { ...good, source: 5 }],
    ['a heading that is null', { ...good, articles: [{ ...first, heading: null }] }],
    ['provisions nested beyond subitems', { ...good, articles: [{ ...first, children: [{ ...first, children: [{ ...first, children: [{ ...first, children: [{ ...first, children: [first] }] }] }] }] }] }],
  ])('%s', (_name, text) => {
    expect(() => checkText(kg, text, { instrument: 'lighthouses' })).toThrow(expect.objectContaining({ code: 'invalid_input' }));
    expect(() => attachText(kg, text, { instrument: 'lighthouses', partial: true })).toThrow(expect.objectContaining({ code: 'invalid_input' }));
  });
});

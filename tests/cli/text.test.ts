/**
 * The text and show commands, run in-process: on the invented Lighthouse Convention (tests/text/fixtures) with its
 * structure given as a data file, on bad input, and on the real corpus when it is present.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { runCli } from '../helpers/io.js';
import { CORPUS, CORPUS_SKIP, corpusAvailable } from '../helpers/paths.js';
import { fixture, FIXTURES } from '../text/helpers.js';

const TEXT = join(FIXTURES, 'lighthouses.md');
const DATA = join(FIXTURES, 'lighthouses.yaml');
const dir = mkdtempSync(join(tmpdir(), 'untoc-kg-text-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const write = (name: string, content: string | Uint8Array) => {
  const file = join(dir, name);
  writeFileSync(file, content);
  return file;
};

describe('untoc-kg text FILE', () => {
  test('prints the structure: chapters, articles with headings, subdivisions', async () => {
    const { code, out, err } = await runCli('text', TEXT);
    expect(code).toBe(0);
    expect(err).toBe('');
    const lines = out.trimEnd().split('\n');
    expect(lines.slice(0, 2)).toEqual(['lighthouses.md: Convention on the Safety of Lighthouses', 'languages: en, nl · 2 chapters · 5 articles · 25 provisions']);
    expect(lines).toEqual(
      expect.arrayContaining([
        'Chapter I  General provisions',
        '  Article 2  Use of terms',
        '    (c) (i) (ii)',
        '  Article 2 bis  Lighthouses of historic value',
        '      (b)',
        '        (ii) a. b.',
        'Chapter II  Final provisions',
        '  Article 4  Signature',
      ]),
    );
  });

  test('--json prints the parsed text with its wording', async () => {
    const { code, out } = await runCli('text', TEXT, '--json');
    expect(code).toBe(0);
    const text = JSON.parse(out);
    expect(text.languages).toEqual(['en', 'nl']);
    expect(text.articles[3].children[0].text.nl).toBe('Elke Staat die partij is, wijst een autoriteit aan die:');
  });

  test('--check against the graph with the instrument given as a data file: no differences, exit 0', async () => {
    const { code, out } = await runCli('text', TEXT, '--check', '--data', DATA);
    expect(code).toBe(0);
    expect(out.trim()).toBe('lighthouses.md against Lighthouse Convention: 27 provisions match; no differences');
  });

  test('--check lists every difference, exit 1', async () => {
    const file = write('edited.md', fixture('lighthouses.md').replace('####Signature', '####Signing'));
    const { code, out, err } = await runCli('text', file, '--check', '--data', DATA, '--instrument', 'lighthouses');
    expect(code).toBe(1);
    expect(out.trim().split('\n')).toEqual(['error   line 75: Lighthouse Convention art. 4 is headed "Signing" in the text and "Signature" in the graph [heading_differs]']);
    expect(err).toMatch(/edited\.md against Lighthouse Convention: 27 provisions match; 1 difference, 0 warnings/);
  });

  test('--check --json prints the findings', async () => {
    const file = write('edited2.md', fixture('lighthouses.md').replace('####Signature', '####Signing'));
    const { code, out } = await runCli('text', file, '--check', '--json', '--data', DATA);
    expect(code).toBe(1);
    expect(JSON.parse(out)).toMatchObject({ instrument: 'lighthouses', ok: false, findings: [{ kind: 'heading_differs', eid: 'art_4', text: 'Signing', graph: 'Signature' }] });
  });

  test('notes what the reader read past on stderr', async () => {
    const { code, err } = await runCli('text', join(FIXTURES, 'rare-birds.md'));
    expect(code).toBe(0);
    expect(err).toMatch(/^untoc-kg: note: rare-birds\.md:61: the annex \("ANNEX"\) is not read: it has no articles \(en\) \[annex_skipped\]$/m);
  });

  const bad = [
    { says: 'an empty file', content: '', message: /rest\.md: the input is empty \(reading stopped at line 1, offset 0\) \[text_unreadable\]/ },
    { says: 'a binary file', content: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]), message: /binary.*line 3, offset 8.*\[text_unreadable\]/ },
    { says: 'a cut-off file', content: fixture('lighthouses.md').slice(0, 1500), message: /cut off.*\(reading stopped at line 50, after article 2 bis\) \[text_unreadable\]/ },
  ];
  test.each(bad)('$says: a typed error that says where reading stopped, exit 2', async ({ content, message }) => {
    const { code, out, err } = await runCli('text', write('rest.md', content));
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toMatch(message);
  });

  test('a file that is not there, exit 2', async () => {
    const { code, err } = await runCli('text', join(dir, 'nowhere.md'));
    expect(code).toBe(2);
    expect(err).toMatch(/cannot read .*nowhere\.md: no such file \[text_unreadable\]/);
  });

  test('an instrument the graph does not hold, exit 2', async () => {
    const { code, err } = await runCli('text', TEXT, '--check');
    expect(code).toBe(2);
    expect(err).toMatch(/cannot tell which instrument the text is.*\[unknown_instrument\]/);
  });

  test('no file, or two: a usage error', async () => {
    expect((await runCli('text')).code).toBe(2);
    expect((await runCli('text', TEXT, TEXT)).err).toMatch(/give one file/);
  });
});

describe('untoc-kg show CITATION --text FILE', () => {
  test('prints the provision, then its words in every language of the text', async () => {
    const { code, out } = await runCli('show', 'art. 3(1)(b)', '--text', TEXT, '--instrument', 'lighthouses', '--data', DATA);
    expect(code).toBe(0);
    const lines = out.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^Lighthouse Convention art\. 3\(1\)\(b\) .*\(subparagraph\)$/);
    expect(lines.slice(lines.indexOf('wording:'))).toEqual([
      'wording:',
      'source: text-lighthouses-md',
      '',
      '[en]',
      'Answers requests from other States Parties about:',
      '(i) The range of a light;',
      '(ii) The signals used in fog, in particular:',
      'a. The length of each signal; and',
      'b. The pause between two signals.',
      '',
      '[nl]',
      'verzoeken van andere Staten die partij zijn beantwoordt over:',
      '(i) het bereik van een licht;',
      '(ii) de signalen die bij mist worden gebruikt, in het bijzonder:',
      'a. de duur van elk signaal; en',
      'b. de pauze tussen twee signalen.',
    ]);
  });

  test('--json prints the provision record with its wording', async () => {
    const { code, out } = await runCli('show', 'art. 4', '--text', TEXT, '--instrument', 'lighthouses', '--data', DATA, '--json');
    expect(code).toBe(0);
    const record = JSON.parse(out);
    expect(record).toMatchObject({ level: 'article', heading: 'Signature', instrument: 'lighthouses' });
    expect(record.wording).toMatchObject({ level: 'article', heading: { en: 'Signature', nl: 'Ondertekening' }, languages: ['en', 'nl'] });
  });

  test('without --text there is no wording (the package ships none); a text that is not there is a clear error', async () => {
    const plain = await runCli('show', 'art. 27');
    expect(plain.code).toBe(0);
    expect(plain.out).not.toMatch(/wording:/);
    const missing = await runCli('show', 'art. 27', '--text', join(FIXTURES, 'no-such-text.md'));
    expect(missing.code).not.toBe(0);
    expect(missing.err).toMatch(/no-such-text\.md/);
  });
});

// Without the corpus these tests are skipped, and the skip says why.
if (!corpusAvailable) test.skip(`the commands on the corpus: ${CORPUS_SKIP}`, () => {});

describe.runIf(corpusAvailable)('the commands on the corpus', () => {
  test('text untoc.md --instrument untoc --check: no differences', async () => {
    const { code, out } = await runCli('text', join(CORPUS, 'untoc.md'), '--instrument', 'untoc', '--check');
    expect(code).toBe(0);
    expect(out).toMatch(/^untoc\.md against UNTOC: \d+ provisions match; no differences$/m);
  });

  test('show "SOM Protocol art. 8(6)" --text som-protocol.md: the instrument comes from the citation', async () => {
    const { code, out } = await runCli('show', 'SOM Protocol art. 8(6)', '--text', join(CORPUS, 'som-protocol.md'));
    expect(code).toBe(0);
    expect(out).toMatch(/^SOM Protocol art\. 8\(6\)/);
    expect(out.trimEnd()).toMatch(/\nwording:\nsource: text-som-protocol-md\n\n\[en\]\n.+\n\n\[nl\]\n.+$/);
  });
});

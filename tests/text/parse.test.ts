/**
 * parseTreatyText on texts written for the purpose (tests/text/fixtures: invented treaties, no treaty wording
 * copied), each reproducing the quirks of a real rendering, plus small inline cases and bad input. The real corpus is
 * read in corpus.test.ts.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { isUntocKgError, TextReadError } from '../../src/errors.js';
import { detectLanguage } from '../../src/text/language.js';
import { fullText, parseTreatyText, textProvisions, type TextProvision, type TreatyText } from '../../src/text/parse.js';
import { fixture } from './helpers.js';

/** The provision tree as short keys: `3/1/b/ii/a` is art. 3(1)(b)(ii)a. */
function outline(text: Pick<TreatyText, 'articles'>): string[] {
  const walk = (p: TextProvision, prefix: string): string[] => {
    const key = `${prefix}${p.number.replace(' ', '')}`;
    return [key, ...p.children.flatMap((c) => walk(c, `${key}/`))];
  };
  return text.articles.flatMap((a) => walk(a, ''));
}

function find(text: TreatyText, eid: string): TextProvision {
  const found = textProvisions(text).find((p) => p.eid === eid);
  if (!found) throw new Error(`no ${eid} in ${outline(text).join(' ')}`);
  return found;
}

const LIGHTHOUSES = [
  '1', '2', '2/a', '2/b', '2/c', '2/c/i', '2/c/ii', '2/d', '2/e', '2/f', '2/g', '2/h', '2/i', '2bis',
  '3', '3/1', '3/1/a', '3/1/b', '3/1/b/i', '3/1/b/ii', '3/1/b/ii/a', '3/1/b/ii/b', '3/2', '3/3', '4',
];
const WEATHER = ['1', '2', '2/a', '2/b', '3', '3/1', '3/1/a', '3/1/b', '3/2', '4'];
const BIRDS = ['1', '1/a', '1/b', '1/c', '2', '2/1', '2/1/a', '2/1/a/i', '2/1/a/ii', '2/1/b', '2/1/b/i', '2/1/b/ii', '2/1/b/iii', '2/2', '2/2/a', '2/2/b', '2/3', '3', '4', '4/1', '4/2', '4/3'];

const cases = [
  {
    file: 'lighthouses.md',
    says: 'Markdown as in the Dutch treaty database mirror: stray <meta>, Dutch title above the English one, "PreambleThe …" glued, ###I chapters and "### I ALGEMENE BEPALINGEN", article 2 bis, a single unnumbered paragraph, a) / (i) / a. levels, the letter i) after h), paragraphs running on one line, links, emphasis, <br />, a source typo, then a Dutch translation with a. / i. forms',
    languages: ['en', 'nl'],
    outline: LIGHTHOUSES,
    chapters: [
      { number: 'I', heading: { en: 'General provisions', nl: 'ALGEMENE BEPALINGEN' }, articles: ['1', '2', '2 bis', '3'] },
      { number: 'II', heading: { en: 'Final provisions', nl: 'SLOTBEPALINGEN' }, articles: ['4'] },
    ],
    headings: { art_2bis: { en: 'Lighthouses of historic value', nl: 'Vuurtorens van historische waarde' } },
    words: {
      art_1: { en: /^The purpose of this Convention .* lig hthouses safe and lit, in line with the Convention on Ships and mutatis mutandis its annexes\.$/ },
      art_2__point_i: { en: /^“Station" shall mean a lighthouse with its buildings\.$/, nl: /^„station”: een vuurtoren met zijn gebouwen\.$/ },
      art_3__para_2: { en: /designates under paragraph 1 of this article\.$/ },
      art_3__para_3: { en: /^Nothing in this article/, nl: /^Niets in dit artikel/ },
      art_3__para_1__point_b__point_ii__point_b: { en: /^The pause between two signals\.$/, nl: /^de pauze tussen twee signalen\.$/ },
    },
    notices: [],
  },
  {
    file: 'weather-un-print.txt',
    says: 'plain text in the layout of the UN Treaty Series: title in capitals, preamble, CHAPTER I / heading, Article 1 / heading / 1. / (a), lines wrapped mid-sentence (one wrapped before "(a) of this article"), DONE at … over two lines, then a French text with "Article premier", a) markers and CHAPITRE',
    languages: ['en', 'fr'],
    outline: WEATHER,
    chapters: [
      { number: 'I', heading: { en: 'GENERAL PROVISIONS', fr: 'DISPOSITIONS GÉNÉRALES' }, articles: ['1', '2'] },
      { number: 'II', heading: { en: 'EXCHANGE OF DATA', fr: 'ÉCHANGE DE DONNÉES' }, articles: ['3', '4'] },
    ],
    headings: { art_1: { en: 'Purpose', fr: 'Objet' }, art_3: { en: 'Exchange', fr: 'Échange' } },
    words: {
      art_2__point_a: { en: /^"Weather data" means observations of temperature, pressure, wind and rain, and forecasts made from them;$/ },
      art_3__para_2: { en: /under paragraph 1 \(a\) of this article\.$/, fr: /du présent article\.$/ },
      art_4: { en: /both texts being equally authentic\.$/, fr: /faisant également foi\.$/ },
    },
    notices: [],
  },
  {
    file: 'rare-birds.md',
    says: 'Markdown with the quirks of the 1988 Convention\'s rendering: preamble recitals glued by commas, (a)“Term” without a space, "(a)" alone above its items, "2. " with no words above (a), items running on one line "…; (ii)The …; (iii)…", footnotes in <sup>, "*mutatis mutandis.*In" and "*ordre public*or", an article whose paragraph 1 has no number and whose "2.The" has no space, the closing formula and DONE on one line, an ANNEX with a table, and a Dutch text with a.„term” and i.het',
    languages: ['en', 'nl'],
    outline: BIRDS,
    chapters: [],
    headings: { art_2: { en: 'Offences', nl: 'Strafbare feiten' } },
    words: {
      art_1__point_b: { en: /lay its eggs;$/, nl: /te leggen;$/ },
      art_2__para_1__point_b__point_ii: { en: /^The purchase of a nest;$/, nl: /^de aankoop van een nest;$/ },
      art_2__para_2__point_b: { en: /mutatis mutandis\. In addition/ },
      art_2__para_1__point_a: {},
      art_4: {},
      art_4__para_1: { en: /^The Parties shall co-operate to assist transit States/, nl: /^De Partijen werken samen/ },
      art_4__para_3: { en: /contrary to their ordre public or other essential interests\.$/, nl: /ordre public of andere/ },
    },
    notices: [['numbering_irregular', 'en'], ['annex_skipped', 'en'], ['numbering_irregular', 'nl']],
  },
] as const;

describe.each(cases)('$file', ({ file, languages, outline: expected, chapters, headings, words, notices }) => {
  const text = parseTreatyText(fixture(file), { source: file });

  test('gives the full provision tree, the same in every language', () => {
    expect(text.languages).toEqual(languages);
    expect(outline(text)).toEqual(expected);
    for (const p of textProvisions(text)) expect(p.languages, p.eid).toEqual(languages);
    expect(text.notices.map((n) => [n.code, n.language])).toEqual(notices);
  });

  test('gives the chapters with their headings per language', () => {
    expect(text.chapters.map(({ number, heading, articles }) => ({ number, heading, articles }))).toEqual(chapters);
  });

  test('gives each article its heading per language', () => {
    for (const a of text.articles) for (const l of languages) expect(a.heading[l], `${a.eid} ${l}`).toBeTruthy();
    for (const [eid, heading] of Object.entries(headings)) expect(find(text, eid).heading).toEqual(heading);
  });

  test('gives each provision its own words per language, and none to a provision whose words are all below it', () => {
    for (const [eid, expectations] of Object.entries(words)) {
      const p = find(text, eid);
      if (Object.keys(expectations).length === 0) expect(p.text, eid).toEqual({});
      for (const [l, pattern] of Object.entries(expectations)) expect(p.text[l], `${eid} ${l}`).toMatch(pattern as RegExp);
    }
    for (const p of textProvisions(text)) {
      for (const l of languages) {
        if (p.children.length === 0) expect(p.text[l], `${p.eid} ${l}: a provision without subdivisions has words`).toBeTruthy();
        expect(fullText(p, l), `${p.eid} ${l}`).toBeTruthy();
      }
    }
  });

  test('gives title, preamble and closing formula per language, apart from the articles', () => {
    for (const l of languages) {
      expect(text.title[l], l).toBeTruthy();
      expect(text.preamble[l], l).toMatch(/^(?:The|De|Les) /);
      expect(text.closing[l], l).toMatch(/^(?:IN WITNESS|TEN BLIJKE|DONE|FAIT)/);
    }
    const all = textProvisions(text).flatMap((p) => Object.values(p.text)).join('\n');
    expect(all).not.toMatch(/WITNESS|BLIJKE|DONE at|FAIT à|Parrot|Verdrag inzake de veiligheid|ACCORD SUR/);
  });
});

describe('the same text in other forms', () => {
  const weather = fixture('weather-un-print.txt');
  const [english, french] = weather.split(/(?=ACCORD SUR)/) as [string, string];
  const variants = [
    { name: 'CRLF line ends and a byte-order mark', input: `\ufeff${weather.replace(/\n/g, '\r\n')}`, languages: ['en', 'fr'] },
    { name: 'UTF-8 bytes with a byte-order mark', input: new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(weather)]), languages: ['en', 'fr'] },
    { name: 'UTF-16LE bytes with a byte-order mark', input: utf16le(weather), languages: ['en', 'fr'] },
    { name: 'the translation first: the language is told by its words, not its place', input: `${french}\n${english}`, languages: ['fr', 'en'] },
    { name: 'no closing formula: the translation\'s title and preamble follow the last article directly', input: weather.replace(/DONE at Geneva[^]*?twenty-six\.\n/, '').replace(/FAIT à Genève.*\n/, ''), languages: ['en', 'fr'] },
    { name: 'one language only', input: english, languages: ['en'] },
  ];
  test.each(variants)('$name', ({ input, languages }) => {
    const text = parseTreatyText(input);
    expect(text.languages).toEqual(languages);
    expect(outline(text)).toEqual(WEATHER);
    expect(find(text, 'art_4').text['en']).toBe('This Agreement is done in English and French, both texts being equally authentic.');
    expect(text.title['en']).toBe('AGREEMENT ON THE EXCHANGE OF WEATHER DATA');
    if (languages.includes('fr')) {
      expect(find(text, 'art_4').text['fr']).toBe('Le présent Accord est fait en anglais et en français, les deux textes faisant également foi.');
      expect(text.title['fr']).toBe("ACCORD SUR L'ÉCHANGE DE DONNÉES MÉTÉOROLOGIQUES");
      expect(text.preamble['fr']).toMatch(/^Les Parties au présent Accord, .* Sont convenues de ce qui suit :$/);
    }
  });

  test('the languages can be named where detection should not decide', () => {
    expect(parseTreatyText(english, { languages: ['en-GB'] }).languages).toEqual(['en-GB']);
  });
});

function utf16le(text: string): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  out[0] = 0xff;
  out[1] = 0xfe;
  for (let i = 0; i < text.length; i++) {
    out[2 + 2 * i] = text.charCodeAt(i) & 0xff;
    out[3 + 2 * i] = text.charCodeAt(i) >> 8;
  }
  return out;
}

describe('layouts and numbering the reader has not been shown elsewhere', () => {
  const cases = [
    {
      says: 'a heading on the article line, (1) paragraph markers, i) items, Chapter 2 – heading in arabic',
      input: 'Chapter 1 – Scope\n\nArticle 1 – Purpose\n\n(1) The Parties shall cooperate:\na) by meeting;\nb) by writing:\ni) letters;\nii) notes.\n(2) Nothing here binds a third State.\n\nChapter 2 – Final clauses\n\nArticle 2. Depositary\n\nThe Secretary-General is the depositary.\n',
      outline: ['1', '1/1', '1/1/a', '1/1/b', '1/1/b/i', '1/1/b/ii', '1/2', '2'],
      headings: { art_1: 'Purpose', art_2: 'Depositary' },
      chapters: [['I', 'Scope'], ['II', 'Final clauses']],
    },
    {
      says: 'articles without headings: the first line of words is not taken for one',
      input: 'Article 1\nThe Parties shall meet once a year.\n\nArticle 2\nEach Party may call an extra meeting\nwhen two others agree.\n',
      outline: ['1', '2'],
      headings: {},
      chapters: [],
    },
    {
      says: 'the letter (i) after (h) continues the list; after a colon, (i) opens items',
      input: 'Article 1\n\nUse of terms\n\n(a) A;\n(b) B;\n(c) C;\n(d) D;\n(e) E;\n(f) F;\n(g) G;\n(h) H, which includes:\n(i) H one;\n(ii) H two;\n(i) I.\n',
      outline: ['1', '1/a', '1/b', '1/c', '1/d', '1/e', '1/f', '1/g', '1/h', '1/h/i', '1/h/ii', '1/i'],
      headings: { art_1: 'Use of terms' },
      chapters: [],
    },
    {
      says: 'ARTICLE in capitals, PART I chapters, a preamble headed PREAMBLE, a paragraph that jumps a number',
      input: 'TREATY OF THE TWO RIVERS\n\nPREAMBLE\n\nThe High Contracting Parties, wishing to share the rivers, have agreed:\n\nPART I\n\nARTICLE 1\n\nShared waters\n\n1. The rivers are shared.\n3. Each Party keeps its banks.\n',
      outline: ['1', '1/1', '1/3'],
      headings: { art_1: 'Shared waters' },
      chapters: [['I', '']],
    },
  ];
  test.each(cases)('$says', ({ input, outline: expected, headings, chapters }) => {
    const text = parseTreatyText(input);
    expect(outline(text)).toEqual(expected);
    const language = text.languages[0]!;
    for (const a of text.articles) expect(a.heading[language], a.eid).toBe((headings as Record<string, string>)[a.eid]);
    expect(text.chapters.map((c) => [c.number, c.heading[language] ?? ''])).toEqual(chapters);
  });

  test('a preamble headed PREAMBLE is apart from the title, and a paragraph that jumps is noticed', () => {
    const text = parseTreatyText(cases[3]!.input);
    expect(text.title['en']).toBe('TREATY OF THE TWO RIVERS');
    expect(text.preamble['en']).toBe('The High Contracting Parties, wishing to share the rivers, have agreed:');
    expect(text.notices.map((n) => [n.code, n.line])).toEqual([['numbering_irregular', 14]]);
  });

  test('an article heading that is a wrapped sentence is not taken for a heading', () => {
    const text = parseTreatyText('Article 1\nThe purpose of this Agreement is to promote\ncooperation among the Parties.\n');
    expect(text.articles[0]!.heading).toEqual({});
    expect(text.articles[0]!.text['en']).toBe('The purpose of this Agreement is to promote cooperation among the Parties.');
  });
});

describe('fullText renders a provision with everything below it', () => {
  const text = parseTreatyText(fixture('lighthouses.md'));
  test('with the UN printed markers 1. (a) (i) a., one subdivision a line', () => {
    expect(fullText(find(text, 'art_3__para_1'), 'en').split('\n')).toEqual([
      'Each State Party shall designate an authority that:',
      '(a) Keeps a register of its lighthouses; and',
      '(b) Answers requests from other States Parties about:',
      '(i) The range of a light;',
      '(ii) The signals used in fog, in particular:',
      'a. The length of each signal; and',
      'b. The pause between two signals.',
    ]);
    expect(fullText(find(text, 'art_3'), 'nl').split('\n')[0]).toBe('1. Elke Staat die partij is, wijst een autoriteit aan die:');
    expect(fullText(find(text, 'art_3'), 'fr')).toBe('');
  });
});

describe('bad input: a typed error that says where reading stopped', () => {
  const lighthouses = fixture('lighthouses.md');
  const cut = (at: string) => lighthouses.slice(0, lighthouses.indexOf(at) + at.length);
  const cases: { says: string; input: string | Uint8Array; message: RegExp; line?: number; offset?: number; provision?: string }[] = [
    { says: 'empty', input: '', message: /empty/, line: 1, offset: 0 },
    { says: 'blank lines only', input: '\n  \n\t\n', message: /empty/ },
    { says: 'no articles', input: 'A letter\n\nDear Sir, thank you.\n', message: /no articles found/, line: 4 },
    { says: 'binary: a PNG header', input: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]), message: /binary.*NUL byte/, offset: 8, line: 3 },
    { says: 'a NUL in a string', input: 'Article 1\nText.\u0000\n', message: /binary/, line: 2, offset: 15 },
    { says: 'Latin-1 bytes', input: new Uint8Array([...new TextEncoder().encode('Article 1\n\nLes '), 0xc9, ...new TextEncoder().encode('tats Parties.\n')]), message: /not UTF-8.*0xc9/, offset: 15, line: 3 },
    { says: 'UTF-16 without a byte-order mark', input: utf16le('Article 1\n\nThe Parties agree.\n').subarray(2), message: /UTF-16 without a byte-order mark/ },
    { says: 'UTF-8 read as Windows-1252 before it reached us', input: 'Article 1\n\nThe â€œPartiesâ€\u009d agree.\n', message: /wrong encoding.*â€œ/, line: 3 },
    { says: 'replacement characters', input: 'Article 1\n\nLes \ufffdtats Parties.\n', message: /U\+FFFD/, line: 3 },
    { says: 'cut off mid-sentence', input: cut('Each State Party shall notify the Secretary-General of'), message: /cut off.*without closing punctuation/, provision: 'article 3, paragraph 2' },
    { says: 'the translation cut off after a whole paragraph', input: cut('de pauze tussen twee signalen.'), message: /last language section stops at article 3, paragraph 1, subparagraph b, item ii, subitem b, where the first goes on to art\. 4/, provision: 'article 3, paragraph 1, subparagraph b, item ii, subitem b' },
    { says: 'cut off at an article heading', input: cut('### Artikel  4'), message: /cut off.*no words/, provision: 'article 4' },
  ];
  test.each(cases)('$says', ({ input, message, line, offset, provision }) => {
    let error: unknown;
    try {
      parseTreatyText(input, { source: 'input.md' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(TextReadError);
    const e = error as TextReadError;
    expect(e.code).toBe('text_unreadable');
    expect(e.message).toMatch(/^parseTreatyText: input\.md: /);
    expect(e.message).toMatch(message);
    if (line !== undefined) expect(e.line).toBe(line);
    if (offset !== undefined) expect(e.offset).toBe(offset);
    if (provision !== undefined) expect(e.provision).toBe(provision);
    expect(e.message).toMatch(/reading stopped at/);
  });

  test('a cut-off text can still be read when asked to', () => {
    const text = parseTreatyText(cut('Each State Party shall notify the Secretary-General of'), { truncated: 'ignore' });
    expect(outline(text)).toEqual(LIGHTHOUSES.slice(0, LIGHTHOUSES.indexOf('3/2') + 1));
  });

  test('not a string or bytes', () => {
    expect(() => parseTreatyText(42 as never)).toThrow(expect.objectContaining({ code: 'text_unreadable' }));
  });

  test('property: any prefix of a text, and any bytes, give a tree or text_unreadable, never another failure', () => {
    const bytes = new TextEncoder().encode(lighthouses);
    fc.assert(
      fc.property(fc.oneof(fc.nat({ max: bytes.length }).map((n) => bytes.subarray(0, n)), fc.uint8Array({ maxLength: 300 })), (input) => {
        try {
          const text = parseTreatyText(input);
          expect(text.articles.length).toBeGreaterThan(0);
        } catch (e) {
          expect(isUntocKgError(e) && e.code).toBe('text_unreadable');
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('detectLanguage', () => {
  const cases = [
    { says: 'a Dutch line whose only function words English has too ("of": or) is not taken for English', input: 'strafbare feiten die criminele organisaties hebben gepleegd of kunnen plegen', minimum: 1, out: 'und' },
    { says: 'Dutch', input: 'De Staten die partij zijn, nemen de maatregelen die nodig zijn om het verdrag uit te voeren', minimum: 3, out: 'nl' },
    { says: 'English', input: 'The States Parties shall cooperate with each other', minimum: 3, out: 'en' },
    { says: 'French', input: 'Les États Parties coopèrent dans la mesure du possible', minimum: 3, out: 'fr' },
    { says: 'a heading too short to tell', input: 'Law enforcement cooperation', minimum: 3, out: 'und' },
  ];
  test.each(cases)('$says', ({ input, minimum, out }) => {
    expect(detectLanguage(input, minimum)).toBe(out);
  });
});

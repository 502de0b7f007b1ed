/**
 * checkText: the invented Lighthouse Convention (tests/text/fixtures: lighthouses.md and its structure in
 * lighthouses.yaml) against the graph, as written and with one difference made at a time. Each case says what was
 * changed and which typed findings it must give.
 */
import { describe, expect, test } from 'vitest';
import { checkText, instrumentOfText, type TextFinding } from '../../src/text/check.js';
import { parseTreatyText, type TreatyText } from '../../src/text/parse.js';
import { fixture, lighthouseGraph } from './helpers.js';

const kg = lighthouseGraph();
const original = fixture('lighthouses.md');
const [english, dutch] = original.split(/(?=####Verdrag inzake de veiligheid van vuurtorens\n\nPreambule)/) as [string, string];

function check(text: string, options: { instrument?: string } = { instrument: 'lighthouses' }) {
  return checkText(kg, parseTreatyText(text, { source: 'lighthouses.md' }), options);
}

/** The parts of a finding a test states. */
function brief(f: TextFinding) {
  return { kind: f.kind, eid: f.eid, severity: f.severity, ...(f.text !== undefined && { text: f.text }), ...(f.graph !== undefined && { graph: f.graph }) };
}

describe('the text as written', () => {
  test('has the graph\'s structure and headings: no finding, every provision and chapter matched', () => {
    const result = check(original);
    expect(result.findings).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.matched).toBe(25 + 2);
    expect(result).toMatchObject({ instrument: 'lighthouses', source: 'lighthouses.md', languages: ['en', 'nl'], headingLanguage: 'en' });
  });

  test('the instrument is told from the title when it is not named', () => {
    expect(check(original, {}).instrument).toBe('lighthouses');
    expect(instrumentOfText(kg, parseTreatyText(original)).id).toBe('lighthouses');
  });
});

const P3_EN = '   3.   Nothing in this article shall prevent a State Party from designating more than one authority.';
const P3_NL = '   3.   Niets in dit artikel belet een Staat die partij is meer dan een autoriteit aan te wijzen.';

const cases: { says: string; edit: (text: string) => string; findings: ReturnType<typeof brief>[]; ok: boolean }[] = [
  {
    says: 'paragraph 3 of article 3 left out in both languages',
    edit: (t) => t.replace(P3_EN, '').replace(P3_NL, ''),
    findings: [{ kind: 'missing_paragraph', eid: 'art_3__para_3', severity: 'error', graph: '3' }],
    ok: false,
  },
  {
    says: 'an item (iii) added to article 2 (c) in both languages',
    edit: (t) => t.replace('(ii) Carried on a lightship; ', '(ii) Carried on a lightship; or\n\n(iii) Painted on a rock; ').replace('ii. op een lichtschip wordt meegevoerd;', 'ii. op een lichtschip wordt meegevoerd; of\n\niii. op een rots is geschilderd;'),
    findings: [{ kind: 'extra_item', eid: 'art_2__point_c__point_iii', severity: 'error', text: 'iii' }],
    ok: false,
  },
  {
    says: 'the heading of article 4 changed',
    edit: (t) => t.replace('####Signature', '####Signing'),
    findings: [{ kind: 'heading_differs', eid: 'art_4', severity: 'error', text: 'Signing', graph: 'Signature' }],
    ok: false,
  },
  {
    says: 'the heading of chapter II changed',
    edit: (t) => t.replace('####Final provisions', '####Final clauses'),
    findings: [{ kind: 'heading_differs', eid: 'chp_2', severity: 'error', text: 'Final clauses', graph: 'Final provisions' }],
    ok: false,
  },
  {
    says: 'a heading that differs only in case and spacing',
    edit: (t) => t.replace('####Use of terms', '####USE  OF TERMS'),
    findings: [],
    ok: true,
  },
  {
    says: 'article 2 bis left out in both languages',
    edit: (t) => t.replace(/### Article {2}2 bis[^]*?(?=### Article {2}3)/, '').replace(/### Artikel {2}2 bis[^]*?(?=### Artikel {2}3)/, ''),
    findings: [
      { kind: 'chapter_articles_differ', eid: 'chp_1', severity: 'error', text: '1, 2, 3', graph: '1, 2, 2 bis, 3' },
      { kind: 'missing_article', eid: 'art_2bis', severity: 'error', graph: '2 bis' },
    ],
    ok: false,
  },
  {
    says: 'an article 5 added in both languages',
    edit: (t) =>
      t
        .replace('This Convention shall be open for signature by all States. ', 'This Convention shall be open for signature by all States.\n\n### Article  5  \n\n####Entry into force\n\nThis Convention shall enter into force on signature.')
        .replace('Dit Verdrag staat open voor ondertekening door alle Staten.', 'Dit Verdrag staat open voor ondertekening door alle Staten.\n\n### Artikel  5  \n\n####Inwerkingtreding\n\nDit Verdrag treedt in werking bij ondertekening.'),
    findings: [
      { kind: 'chapter_articles_differ', eid: 'chp_2', severity: 'error', text: '4, 5', graph: '4' },
      { kind: 'extra_article', eid: 'art_5', severity: 'error', text: '5' },
    ],
    ok: false,
  },
  {
    says: 'a subparagraph (i) left out of article 2',
    edit: (t) => t.replace(/\ni\) ``Station"[^\n]*\n/, '\n').replace(/\ni\. „station”[^\n]*\n/, '\n').replace('h) ``Signal" shall mean a sound made in fog; ', 'h) ``Signal" shall mean a sound made in fog.').replace('wordt gegeven;', 'wordt gegeven.'),
    findings: [{ kind: 'missing_subparagraph', eid: 'art_2__point_i', severity: 'error', graph: 'i' }],
    ok: false,
  },
  {
    says: 'the Dutch text lacks paragraph 3 of article 3: a warning, the structure still matches',
    edit: (t) => t.replace(P3_NL, ''),
    findings: [{ kind: 'missing_in_language', eid: 'art_3__para_3', severity: 'warning' }],
    ok: true,
  },
  {
    says: 'the English text only',
    edit: () => english,
    findings: [],
    ok: true,
  },
];

describe.each(cases)('$says', ({ edit, findings, ok }) => {
  test('gives exactly these typed findings', () => {
    const result = check(edit(original));
    expect(result.findings.map(brief)).toEqual(findings);
    expect(result.ok).toBe(ok);
    for (const f of result.findings) {
      expect(f.provision).toBe(`https://w3id.org/untoc-kg/eli/test/convention/2026/lighthouses/${f.eid.replaceAll('__', '/')}`);
      expect(f.message.length).toBeGreaterThan(20);
      expect(f.citation).toMatch(/^Lighthouse Convention /);
    }
  });
});

describe('what else the check reports', () => {
  test('a missing translation is named by its language', () => {
    const [finding] = check(original.replace(P3_NL, '')).findings;
    expect(finding).toMatchObject({ kind: 'missing_in_language', language: 'nl' });
  });

  test('the Dutch text alone: the structure is compared, the headings cannot be', () => {
    const result = check(dutch);
    expect(result).toMatchObject({ ok: true, findings: [], languages: ['nl'], headingLanguage: undefined });
  });

  test('where the graph lists only some provisions, what the text has besides is a warning', () => {
    const partial = lighthouseGraph((y) => y.replace('    heading: Designation of authorities\n', '    heading: Designation of authorities\n    partial: true\n').replace('      - 2\n      - 3\n', ''));
    const result = checkText(partial, parseTreatyText(original), { instrument: 'lighthouses' });
    expect(result.findings.map(brief)).toEqual([
      { kind: 'extra_paragraph', eid: 'art_3__para_2', severity: 'warning', text: '2' },
      { kind: 'extra_paragraph', eid: 'art_3__para_3', severity: 'warning', text: '3' },
    ]);
    expect(result.ok).toBe(true);
  });

  test('provisions in another order', () => {
    const text = parseTreatyText(original);
    const art3 = text.articles[3]!;
    const swapped: TreatyText = { ...text, articles: text.articles.map((a) => (a === art3 ? { ...a, children: [a.children[1]!, a.children[0]!, a.children[2]!] } : a)) };
    const result = checkText(kg, swapped, { instrument: 'lighthouses' });
    expect(result.findings.map(brief)).toEqual([{ kind: 'order_differs', eid: 'art_3__para_2', severity: 'error', text: '2, 1, 3', graph: '1, 2, 3' }]);
  });

  test('a provision without words in a language is a warning where the gap starts', () => {
    const text = parseTreatyText(original);
    const strip = (p: TreatyText['articles'][number]): TreatyText['articles'][number] => ({ ...p, text: { en: p.text['en'] ?? '' }, children: p.children.map(strip) });
    const result = checkText(kg, { ...text, articles: text.articles.map((a) => (a.eid === 'art_3' ? strip(a) : a)) }, { instrument: 'lighthouses' });
    expect(result.findings.map(brief)).toEqual([{ kind: 'no_wording', eid: 'art_3', severity: 'warning' }]);
  });

  test('something other than a parsed text is a typed error', () => {
    expect(() => checkText(kg, 'Article 1' as never)).toThrow(expect.objectContaining({ code: 'invalid_input' }));
  });

  test('an instrument the graph does not hold, or a title that names none, is a typed error', () => {
    expect(() => check(original, { instrument: 'lighthouse' })).toThrow(expect.objectContaining({ code: 'unknown_instrument', suggestions: expect.arrayContaining(['lighthouses']) }));
    expect(() => check(original.replaceAll('Convention on the Safety of Lighthouses', 'Treaty of Nowhere').replaceAll('Verdrag inzake de veiligheid van vuurtorens', 'Verdrag van Nergens'), {})).toThrow(
      expect.objectContaining({ code: 'unknown_instrument', message: expect.stringMatching(/cannot tell which instrument/) }),
    );
  });
});

/**
 * The line-by-line audit of data/ (issue 12): one test per finding, each of which failed on the data before the fix,
 * plus the rules every fact follows (a `source` link says where in the source; every source key used is defined and
 * every defined one is used; a summary keeps the strength of the obligation and its conditions, checked against the
 * treaty texts in ../shared/corpus), and the new facts of shared/reference/sources-2.md.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, test } from 'vitest';
import { loadGraph } from '../../src/kg.js';
import { resolveCitation } from '../../src/citation/resolve.js';
import { toolsAddressing } from '../../src/query/tools.js';
import { parseTreatyText, type TextProvision } from '../../src/text/parse.js';
import { CORPUS_SKIP, corpusAvailable, readCorpus, ROOT } from '../helpers/paths.js';

const kg = loadGraph();
const { dataset, index } = kg;
const provisionId = (citation: string) => resolveCitation(kg, citation).targets[0]!.id;
const toolIri = (tool: string) => index.tools.get(tool)!.iri;
const partIri = (tool: string, path: string) => `${toolIri(tool)}/${path}`;
const part = (tool: string, path: string) => dataset.parts.find((p) => p.id === partIri(tool, path))!;
const tool = (id: string) => dataset.tools.find((t) => t.id === id)!;
const source = (id: string) => dataset.sources.find((s) => s.id === id);
const linksFrom = (from: string) => dataset.links.filter((l) => l.from === from);
const summaryOf = (citation: string) => index.provisionRecord(provisionId(citation))!.summary ?? '';

describe('1. the firearms category names no clause, and no query reports one', () => {
  test('no asserted link reaches Firearms Protocol art. 13(2) from the directory', () => {
    const clause = provisionId('Firearms Protocol art. 13(2)');
    expect(dataset.links.filter((l) => l.to === clause && l.property === 'addresses')).toEqual([]);
    expect(toolsAddressing(kg, 'Firearms Protocol art. 13(2)').results).toEqual([]);
    expect(index.categories.get('firearms')!.basis).toBe('unconfirmed');
  });
});

describe('2. summaries keep the strength of the obligation and its conditions', () => {
  // The findings of the audit, each with the words that were dropped or misstated.
  test.each([
    ['SOM Protocol art. 11(3)', [/^Where appropriate, and without prejudice to applicable international conventions/, /shall include an obligation for commercial carriers/]],
    ['SOM Protocol art. 10(1)', [/in particular those with common borders or located on smuggling routes/, /matters such as/, /consistent with their respective domestic legal and administrative systems/]],
    ['SOM Protocol art. 9(2)', [/provided that the vessel has not committed any act justifying the measures taken/]],
    ['UNTOC art. 27(1)(c)', [/when appropriate/]],
    ['UNTOC art. 27(2)', [/shall consider/, /may consider/]],
    ['UNTOC art. 27(3)', [/shall endeavour/, /within their means/]],
    ['SOM Protocol art. 8(2)', [/if confirmed/]],
    ['SOM Protocol art. 8(2)(c)', [/as authorized by the flag State/]],
    ['SOM Protocol art. 11(1)', [/to the extent possible/]],
  ] as const)('%s', (citation, patterns) => {
    const summary = summaryOf(citation);
    for (const pattern of patterns) expect(summary).toMatch(pattern);
  });

  test('SOM art. 11(3) puts the duty on States, not on carriers', () => {
    expect(summaryOf('SOM Protocol art. 11(3)')).not.toMatch(/^Commercial carriers must/);
  });

  /**
   * Every summary, against the provision's own words in the corpus: a qualifier or a modal the text uses must be in the
   * summary too. Each rule: what the text says, what the summary must then say.
   */
  const RULES: readonly (readonly [RegExp, RegExp])[] = [
    [/\bshall\b/, /\bshall\b/],
    [/\bmay\b(?! have\b| be\b)/, /\bmay\b/],
    [/shall consider/, /shall consider/],
    [/may consider/, /may consider/],
    [/shall endeavour/, /endeavour/],
    [/to the fullest extent possible/, /to the fullest extent possible/],
    [/to the extent possible/, /to the extent possible/],
    [/within (?:their|its|available) means/, /within (?:their|its|available) means/],
    [/\b(?:when|where|as|it) appropriate\b|deem it appropriate/, /appropriate/],
    [/where necessary/, /where necessary/],
    [/where applicable/, /where applicable/],
    [/if confirmed/, /if confirmed/],
    [/as authorized by the flag State/, /as authorized by the flag State/],
    [/provided that/, /provided that/],
    [/without prejudice to/, /without prejudice to/i],
    [/in particular/, /in particular/],
    [/such as:/, /such as/],
    [/consistent with their respective domestic legal and administrative systems/, /consistent with their respective domestic legal and administrative systems/],
    [/reasonable grounds/, /reasonable grounds/],
    [/subject to bilateral agreements/, /subject to bilateral agreements/],
    [/in accordance with its domestic law/, /in accordance with its domestic law/],
    [/within one month/, /within one month/],
  ];

  // Without the corpus these tests are skipped, and the skip says why.
  if (!corpusAvailable) test.skip(`summaries against the texts ${CORPUS_SKIP}`, () => {});

  test.runIf(corpusAvailable).each(['untoc', 'som-protocol', 'tip-protocol'] as const)('every summary of %s keeps the qualifiers of its text', (file) => {
    const own = new Map<string, string>();
    const walk = (p: TextProvision) => {
      own.set(p.eid, p.text['en'] ?? '');
      p.children.forEach(walk);
    };
    parseTreatyText(readCorpus(file), { source: file }).articles.forEach(walk);
    const missing: string[] = [];
    const summarized = dataset.provisions.filter((p) => p.instrument === file && p.summary !== undefined);
    for (const p of summarized) {
      const text = own.get(p.eid);
      expect(text, p.eid).toBeDefined();
      for (const [said, kept] of RULES) if (said.test(text!) && !kept.test(p.summary!)) missing.push(`${p.eid}: ${said.source}`);
    }
    expect(missing).toEqual([]);
  });
});

describe('3. each page number points at the edition it comes from', () => {
  test('S9 is the 2004 volume, R6 the advance copy; they are different copies', () => {
    expect(source('S9')!.url).toBe('https://fr.scribd.com/document/361575174/Legislative-Guide-for-Smuggling');
    expect(source('R6')!.url).toBe('https://vdocuments.us/english-migrants-protocol-guide.html');
  });

  test('Part Three: the 2004 volume\'s pages (the edition `publication` describes), and the advance copy\'s own (sources-2.md §2.1)', () => {
    const pages = (path: string) => {
      const p = part('legislative-guides', path);
      return [p.pages, p.pagesIn?.map((x) => [x.source, x.pages])];
    };
    expect(tool('legislative-guides').publication).toMatchObject({ jobNumber: 'V.04-50413', editions: [expect.objectContaining({ source: 'R6', pages: 62 })] });
    expect(pages('part_3')).toEqual(['321–395', [['R6', '1–57']]]);
    expect(pages('part_3/sec_1')).toEqual(['323', [['R6', '1']]]);
    expect(pages('part_3/sec_1/sec_1-b')).toEqual(['327', [['R6', '4']]]);
    expect(pages('part_3/sec_2/sec_2-a')).toEqual(['337', [['R6', '11']]]);
    expect(pages('part_3/sec_2/sec_2-b')).toEqual(['359', [['R6', '28']]]);
    expect(pages('part_3/sec_2/sec_2-c')).toEqual(['369', [['R6', '36']]]);
    expect(pages('part_3/sec_2/sec_2-d')).toEqual(['377', [['R6', '42']]]);
    expect(pages('part_3/annex')).toEqual(['395', [['R6', '57']]]);
  });

  test('a part with pages in another edition names that edition\'s source among its own', () => {
    for (const p of dataset.parts) for (const other of p.pagesIn ?? []) expect(p.sources, p.id).toContain(other.source);
  });
});

describe('4. Germany\'s notification is no evidence for the directory\'s categories', () => {
  test('the smuggling-by-sea category\'s link to SOM art. 8(6) rests on the text (curated, S2) only', () => {
    const links = linksFrom(partIri('cna-directory', 'smuggling-of-migrants-by-sea')).filter((l) => l.property === 'addresses');
    expect(links.map((l) => [l.basis, l.source, l.locator])).toEqual([['curated', 'S2', 'SOM Protocol art. 8(6)']]);
    expect(dataset.links.filter((l) => l.source === 'whatconvention-de')).toEqual([]);
  });
});

describe('5. the discrepancy\'s explanation names its source', () => {
  test('the travaux préparatoires (S11) are defined and cited; S7 is used', () => {
    expect(source('S11')).toMatchObject({ note: expect.stringContaining('528') });
    const disputed = dataset.links.filter((l) => l.status === 'disputed');
    expect(disputed).toHaveLength(1);
    expect(disputed[0]!.discrepancy).toMatch(/S11, pp\. 528–529/);
    expect(index.categories.get('smuggling-of-migrants-by-sea')!.sources).toContain('S11');
    expect(tool('cna-directory').sources).toContain('S7');
  });
});

describe('6. inferences are not labelled as sourced', () => {
  test('the Framework for Action\'s tables carry no number or title of their own (the seed gives neither)', () => {
    const tables = dataset.parts.filter((p) => p.tool === 'framework-for-action');
    expect(tables).toHaveLength(4);
    for (const t of tables) {
      expect(t.label).not.toMatch(/\d/);
      expect(t.title).toBeUndefined();
    }
    for (const theme of dataset.themes) expect(theme.definition ?? '').not.toMatch(/table \d/i);
  });

  test('the directory\'s theme "cooperation" is this project\'s reading, with the reason', () => {
    const [link] = linksFrom(toolIri('cna-directory')).filter((l) => l.property === 'subject');
    expect(link).toMatchObject({ basis: 'curated', note: expect.stringContaining('does not name cooperation') });
  });

  test('the Legislative Guides are not said to have one part per instrument', () => {
    expect(tool('legislative-guides').summary).not.toMatch(/one part per instrument/);
  });
});

describe('7. what the seed says a part addresses is its subject, not its printed title', () => {
  test.each([
    ['basic-training-manual', 'module_8', 'international cooperation'],
    ['in-depth-training-manual', 'module_8', 'law enforcement cooperation and information-sharing'],
    ['assessment-guide', 'chp_6', 'border control, carrier liability and sea patrol'],
  ])('%s %s', (toolId, path, subject) => {
    const p = part(toolId, path);
    expect(p.title).toBeUndefined();
    expect(p.summary).toContain(subject);
  });
});

describe('8. every `source` link says where in the source', () => {
  test('a locator on each', () => {
    const missing = dataset.links.filter((l) => l.basis === 'source' && l.locator === undefined).map((l) => `${l.from} → ${l.to} (${l.source})`);
    expect(missing).toEqual([]);
  });

  test.each([
    ['legislative-guides', 'part_2', 'S9'],
    ['legislative-guides', 'part_3', 'S9'],
    ['basic-training-manual', 'module_9', 'btm-module-9'],
  ])('%s %s (%s)', (toolId, path, key) => {
    const links = linksFrom(partIri(toolId, path)).filter((l) => l.source === key);
    expect(links.length).toBeGreaterThan(0);
    for (const l of links) expect(l.locator).toBeTruthy();
  });
});

describe('9. scope judgements, revisited with the texts', () => {
  test('the Issue Paper\'s section 3.1 (detection, interception, rescue), not the whole paper, addresses SOM chapter II', () => {
    const chapter = provisionId('SOM Protocol chapter II');
    expect(linksFrom(toolIri('issue-paper-sea')).filter((l) => l.to === chapter)).toEqual([]);
    expect(linksFrom(partIri('issue-paper-sea', 'sec_3/sec_3-1')).filter((l) => l.to === chapter)).toEqual([
      expect.objectContaining({ basis: 'curated', source: 'S10', note: expect.stringContaining('interception') }),
    ]);
  });

  test('In-depth module 8 (law enforcement cooperation and information-sharing) addresses UNTOC art. 27, SOM art. 10 and UNTOC art. 28', () => {
    const links = linksFrom(partIri('in-depth-training-manual', 'module_8')).filter((l) => l.property === 'addresses');
    expect(links.map((l) => [l.to, l.basis]).sort()).toEqual(
      [[provisionId('UNTOC art. 27'), 'curated'], [provisionId('SOM Protocol art. 10'), 'curated'], [provisionId('UNTOC art. 28'), 'curated']].sort(),
    );
    for (const l of links) expect(l.note).toBeTruthy();
  });

  test('transfer of sentenced persons stays on UNTOC art. 17: no transfer clause of the 1988 Convention is confirmed', () => {
    const links = linksFrom(partIri('cna-directory', 'transfer-of-sentenced-persons'));
    expect(links.map((l) => l.to)).toEqual([provisionId('UNTOC art. 17')]);
    expect(links[0]!.note).toMatch(/1988 Convention is not confirmed/);
    expect(index.categories.get('transfer-of-sentenced-persons')!.note).toMatch(/not confirmed/);
  });
});

/** The values of every `source` and `sources` key in a parsed data file (an inline source definition counts as defined). */
function sourceKeys(value: unknown, used: Set<string>, defined: Set<string>): void {
  if (Array.isArray(value)) {
    for (const v of value) sourceKeys(v, used, defined);
    return;
  }
  if (value === null || typeof value !== 'object') return;
  for (const [key, v] of Object.entries(value)) {
    if (key === 'source' && typeof v === 'string') used.add(v);
    else if (key === 'sources' && Array.isArray(v)) {
      for (const s of v) {
        if (typeof s === 'string') used.add(s);
        else if (s && typeof s === 'object' && 'id' in s) defined.add(String((s as { id: unknown }).id));
      }
    } else sourceKeys(v, used, defined);
  }
}

describe('sources: every key used is defined, every defined one is used', () => {
  const DATA = join(ROOT, 'data');
  const files = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? (e.name === 'examples' ? [] : files(join(dir, e.name))) : e.name.endsWith('.yaml') ? [join(dir, e.name)] : []));

  test('across the curated files', () => {
    const used = new Set<string>();
    const inline = new Set<string>();
    const defined = new Set<string>();
    for (const file of files(DATA)) {
      const data = parse(readFileSync(file, 'utf8')) as { type: string; sources?: { id: string }[] };
      if (data.type === 'sources') data.sources!.forEach((s) => defined.add(s.id));
      else sourceKeys(data, used, inline);
      expect(relative(DATA, file)).not.toMatch(/^examples/);
    }
    expect([...used].filter((key) => !defined.has(key) && !inline.has(key)).sort()).toEqual([]);
    expect([...defined].filter((key) => !used.has(key)).sort()).toEqual([]);
  });
});

describe('new facts from shared/reference/sources-2.md', () => {
  test('Latvia\'s law approving the Protocol: a second State practice citing SOM art. 8(6) (§6)', () => {
    const latvia = dataset.authorities.filter((a) => a.state === 'LV');
    expect(latvia.map((a) => [a.name, a.source, a.designatedUnder])).toEqual([
      ['Ministry of the Interior', 'latvia-som-law', [provisionId('SOM Protocol art. 8(6)')]],
      ['Ministry of Transport', 'latvia-som-law', [provisionId('SOM Protocol art. 8(6)')]],
    ]);
    expect(source('latvia-som-law')).toMatchObject({ note: expect.stringContaining('machine translation') });
  });

  test('the Model Law\'s language editions, each with its job number and page count (§1.2); Russian (partial) and Chinese (not found) stay out', () => {
    const { publication } = tool('model-law');
    expect(publication).toMatchObject({ jobNumber: 'V.10-52715', pages: 116 });
    expect(publication!.editions!.map((e) => [e.language, e.jobNumber, e.pages, e.source])).toEqual([
      ['fr', 'V.10-52716', 124, 'R1'],
      ['es', 'V.10-52718', 126, 'R2'],
      ['ar', 'V.10-52714', 116, 'R3'],
    ]);
    // Page numbers differ by edition, so none is stored per article.
    expect(JSON.stringify(dataset.provisions.filter((p) => p.instrument === 'model-law'))).not.toMatch(/"pages?"/);
  });

  test('the French edition of the Framework for Action (§3.4)', () => {
    expect(tool('framework-for-action').publication!.editions).toEqual([expect.objectContaining({ source: 'R11', language: 'fr', jobNumber: 'V.11-84771' })]);
  });

  test('Part Three of the Legislative Guides opens with "Structure of the legislative guide" (§2.1)', () => {
    expect(part('legislative-guides', 'part_3/sec_1/sec_1-a/sec_1-a-1')).toMatchObject({ title: 'Structure of the legislative guide', sources: ['S9', 'R6'] });
  });
});

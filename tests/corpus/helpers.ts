/**
 * A small hand-written research corpus in the shape SHERLOC's records have (sources-2.md §5), for the corpus tests.
 * Every record is example data and says so: ids start with EXAMPLE, titles end in "(example)". No record describes a
 * real law or case.
 */
export const EXAMPLE_CORPUS = [
  { type: 'corpus', id: 'example', title: 'Example research corpus (synthetic test data)', synthetic: true, note: 'Hand-written records for tests; not real laws or cases.' },
  { type: 'source', id: 'example-db', title: 'Example case database (synthetic)', url: 'https://example.org/cases' },
  { type: 'legislation', id: 'EXAMPLE-it-tui', state: 'IT', title: 'Example immigration act (example)', date: '1998-07-25', abbreviations: ['TUI'], languages: ['it', 'en'] },
  {
    type: 'section', legislation: 'EXAMPLE-it-tui', number: '12', heading: { en: 'Provisions against illegal immigration (example)' },
    text: { en: 'Whoever procures the illegal entry of a person commits an offence (example text; see article 6 of the Smuggling of Migrants Protocol).' },
    implements: [{ provision: 'SOM Protocol art. 6(1)(a)', basis: 'curated', note: 'The section criminalizes procuring illegal entry (example judgement).' }],
  },
  { type: 'section', legislation: 'EXAMPLE-it-tui', number: '1', parent: '12', text: { en: 'Aggravated where lives are endangered (example text).' } },
  { type: 'legislation', id: 'EXAMPLE-de-aufenthg', state: 'DEU', title: 'Example residence act (example)', abbreviations: ['AufenthG'] },
  {
    type: 'section', legislation: 'EXAMPLE-de-aufenthg', number: '96',
    implements: [{ provision: 'SOM Protocol art. 6', basis: 'source', source: 'example-db', locator: 'record 96 (example)' }],
  },
  {
    type: 'case', id: 'EXAMPLE-ITAx041', state: 'IT', title: 'Example v. Example (example)', court: 'Example Court of Appeal', decisionDate: '2014-05-12',
    crimeTypes: ['Smuggling of migrants'], factSummary: { en: 'The defendants were charged under art. 12 TUI and article 6 of the Smuggling of Migrants Protocol (example).' },
    charges: [{ section: 'EXAMPLE-it-tui#12', charge: 'Aiding illegal entry (example)', verdict: 'Guilty' }],
    applies: [
      { provision: 'SOM Protocol art. 6(3)(a)', basis: 'curated', note: 'Lives endangered at sea (example).' },
      { provision: 'SOM Protocol art. 6(1)(a)', basis: 'curated', note: 'Procuring illegal entry (example).' },
      { section: 'EXAMPLE-it-tui#12', basis: 'source', source: 'example-db', locator: 'charges (example)' },
    ],
  },
  {
    type: 'case', id: 'EXAMPLE-DEU-001', state: 'DE', title: 'Example prosecution (example)', decisionDate: '2019-01-31', crimeTypes: ['Trafficking in persons'],
    applies: [{ provision: 'SOM Protocol art. 6(3)(a)', basis: 'curated', note: 'Example judgement.' }],
  },
] as const;

/** The example corpus as JSON Lines text. */
export function exampleLines(records: readonly object[] = EXAMPLE_CORPUS): string {
  return records.map((r) => JSON.stringify(r)).join('\n');
}

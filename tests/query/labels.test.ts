/**
 * Provision labels are written once, when the index is built, from the eId's segments (src/model/labels.ts), not by
 * reading the eId back as a citation: they must be the text `provisionLabel` (citation/format.ts) gives, for every
 * provision of the curated graph and for the shapes it has no example of (a user's instrument, lettered articles).
 */
import { describe, expect, test } from 'vitest';
import { provisionLabel } from '../../src/citation/format.js';
import { loadGraph } from '../../src/kg.js';
import { labelOfProvision } from '../../src/model/labels.js';
import { sortByStateAndName, summarizeAuthority } from '../../src/query/designations.js';
import { headingOf } from '../../src/query/views.js';

const kg = loadGraph();

describe('labelOfProvision', () => {
  test('equals provisionLabel for every provision of the curated graph, and the index holds it', () => {
    for (const record of kg.dataset.provisions) {
      const abbreviation = kg.index.instrumentRecord(record.instrument)?.abbreviation ?? record.instrument;
      const expected = provisionLabel(record, abbreviation);
      expect(labelOfProvision(record, abbreviation), record.id).toBe(expected);
      expect(kg.index.labelOf(record.id), record.id).toBe(expected);
    }
    for (const instrument of kg.dataset.instruments) expect(kg.index.labelOf(instrument.iri)).toBe(instrument.abbreviation);
  });

  // Shapes the curated graph may lack: each source says where the shape comes from.
  test.each([
    { record: { instrument: 'untoc', eid: 'art_2__point_i' }, abbreviation: 'UNTOC', from: 'art. 2 has no paragraphs (DESIGN.md §2)' },
    { record: { instrument: 'som-protocol', eid: 'chp_2' }, abbreviation: 'SOM Protocol', from: 'chapters in roman numerals' },
    { record: { instrument: 'model-law', eid: 'art_5-a' }, abbreviation: 'Model Law', from: 'the Model Law’s lettered article 5.A' },
    { record: { instrument: 'model-law', eid: 'art_5-a__para_1' }, abbreviation: 'MLSOM', from: 'an abbreviation the citation does not start with' },
    { record: { instrument: 'lighthouses', eid: 'art_3__para_1__point_b' }, abbreviation: 'Lighthouse Convention', from: 'a user’s instrument (tests/text/fixtures)' },
    { record: { instrument: 'lighthouses', eid: 'chp_2' }, abbreviation: 'Lighthouse Convention', from: 'a user’s instrument’s chapter' },
    { record: { instrument: 'lighthouses', eid: 'not an eid' }, abbreviation: 'Lighthouse Convention', from: 'an eId that does not parse' },
  ])('$from', ({ record, abbreviation }) => {
    expect(labelOfProvision(record, abbreviation)).toBe(provisionLabel(record, abbreviation));
  });
});

describe('the views the index writes', () => {
  test('every provision\'s view has its label, its heading (or its article\'s), its level and summary; every instrument\'s its abbreviation and title', () => {
    for (const record of kg.dataset.provisions) {
      expect(kg.index.viewOf(record.id), record.id).toEqual({
        iri: record.id,
        citation: kg.index.labelOf(record.id),
        instrument: record.instrument,
        level: record.level,
        heading: headingOf(kg, record),
        summary: record.summary ?? null,
      });
      expect(Object.isFrozen(kg.index.viewOf(record.id))).toBe(true);
    }
    for (const i of kg.dataset.instruments) {
      expect(kg.index.viewOf(i.iri)).toEqual({ iri: i.iri, citation: i.abbreviation, instrument: i.id, level: 'instrument', heading: i.title, summary: null });
    }
  });

  test('the authorities under each provision are in the order answers show them (State, name, snapshot), sorted once with the index', () => {
    for (const id of new Set(kg.dataset.authorities.flatMap((a) => a.designatedUnder))) {
      const summaries = kg.index.authoritiesUnder(id).map((r) => summarizeAuthority(kg, r));
      expect(summaries.map((s) => s.id)).toEqual(sortByStateAndName([...summaries]).map((s) => s.id));
    }
  });
});

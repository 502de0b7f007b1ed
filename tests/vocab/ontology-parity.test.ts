/**
 * The ontology file and the code agree: every ukg: term the code declares is in ontology/untoc-kg.ttl with a label
 * and a comment, every term the ontology declares is one the code declares, and every ukg: IRI the export writes is
 * declared. No module other than src/vocab spells out the ontology namespace.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Parser } from 'n3';
import { describe, expect, test } from 'vitest';
import { loadGraph } from '../../src/kg.js';
import { datasetQuads } from '../../src/rdf/quads.js';
import { UKG, RDFS } from '../../src/vocab/terms.js';
import { ROOT } from '../helpers/paths.js';

const NS = UKG.$iri;
const ontology = new Parser().parse(readFileSync(join(ROOT, 'ontology', 'untoc-kg.ttl'), 'utf8'));
const declared = new Set(ontology.filter((q) => q.subject.value.startsWith(NS)).map((q) => q.subject.value.slice(NS.length)));

describe('ontology parity', () => {
  test('the ontology declares exactly the terms the code declares', () => {
    const code = new Set<string>(UKG.$terms);
    expect([...code].filter((t) => !declared.has(t)), 'used in code, missing from the ontology').toEqual([]);
    expect([...declared].filter((t) => !code.has(t)), 'in the ontology, unknown to the code').toEqual([]);
  });

  test('every term has an English rdfs:label and rdfs:comment', () => {
    for (const term of declared) {
      const about = ontology.filter((q) => q.subject.value === NS + term);
      const label = about.find((q) => q.predicate.value === RDFS.label);
      const comment = about.find((q) => q.predicate.value === RDFS.comment);
      expect(label?.object.termType === 'Literal' && label.object.language, `${term} label`).toBe('en');
      expect(comment?.object.value.length ?? 0, `${term} comment`).toBeGreaterThan(10);
    }
  });

  test('every ukg: IRI the graph uses as a class, predicate or value is declared', () => {
    const used = new Set<string>();
    for (const q of datasetQuads(loadGraph().dataset)) {
      for (const term of [q.predicate, q.object]) if (term.value.startsWith(NS)) used.add(term.value.slice(NS.length));
    }
    expect([...used].filter((t) => !declared.has(t))).toEqual([]);
    expect(used.size).toBeGreaterThan(20);
  });

  test('the terms are aligned with ELI, Dublin Core, SKOS, CiTO and PROV-O as DESIGN.md §3 says', () => {
    const sub = (term: string, p: string) => ontology.filter((q) => q.subject.value === NS + term && q.predicate.value.endsWith(p)).map((q) => q.object.value);
    expect(sub('Instrument', 'subClassOf')).toContain('http://data.europa.eu/eli/ontology#LegalResource');
    expect(sub('Provision', 'subClassOf')).toContain('http://data.europa.eu/eli/ontology#LegalResourceSubdivision');
    expect(sub('addresses', 'subPropertyOf')).toEqual(expect.arrayContaining(['http://purl.org/spar/cito/discusses', 'http://purl.org/dc/terms/references']));
    expect(sub('modelProvisionFor', 'subPropertyOf')).toContain('http://data.europa.eu/eli/ontology#related_to');
    expect(sub('Link', 'subClassOf')).toContain('http://www.w3.org/ns/prov#Entity');
  });

  test('only src/vocab spells out the ontology namespace', () => {
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (path.endsWith('.ts') && !path.includes(`${join('src', 'vocab')}`) && readFileSync(path, 'utf8').includes(NS)) offenders.push(path);
      }
    };
    walk(join(ROOT, 'src'));
    expect(offenders).toEqual([]);
  });
});

test('the JSON-LD context declares every prefix of the Turtle output, with the same namespace', async () => {
  const { PREFIXES } = await import('../../src/vocab/terms.js');
  const context = (JSON.parse(readFileSync(join(ROOT, 'ontology', 'context.jsonld'), 'utf8')) as { '@context': Record<string, unknown> })['@context'];
  for (const [prefix, ns] of Object.entries(PREFIXES)) expect(context[prefix], prefix).toBe(ns);
});

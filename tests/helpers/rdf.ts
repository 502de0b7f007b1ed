import { execFileSync, spawnSync } from 'node:child_process';
import rdf from '@zazuko/env';
import SHACLValidator from 'rdf-validate-shacl';
import { DataFactory, Parser, Writer } from 'n3';
import { isomorphic } from 'rdf-isomorphic';
import type { Quad } from '@rdfjs/types';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './paths.js';

/** A quad as one canonical N-Triples/N-Quads line (the graphs here have no blank nodes, so sets compare exactly). */
export function line(q: Quad): string {
  return new Writer({ format: 'N-Quads' }).quadToString(q.subject, q.predicate, q.object, q.graph);
}

/** The sorted canonical lines of quads. */
export function lines(quads: Iterable<Quad>): string[] {
  return [...new Set([...quads].map(line))].sort();
}

/** The sorted canonical lines of the triples of quads: named graphs merged. */
export function tripleLines(quads: Iterable<Quad>): string[] {
  return lines([...quads].map((q) => DataFactory.quad(q.subject, q.predicate, q.object)));
}

/** Whether two sets of quads are isomorphic (blank-node aware); with `merge`, named graphs are dropped first. */
export function isomorphicQuads(a: readonly Quad[], b: readonly Quad[], merge = false): boolean {
  const prepare = (quads: readonly Quad[]) => {
    const unique = new Map<string, Quad>();
    for (const q of quads) {
      const t = merge ? DataFactory.quad(q.subject, q.predicate, q.object) : q;
      unique.set(line(t), t);
    }
    return [...unique.values()];
  };
  return isomorphic(prepare(a), prepare(b));
}

/** Whether a program answers `--version`. */
function installed(program: string): boolean {
  try {
    execFileSync(program, ['--version'], { stdio: 'pipe' });
    return true;
  } catch {
    return false;
  }
}

/** Whether `xmllint` (libxml2-utils) is installed; CI installs it with .ci/install-test-tools. */
export const xmllintAvailable = installed('xmllint');

/** Checks with xmllint that a file is well-formed XML; returns its complaints ('' when there are none). */
export function xmlProblems(file: string): string {
  const run = spawnSync('xmllint', ['--noout', file], { encoding: 'utf8' });
  return run.status === 0 ? '' : run.stderr || `xmllint exited with ${run.status}`;
}

/** Parses Turtle (or N3 formats) into quads. */
export function parseRdf(text: string, format = 'text/turtle'): Quad[] {
  return new Parser({ format }).parse(text) as Quad[];
}

/** Whether `rapper` (raptor2-utils) is installed; CI installs it with .ci/install-test-tools. */
export const rapperAvailable = installed('rapper');

/** Counts the triples `rapper` reads from a file. */
export function rapperCount(file: string, syntax: 'turtle' | 'ntriples' | 'nquads' | 'trig'): number {
  const run = spawnSync('rapper', ['-i', syntax, '-c', file], { encoding: 'utf8' });
  const m = /returned (\d+) triples/.exec(run.stderr);
  if (run.status !== 0 || !m) throw new Error(`rapper failed (${run.status}): ${run.stderr}`);
  return Number(m[1]);
}

const shapes = rdf.dataset(parseRdf(readFileSync(join(ROOT, 'ontology', 'shapes.ttl'), 'utf8')));

/** Validates quads against ontology/shapes.ttl. */
export async function validateShapes(quads: Iterable<Quad>) {
  const report = await new SHACLValidator(shapes, { factory: rdf }).validate(rdf.dataset([...quads]));
  return {
    conforms: report.conforms,
    results: report.results.map((r) => ({ focus: r.focusNode?.value, path: r.path?.value, shape: r.sourceShape?.value, message: r.message.map((m) => m.value).join('; ') })),
  };
}

/** The RDF export formats, each with the format it is read back as and whether it keeps the named graphs. */
export const ROUND_TRIP_FORMATS = [
  ['turtle', 'turtle', false],
  ['ntriples', 'ntriples', false],
  ['nquads', 'nquads', true],
  ['trig', 'trig', true],
  ['jsonld', 'jsonld', true],
  ['jsonld-compact', 'jsonld', true],
] as const;

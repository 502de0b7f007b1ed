import { execFileSync, spawnSync } from 'node:child_process';
import rdf from '@zazuko/env';
import SHACLValidator from 'rdf-validate-shacl';
import { Parser, Writer } from 'n3';
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

/** Parses Turtle (or N3 formats) into quads. */
export function parseRdf(text: string, format = 'text/turtle'): Quad[] {
  return new Parser({ format }).parse(text) as Quad[];
}

/** Whether `rapper` (raptor2-utils) is installed; CI installs it with .ci/install-test-tools. */
export const rapperAvailable = (() => {
  try {
    execFileSync('rapper', ['--version'], { stdio: 'pipe' });
    return true;
  } catch {
    return false;
  }
})();

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

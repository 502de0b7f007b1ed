/**
 * A vitest reporter that says, at the end of a run, what was skipped and why: each file with skipped tests, how many,
 * the reason (a `ctx.skip(note)` note, else the "skipped: …" test the file runs in their place), and which test tools
 * are missing. It writes before the default reporter's summary, so the run's closing line stays "Tests N passed …".
 */
import { relative } from 'node:path';
import type { Reporter, TestModule, Vitest } from 'vitest/node';
import { CORPUS, corpusAvailable, ROOT } from './helpers/paths.js';
import { rapperAvailable, xmllintAvailable } from './helpers/rdf.js';

/** A skipped test: its file, its full name, and the note it was skipped with, if any. */
export interface SkippedTest {
  readonly file: string;
  readonly name: string;
  readonly note?: string | undefined;
}

/** What the tests need beyond npm, and what goes unchecked without it. */
export interface Requirement {
  readonly name: string;
  readonly available: boolean;
  readonly without: string;
}

const STAND_IN = /\bskipped: /i;

/** The corpus, rapper and xmllint, each with what the tests leave out without it. */
export function requirements(): Requirement[] {
  return [
    { name: `the treaty corpus (${CORPUS})`, available: corpusAvailable, without: 'data/ and the text reader are not compared with the real treaty texts' },
    { name: 'rapper (raptor2-utils; .ci/install-test-tools installs it)', available: rapperAvailable, without: 'the RDF exports are not read back by an independent parser (outside CI)' },
    { name: 'xmllint (libxml2-utils; .ci/install-test-tools installs it)', available: xmllintAvailable, without: 'the GEXF and GraphML exports are not checked for well-formed XML (outside CI)' },
  ];
}

/**
 * The lines of the summary. `reasons` holds, per file, the names of the tests that ran in place of the skipped ones
 * ("…skipped: the treaty corpus was not found…"), the reason when a skipped test has no note.
 */
export function skipSummary(skipped: readonly SkippedTest[], reasons: ReadonlyMap<string, readonly string[]>, needs: readonly Requirement[]): string[] {
  const lines: string[] = [];
  // A test named "… skipped: …" stands in for tests that need a missing tool (skipped itself, so the reason shows).
  const standIns = skipped.filter((t) => STAND_IN.test(t.name)).length;
  const real = skipped.filter((t) => !STAND_IN.test(t.name));
  // One entry per file and reason: a test's own note, else what the file's stand-in test says.
  const groups = new Map<string, { file: string; why: string; tests: SkippedTest[] }>();
  for (const t of real) {
    const standIn = (reasons.get(t.file) ?? []).map((r) => r.replace(/^.*?\bskipped:\s*/i, '')).join('; ');
    const why = t.note || standIn || 'no reason given in the file';
    const key = `${t.file}\n${why}`;
    const group = groups.get(key) ?? { file: t.file, why, tests: [] };
    group.tests.push(t);
    groups.set(key, group);
  }
  const files = new Set(real.map((t) => t.file)).size;
  const also = standIns > 0 ? ` (and ${standIns} stand-in test${standIns === 1 ? '' : 's'} that run${standIns === 1 ? 's' : ''} only when a test tool is missing)` : '';
  if (real.length === 0) lines.push(`Skipped: nothing${also}.`);
  else lines.push(`Skipped: ${real.length} test${real.length === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'}${also}:`);
  for (const { file, why, tests } of groups.values()) {
    lines.push(`  ${file} (${tests.length}): ${why}`);
    for (const t of tests.slice(0, 3)) lines.push(`    - ${t.name}`);
    if (tests.length > 3) lines.push(`    - … and ${tests.length - 3} more`);
  }
  const missing = needs.filter((n) => !n.available);
  for (const n of missing) lines.push(`Missing ${n.name}: ${n.without}.`);
  if (missing.length === 0) lines.push(`Test tools: all found (${needs.map((n) => n.name.replace(/ \(.*$/, '')).join(', ')}).`);
  return lines;
}

/** The reporter: collects skipped tests and prints the summary when the run ends. */
export default class SkipReporter implements Reporter {
  private filtered = false;

  onInit(vitest: Vitest): void {
    this.filtered = !!vitest.config.testNamePattern;
  }

  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    const skipped: SkippedTest[] = [];
    const reasons = new Map<string, string[]>();
    for (const module of modules) {
      const file = relative(ROOT, module.moduleId);
      for (const test of module.children.allTests()) {
        const result = test.result();
        if (result.state === 'skipped') skipped.push({ file, name: test.fullName, note: result.note });
        else if (STAND_IN.test(test.name)) reasons.set(file, [...(reasons.get(file) ?? []), test.name]);
      }
    }
    const lines = skipSummary(skipped, reasons, requirements());
    if (this.filtered) lines.push('(A test name filter is in use: the tests it left out count as skipped.)');
    process.stdout.write(`\n${lines.join('\n')}\n`);
  }
}

/**
 * A tiny benchmark harness. Benchmarks import the built package (`../dist/index.js`), which is what users run, and
 * report figures of several runs (at least five) with their minimum and median, ratios taken within one run, and for
 * each target of issue 14 whether it holds; and the comparison of a typed query with its peers (bench/peers.ts).
 */
import { BEST, rowSet, sparqlRows, TOWARDS, type Formulation, type SparqlStore } from './peers.js';

/** Timing of one measured function. */
export interface Timing {
  readonly iterations: number;
  readonly median_us: number;
  readonly p10_us: number;
  readonly p90_us: number;
  readonly mean_us: number;
}

/** The runs of one figure (in its unit), with their minimum and median. */
export interface Runs {
  readonly min: number;
  readonly median: number;
  readonly runs: readonly number[];
}

const askedRuns = Number(process.env['UNTOC_KG_BENCH_RUNS'] ?? 5);
/** How many runs every figure takes (at least five, as issue 14 asks: `UNTOC_KG_BENCH_RUNS` below five is raised). */
export const RUNS = Math.max(5, askedRuns);
if (askedRuns < RUNS) process.stderr.write(`bench: UNTOC_KG_BENCH_RUNS=${askedRuns} raised to ${RUNS}: every figure takes at least five runs\n`);

const round3 = (x: number) => Math.round(x * 1000) / 1000;

/** Minimum and median of a list of figures. */
export function runsOf(values: readonly number[]): Runs {
  const sorted = [...values].sort((a, b) => a - b);
  return { min: round3(sorted[0]!), median: round3(sorted[Math.floor((sorted.length - 1) / 2)]!), runs: values.map(round3) };
}

/** Measures `fn` in batches so that each sample is long enough for the clock; returns per-call times. */
export function measure(fn: () => unknown, options: { samples?: number; minSampleMs?: number; warmupMs?: number } = {}): Timing {
  const samples = options.samples ?? 41;
  const minSample = (options.minSampleMs ?? 5) * 1e6;
  const warmupEnd = process.hrtime.bigint() + BigInt(Math.round((options.warmupMs ?? 100) * 1e6));
  let batch = 1;
  while (process.hrtime.bigint() < warmupEnd) fn();
  // Grow the batch until one batch takes at least minSample.
  for (;;) {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < batch; i++) fn();
    if (Number(process.hrtime.bigint() - t0) >= minSample || batch >= 1 << 24) break;
    batch *= 2;
  }
  const perCall: number[] = [];
  for (let s = 0; s < samples; s++) {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < batch; i++) fn();
    perCall.push(Number(process.hrtime.bigint() - t0) / batch / 1000);
  }
  return summarize(perCall, samples * batch);
}

/** Measures an async function `samples` times (one call per sample), for slow operations. */
export async function measureAsync(fn: () => Promise<unknown>, samples = 5): Promise<Timing> {
  await fn();
  const perCall: number[] = [];
  for (let s = 0; s < samples; s++) {
    const t0 = process.hrtime.bigint();
    await fn();
    perCall.push(Number(process.hrtime.bigint() - t0) / 1000);
  }
  return summarize(perCall, samples);
}

/** Median, percentiles and mean of per-call times (µs). */
export function summarize(perCall: number[], iterations: number): Timing {
  const sorted = [...perCall].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * (sorted.length - 1)))]!;
  return {
    iterations,
    median_us: round3(at(0.5)),
    p10_us: round3(at(0.1)),
    p90_us: round3(at(0.9)),
    mean_us: round3(sorted.reduce((a, b) => a + b, 0) / sorted.length),
  };
}

/** A ratio rounded for reports (how many times faster `a` is than `b`, given their times). */
export function ratio(slower: number, faster: number): number {
  return Math.round((slower / faster) * 100) / 100;
}

/** Milliseconds since `t0` (from `process.hrtime.bigint()`). */
export function msSince(t0: bigint): number {
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

const started = process.hrtime.bigint();
const seconds = (ms: number) => Math.round(ms / 100) / 10;

/**
 * The phases of one part of a suite, for long runs: each phase says on stderr (stdout carries the JSON document only)
 * when it starts and how long it took, with the seconds since the bench started, and its seconds add up under its
 * name in `seconds` (a phase run once per run adds up over the runs), which the suite may report.
 */
export class Phases {
  readonly seconds: Record<string, number> = {};

  constructor(readonly label: string) {}

  /** Writes one progress line: `bench: 12.3 s: scale 100000: oxigraph load: 1.9 s`. */
  say(message: string): void {
    process.stderr.write(`bench: ${seconds(msSince(started)).toFixed(1)} s: ${this.label}: ${message}\n`);
  }

  /** Adds `ms` to the phase `name`. */
  add(name: string, ms: number): void {
    this.seconds[name] = seconds((this.seconds[name] ?? 0) * 1000 + ms);
  }

  /** Runs `fn` as the phase `name`, saying when it starts and how long it took. */
  async run<T>(name: string, fn: () => T | Promise<T>): Promise<T> {
    this.say(`${name}…`);
    const t0 = process.hrtime.bigint();
    const result = await fn();
    const ms = msSince(t0);
    this.add(name, ms);
    this.say(`${name}: ${seconds(ms)} s`);
    return result;
  }
}

/** A target of issue 14's table: the measured value, the bound, and whether it holds. */
export interface Target {
  readonly value: number;
  readonly target: string;
  readonly holds: boolean;
}

/** Checks a measured ratio (or figure) against its bound. */
export function target(value: number, op: '>=' | '<=', bound: number): Target {
  return { value, target: `${op} ${bound}`, holds: op === '>=' ? value >= bound : value <= bound };
}

/**
 * One side of a query comparison: `fresh()` gives a caller over a fresh index (or store), whose first call per input
 * pays for whatever the side builds lazily; calling it again on the same inputs measures repeated calls.
 */
export interface QuerySide {
  readonly name: string;
  fresh(): (input: string) => unknown;
  /** The inputs this side is timed on when not all of them (a sample, which the report must name). */
  readonly inputs?: readonly string[];
}

/** Per-call times (µs) of one side: first calls (a fresh index, each input once) and repeated calls, per run. */
export interface FirstAndRepeated {
  readonly first_call_us: Runs;
  readonly repeated_call_us: Runs;
  /** Runs before the recorded ones, not in the figures (they compile the code). */
  readonly warm_up_runs: number;
}

/** Runs of every query side before the recorded ones, to compile the code they run (see {@link firstAndRepeated}). */
export const WARM_UP_RUNS = 1;

/**
 * Times query sides over every input (or a side's own `inputs`), `RUNS` runs, the sides interleaved within each run
 * (so that a load on the machine hits them alike): each run takes a fresh caller per side, calls it once per input
 * (first calls), then again over all its inputs until at least `minRepeatMs` has passed (repeated calls). One run
 * before them warms the code of every side alike ({@link WARM_UP_RUNS}, not recorded): a first call measures data
 * that nothing has touched, not code that V8 has not compiled yet (the process's own first run of a query otherwise
 * lands in the record, 3–10 times slower, and two of five such runs make the median a coin toss). Data caches are
 * never warm on first calls: each run takes a fresh caller. Each side's run is a progress line and two phases (first
 * and repeated calls) of `phases`.
 */
export function firstAndRepeated(sides: readonly QuerySide[], inputs: readonly string[], options: { minRepeatMs?: number; phases?: Phases } = {}): FirstAndRepeated[] {
  const minRepeat = options.minRepeatMs ?? 200;
  const phases = options.phases ?? new Phases('query');
  const first = sides.map((): number[] => []);
  const repeated = sides.map((): number[] => []);
  for (let run = -WARM_UP_RUNS; run < RUNS; run++) {
    const recorded = run >= 0;
    sides.forEach((side, s) => {
      const own = side.inputs ?? inputs;
      const call = side.fresh();
      let t0 = process.hrtime.bigint();
      for (const input of own) call(input);
      const firstMs = msSince(t0);
      if (recorded) first[s]!.push((firstMs * 1000) / own.length);
      let rounds = 0;
      t0 = process.hrtime.bigint();
      do {
        for (const input of own) call(input);
        rounds++;
      } while (msSince(t0) < minRepeat);
      const repeatedMs = msSince(t0);
      if (recorded) repeated[s]!.push((repeatedMs * 1000) / (own.length * rounds));
      phases.add(`${side.name}: first calls`, firstMs);
      phases.add(`${side.name}: repeated calls`, repeatedMs);
      phases.say(`${recorded ? `run ${run + 1}/${RUNS}` : 'warm-up run (not recorded)'}, ${side.name}: first calls ${seconds(firstMs)} s, repeated calls ${seconds(repeatedMs)} s (${rounds} rounds of ${own.length})`);
    });
  }
  return sides.map((_, s) => ({ first_call_us: runsOf(first[s]!), repeated_call_us: runsOf(repeated[s]!), warm_up_runs: WARM_UP_RUNS }));
}

/** Checks that a peer's rows equal the library's for every input; the first disagreement, or none. */
export function agreement(inputs: readonly string[], ours: (x: string) => string[], theirs: (x: string) => string[]): { identical: boolean; checked: number; first_difference?: string } {
  for (const x of inputs) {
    const a = rowSet(ours(x));
    const b = rowSet(theirs(x));
    if (a.join('\n') !== b.join('\n')) return { identical: false, checked: inputs.length, first_difference: `${x}: library ${a.length} rows, peer ${b.length}` };
  }
  return { identical: true, checked: inputs.length };
}

/**
 * A fixed sample of the inputs on which the Oxigraph formulation that is not compared is timed (and its rows
 * checked), and how the report names it.
 */
export interface Sample {
  readonly inputs: readonly string[];
  readonly note: string;
}

/** Mean µs per call of the first calls of `call` over `inputs`, once each. */
function firstCallsUs(inputs: readonly string[], call: (x: string) => unknown): number {
  const t0 = process.hrtime.bigint();
  for (const x of inputs) call(x);
  return round3((msSince(t0) * 1000) / inputs.length);
}

/**
 * The library and its peers over the same inputs, timed interleaved: the library, the N3 walk, and Oxigraph with each
 * formulation of bench/peers.ts. Every peer's rows are checked against the library's, on every input each is timed
 * on; the faster formulation (first calls, median) is the one compared, and the report says which query ran.
 * With a `sample`, the formulations are first run once over the sample (first calls, a pilot) and the faster there is
 * the one timed on every input and compared; the others are timed on the sample only, and the report says so.
 */
export async function compareWithPeers(
  inputs: readonly string[],
  sides: { library: QuerySide; ours: (x: string) => string[]; walk: (x: string) => string[]; oxigraph: SparqlStore; predicates: readonly string[] },
  options: { phases?: Phases; sample?: Sample } = {},
) {
  const { ours, oxigraph: store, predicates } = sides;
  const { sample, phases = new Phases('query') } = options;
  const query = (f: Formulation) => (x: string) => store.query(f.text(x, predicates));
  let formulations = [BEST, TOWARDS];
  let chosenBy = 'first calls over every provision, median of the runs';
  if (sample) {
    const pilot = await phases.run('oxigraph pilot on the sample', () => formulations.map((f) => ({ f, us: firstCallsUs(sample.inputs, query(f)) })));
    pilot.sort((a, b) => a.us - b.us);
    formulations = pilot.map((p) => p.f);
    chosenBy = `a pilot before the runs, first calls over the sample (${sample.note}): ${pilot.map((p) => `${p.f.id} ${p.us} µs`).join(', ')}`;
  }
  const timings = firstAndRepeated(
    [sides.library, { name: 'n3 walk', fresh: () => sides.walk }, ...formulations.map((f, i): QuerySide => ({ name: `oxigraph ${f.id}`, fresh: () => query(f), ...(sample && i > 0 ? { inputs: sample.inputs } : {}) }))],
    inputs,
    { phases },
  );
  const [library, walk, ...sparql] = timings as [FirstAndRepeated, FirstAndRepeated, ...FirstAndRepeated[]];
  const checks = await phases.run('rows checked', () => ({
    walk: agreement(inputs, ours, sides.walk),
    sparql: formulations.map((f, i) => agreement(sample && i > 0 ? sample.inputs : inputs, ours, (x) => sparqlRows(store, f, x, predicates))),
  }));
  const timed = formulations.map((formulation, i) => ({ formulation, rows: checks.sparql[i]!, timing: sparql[i]!, sampled: sample && i > 0 ? sample.note : false }));
  if (!sample) timed.sort((a, b) => a.timing.first_call_us.median - b.timing.first_call_us.median);
  const best = timed[0]!;
  const oxigraph = {
    query_ran: best.formulation.name,
    chosen_by: chosenBy,
    query_text_example: best.formulation.text(inputs[0]!, predicates),
    rows_identical_to_library: best.rows,
    ...best.timing,
    other_formulations: timed.slice(1).map((t) => ({ query: t.formulation.name, sampled: t.sampled, rows_identical_to_library: t.rows, ...t.timing })),
  };
  return {
    library,
    n3_store_walk: { rows_identical_to_library: checks.walk, ...walk },
    oxigraph,
    targets: comparison(library, walk, best.timing),
  };
}

/** Ratios of a peer's per-call times to the library's, and the targets of issue 14 on them. */
function comparison(ours: FirstAndRepeated, walk: FirstAndRepeated, sparql: FirstAndRepeated) {
  const first = (t: typeof ours) => t.first_call_us.median;
  const repeated = (t: typeof ours) => t.repeated_call_us.median;
  return {
    first_call_vs_n3_walk: target(ratio(first(walk), first(ours)), '>=', 5),
    repeated_call_vs_n3_walk: target(ratio(repeated(walk), repeated(ours)), '>=', 20),
    first_call_vs_oxigraph_best: target(ratio(first(sparql), first(ours)), '>=', 20),
    repeated_call_vs_oxigraph_best: ratio(repeated(sparql), repeated(ours)),
  };
}

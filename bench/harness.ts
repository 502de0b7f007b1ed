/**
 * A tiny benchmark harness. Benchmarks import the built package (`../dist/index.js`), which is what users run, and
 * report figures of several runs (at least five) with their minimum and median, ratios taken within one run, and for
 * each target of issue 14 whether it holds.
 */

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

/** How many runs every figure takes (at least five). */
export const RUNS = Math.max(5, Number(process.env['UNTOC_KG_BENCH_RUNS'] ?? 5));

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
}

/** Per-call times (µs) of one side: first calls (a fresh index, each input once) and repeated calls, per run. */
export interface FirstAndRepeated {
  readonly first_call_us: Runs;
  readonly repeated_call_us: Runs;
}

/**
 * Times query sides over every input, `RUNS` runs, the sides interleaved within each run (so that a load on the
 * machine hits them alike): each run takes a fresh caller per side, calls it once per input (first calls), then again
 * over all inputs until at least `minRepeatMs` has passed (repeated calls). Code is warm after the first run; data
 * caches never are on first calls.
 */
export function firstAndRepeated(sides: readonly QuerySide[], inputs: readonly string[], options: { minRepeatMs?: number } = {}): FirstAndRepeated[] {
  const minRepeat = options.minRepeatMs ?? 200;
  const first = sides.map((): number[] => []);
  const repeated = sides.map((): number[] => []);
  for (let run = 0; run < RUNS; run++) {
    sides.forEach((side, s) => {
      const call = side.fresh();
      let t0 = process.hrtime.bigint();
      for (const input of inputs) call(input);
      first[s]!.push((msSince(t0) * 1000) / inputs.length);
      let rounds = 0;
      t0 = process.hrtime.bigint();
      do {
        for (const input of inputs) call(input);
        rounds++;
      } while (msSince(t0) < minRepeat);
      repeated[s]!.push((msSince(t0) * 1000) / (inputs.length * rounds));
    });
  }
  return sides.map((_, s) => ({ first_call_us: runsOf(first[s]!), repeated_call_us: runsOf(repeated[s]!) }));
}

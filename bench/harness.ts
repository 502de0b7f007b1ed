/**
 * A tiny benchmark harness: runs a function many times after a warm-up and reports the median and spread in
 * microseconds. Benchmarks import the built package (`../dist/index.js`), which is what users run.
 */

/** Timing of one measured function. */
export interface Timing {
  readonly iterations: number;
  readonly median_us: number;
  readonly p10_us: number;
  readonly p90_us: number;
  readonly mean_us: number;
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
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return {
    iterations,
    median_us: round(at(0.5)),
    p10_us: round(at(0.1)),
    p90_us: round(at(0.9)),
    mean_us: round(sorted.reduce((a, b) => a + b, 0) / sorted.length),
  };
}

/** A ratio rounded for reports (how many times faster `a` is than `b`, given their times). */
export function ratio(slower: number, faster: number): number {
  return Math.round((slower / faster) * 100) / 100;
}

/**
 * `npm run bench -- stress`: adversarial inputs from 1 KB to 1 MB for every public function that reads user input,
 * timed at each size, to show that time grows linearly (not a timed test: tests never time anything).
 *
 * Each file in `bench/stress/` exports `cases`: a name, a maker of an adversarial input of about `bytes` bytes, and
 * the call to time. A call may throw: a typed `UntocKgError` is a fine answer to hostile input, anything else is
 * reported as a defect. The verdict compares each step's time with its size: `linear` when time per byte at 1 MB is
 * within 4× of its value at the smallest size that took a measurable time.
 */
import { readdirSync } from 'node:fs';
import { isUntocKgError } from '../dist/index.js';

/** One adversarial input family. */
export interface StressCase<T = unknown> {
  readonly name: string;
  /** An input of about `bytes` bytes (a string, or whatever `run` takes). */
  make(bytes: number): T;
  /** The call to time; may return a promise. */
  run(input: T): unknown;
}

const SIZES = [1 << 10, 4 << 10, 16 << 10, 64 << 10, 256 << 10, 1 << 20];

async function timeOnce(c: StressCase, input: unknown): Promise<{ ms: number; outcome: string }> {
  const t0 = process.hrtime.bigint();
  let outcome = 'ok';
  try {
    await c.run(input);
  } catch (error) {
    outcome = isUntocKgError(error) ? `UntocKgError ${(error as { code: string }).code}` : `DEFECT ${(error as Error)?.name}: ${String((error as Error)?.message).slice(0, 120)}`;
  }
  return { ms: Number(process.hrtime.bigint() - t0) / 1e6, outcome };
}

export async function run() {
  const dir = new URL('./stress/', import.meta.url);
  const files = readdirSync(dir).filter((f) => f.endsWith('.ts')).sort();
  const report: Record<string, unknown> = {};
  for (const file of files) {
    const { cases } = (await import(new URL(file, dir).href)) as { cases: readonly StressCase[] };
    for (const c of cases) {
      const rows: { bytes: number; ms: number; us_per_kb: number; outcome: string }[] = [];
      for (const bytes of SIZES) {
        const input = c.make(bytes);
        const runs = [];
        for (let r = 0; r < 3; r++) runs.push(await timeOnce(c, input));
        const best = runs.reduce((a, b) => (b.ms < a.ms ? b : a));
        rows.push({ bytes, ms: Math.round(best.ms * 100) / 100, us_per_kb: Math.round((best.ms * 1000 * 1024) / bytes) / 1, outcome: best.outcome });
      }
      const base = rows.find((r) => r.ms >= 1) ?? rows[rows.length - 1]!;
      const last = rows[rows.length - 1]!;
      const growth = Math.round((last.us_per_kb / Math.max(base.us_per_kb, 1e-9)) * 100) / 100;
      report[`${file.replace(/\.ts$/, '')}: ${c.name}`] = {
        rows,
        per_byte_growth_1MB_vs_first_measurable: growth,
        linear: growth <= 4,
        defects: rows.filter((r) => r.outcome.startsWith('DEFECT')).map((r) => `${r.bytes}: ${r.outcome}`),
      };
    }
  }
  return report;
}

/**
 * A throw-away Virtuoso for the tests that need a store: started by scripts/virtuoso.sh (bound to 127.0.0.1, free
 * ports, a temporary database folder, a generated password) and stopped by the same test file. When it cannot start
 * (no apt, no root), `startVirtuoso` says why and the tests run a "skipped: …" stand-in instead.
 *
 * Set UNTOC_KG_TEST_VIRTUOSO to the output of `scripts/virtuoso.sh start` (a file) to reuse a running server: it is
 * then left running.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { UntocKgError } from '../../src/errors.js';

const SCRIPT = fileURLToPath(new URL('../../scripts/virtuoso.sh', import.meta.url));

/** A running Virtuoso: its SPARQL endpoints, the credentials to write, and how to stop it. */
export interface Virtuoso {
  readonly dir: string;
  /** Query endpoint (no credentials needed). */
  readonly query: string;
  /** Update endpoint (Digest authentication). */
  readonly update: string;
  readonly graphStore: string;
  readonly isqlPort: string;
  readonly credentials: { readonly user: string; readonly password: string };
  readonly owned: boolean;
}

function parse(text: string, owned: boolean): Virtuoso {
  const env = Object.fromEntries(text.split('\n').filter((l) => l.includes('=')).map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
  const dir = env.VIRTUOSO_DIR!;
  return {
    dir,
    query: env.VIRTUOSO_QUERY_ENDPOINT!,
    update: env.VIRTUOSO_ENDPOINT!,
    graphStore: env.VIRTUOSO_GRAPH_STORE!,
    isqlPort: env.VIRTUOSO_ISQL_PORT!,
    credentials: { user: env.VIRTUOSO_USER!, password: readFileSync(`${dir}/password`, 'utf8') },
    owned,
  };
}

/** Starts a Virtuoso (or reuses the one UNTOC_KG_TEST_VIRTUOSO names); `{ reason }` when it cannot. */
export function startVirtuoso(): Virtuoso | { readonly reason: string } {
  const reuse = process.env.UNTOC_KG_TEST_VIRTUOSO;
  if (reuse && existsSync(reuse)) return parse(readFileSync(reuse, 'utf8'), false);
  if (process.platform !== 'linux') return { reason: 'Virtuoso is started with apt and ss, on Linux only' };
  const run = spawnSync('bash', [SCRIPT, 'start'], { encoding: 'utf8', timeout: 240_000 });
  if (run.status !== 0) return { reason: `scripts/virtuoso.sh start failed (exit ${run.status}): ${(run.stderr ?? '').trim().split('\n').slice(-2).join(' ').slice(0, 200)}` };
  return parse(run.stdout, true);
}

/** Stops a Virtuoso this test file started and removes its folder. */
export function stopVirtuoso(server: Virtuoso): void {
  if (server.owned) spawnSync('bash', [SCRIPT, 'stop', server.dir], { encoding: 'utf8', timeout: 60_000 });
}

/** The error a promise rejects with (the test fails when it resolves). */
export async function failureOf(promise: Promise<unknown>): Promise<UntocKgError> {
  try {
    await promise;
  } catch (error) {
    return error as UntocKgError;
  }
  throw new Error('expected a failure');
}

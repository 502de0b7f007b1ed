/**
 * What the commands that read treaty texts share: loading the graph (with the user's data files, if any), reading a
 * text file and attaching its wording, and printing a provision's wording. `show CITATION --text FILE` is
 * `graphWithText` + `wordingOf` + `wordingLines`:
 *
 * ```ts
 * const { core } = await graphWithText(file, { instrument }, io)
 * io.out(wordingLines(wordingOf(core, citation)).join('\n'))
 * ```
 *
 * @module
 */
import { bundledDataset } from '../bundled.js';
import type { KnowledgeGraphCore } from '../core.js';
import { commandCore } from './core.js';
import { loadDataset } from '../node/index.js';
import { readTreatyText } from '../node/text.js';
import { attachTextToDataset } from '../text/attach.js';
import type { TextCheck } from '../text/check.js';
import type { TreatyText } from '../text/parse.js';
import type { ProvisionWording } from '../text/wording.js';
import type { Io } from './io.js';

/** The graph a command works on: the curated one, plus the data files given with `--data`. */
export async function commandGraph(data: readonly string[] | undefined): Promise<KnowledgeGraphCore> {
  return data && data.length > 0 ? commandCore(await loadDataset(data, { base: bundledDataset() })) : commandCore();
}

/** Reports the reader's notices on `err`, one line each. */
export function reportNotices(io: Io, text: TreatyText): void {
  for (const n of text.notices) io.err(`untoc-kg: note: ${text.source ?? 'text'}:${n.line}: ${n.message}${n.language ? ` (${n.language})` : ''} [${n.code}]`);
}

/**
 * Reads a treaty text file and attaches what matches the graph's structure (differences are reported on `err`, not
 * fatal): the graph to look wording up in.
 */
export async function graphWithText(
  file: string,
  options: { readonly instrument?: string; readonly data?: readonly string[]; readonly base?: KnowledgeGraphCore },
  io: Io,
): Promise<{ core: KnowledgeGraphCore; text: TreatyText; check: TextCheck }> {
  const base = options.base ?? (await commandGraph(options.data));
  const text = await readTreatyText(file, options.instrument ? { instrument: options.instrument } : {});
  reportNotices(io, text);
  const { dataset, check } = attachTextToDataset(base, text, { partial: true });
  const errors = check.findings.filter((f) => f.severity === 'error').length;
  if (errors > 0) io.err(`untoc-kg: note: ${text.source} differs from the graph in ${errors} place${errors === 1 ? '' : 's'} (see untoc-kg text ${file} --check); the rest is attached`);
  return { core: commandCore(dataset), text, check };
}

/** The lines of a provision's wording below its citation: the source, then per language its heading and full text. */
export function wordingLines(wording: ProvisionWording): string[] {
  const lines: string[] = [];
  if (wording.sources.length) lines.push(`source: ${wording.sources.join(', ')}`);
  for (const language of wording.languages) {
    lines.push('', `[${language}]${wording.heading[language] ? ` ${wording.heading[language]}` : ''}`, wording.fullText[language]!);
  }
  if (wording.languages.length === 0) lines.push('', '(no wording attached for this provision)');
  return lines;
}

/**
 * `untoc-kg text FILE [--instrument ID] [--check] [--json]`: reads a treaty text and prints its structure, or
 * compares it with the graph and prints every difference.
 *
 * @module
 */
import { readTreatyText } from '../../node/text.js';
import { checkText, instrumentOfText } from '../../text/check.js';
import { printedMarker, textProvisions, type TextProvision, type TreatyText } from '../../text/parse.js';
import { parse } from '../args.js';
import { EXIT, printJson, UsageError, type Io } from '../io.js';
import type { Command } from '../command.js';
import { commandGraph, reportNotices } from '../wording.js';

const usage = `Usage: untoc-kg text FILE [--instrument ID] [--check] [--json] [--data PATH…]

Reads a treaty text (a Markdown, plain-text or HTML rendering: e.g. the English text followed by a translation,
each section's language told by its words) and prints its structure: chapters, articles with their headings,
paragraphs, subparagraphs, items and subitems.

  --instrument ID  the instrument the text is (untoc, som-protocol, tip-protocol, …); by default the one its
                   title names
  --check          compare the text with the graph's structure for the instrument and print every difference
                   (missing or extra provision, heading, order, a chapter's articles; gaps in a translation as
                   warnings); exit code 1 when the structure or a heading differs
  --json           print the parsed text (with its wording per language), or the check, as JSON
  --data PATH      more data files or folders (e.g. your own instrument) to add to the graph; may repeat

Notes on what the reader read past go to stderr. A file that is empty, binary, wrongly encoded or cut off is
reported with where reading stopped; exit code 2.`;

/** One line a provision; a provision whose subdivisions have none of their own lists them on its line. */
function outline(text: TreatyText): string[] {
  const language = text.languages.find((l) => l === 'en') ?? text.languages[0]!;
  const lines: string[] = [];
  const chapterOf = new Map(text.chapters.flatMap((c) => c.articles.map((a) => [a, c] as const)));
  const shown = new Set<string>();
  const visit = (p: TextProvision, depth: number) => {
    let line = `${'  '.repeat(depth)}${printedMarker(p.level, p.number)}`;
    if (p.heading[language]) line += `  ${p.heading[language]}`;
    const leaves = p.children.length > 0 && p.children.every((c) => c.children.length === 0);
    if (leaves) line += `${p.heading[language] ? ':' : ''} ${p.children.map((c) => printedMarker(c.level, c.number)).join(' ')}`;
    lines.push(line);
    if (!leaves) for (const c of p.children) visit(c, depth + 1);
  };
  for (const article of text.articles) {
    const chapter = chapterOf.get(article.number);
    if (chapter && !shown.has(chapter.eid)) {
      shown.add(chapter.eid);
      lines.push(`Chapter ${chapter.number}${chapter.heading[language] ? `  ${chapter.heading[language]}` : ''}`);
    }
    visit(article, chapter ? 1 : 0);
  }
  return lines;
}

export const command: Command = {
  summary: 'read a treaty text: print its structure, or check it against the graph',
  usage,
  async run(args: string[], io: Io): Promise<number> {
    const { values, positionals } = parse('text', args, {
      instrument: { type: 'string', short: 'i' },
      check: { type: 'boolean' },
      json: { type: 'boolean' },
      data: { type: 'string', multiple: true },
    });
    if (positionals.length !== 1) throw new UsageError('text: give one file, e.g. untoc-kg text untoc.md --instrument untoc');
    const file = positionals[0]!;
    const text = await readTreatyText(file, values.instrument ? { instrument: values.instrument } : {});
    reportNotices(io, text);

    if (!values.check) {
      if (values.json) {
        printJson(io, text);
        return EXIT.ok;
      }
      let named = '';
      if (values.instrument || values.data) {
        const record = instrumentOfText(await commandGraph(values.data), text, {}, 'text');
        named = ` (${record.abbreviation})`;
      }
      const title = text.title['en'] ?? Object.values(text.title)[0];
      io.out(
        [
          `${text.source}${title ? `: ${title}` : ''}${named}`,
          `languages: ${text.languages.join(', ')} · ${text.chapters.length} chapters · ${text.articles.length} articles · ${textProvisions(text).length} provisions`,
          '',
          ...outline(text),
        ].join('\n'),
      );
      return EXIT.ok;
    }

    const kg = await commandGraph(values.data);
    const check = checkText(kg, text, values.instrument ? { instrument: values.instrument } : {});
    if (values.json) {
      printJson(io, check);
    } else {
      const abbreviation = kg.index.instrumentRecord(check.instrument)!.abbreviation;
      const errors = check.findings.filter((f) => f.severity === 'error').length;
      const warnings = check.findings.length - errors;
      for (const f of check.findings) io.out(`${f.severity.padEnd(8)}${f.line !== undefined ? `line ${f.line}: ` : ''}${f.message} [${f.kind}]`);
      const summary = `${text.source} against ${abbreviation}: ${check.matched} provisions match; ${errors === 0 && warnings === 0 ? 'no differences' : `${errors} difference${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`}${check.headingLanguage ? '' : ' (headings not compared: the text has no English)'}`;
      if (check.findings.length === 0) io.out(summary);
      else io.err(`untoc-kg: ${summary}`);
    }
    return check.ok ? EXIT.ok : EXIT.failure;
  },
};

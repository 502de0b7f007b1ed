/**
 * `untoc-kg validate [PATH…]`: checks data files (shape, then integrity across files) and lists every problem.
 *
 * @module
 */
import { join } from 'node:path';
import { bundledDataset } from '../../bundled.js';
import { buildDataset } from '../../load/build.js';
import { formatDataIssue, isDataValidationError, type DataIssue } from '../../errors.js';
import { readDataFiles, withLines } from '../../node/files.js';
import { curatedDataPaths, packageRoot } from '../../node/package.js';
import { parse } from '../args.js';
import { EXIT, printJson, type Io } from '../io.js';
import type { Command } from '../command.js';

const usage = `Usage: untoc-kg validate [PATH…] [--alone] [--json]

Checks data files: their shape (unknown keys, missing fields, wrong types), then what crosses files (every cited
provision exists, ids are unique, parents exist, numbering has no gaps, sources and themes are defined).

  PATH      files or folders (searched for .yaml, .yml and .json). Without PATH: the curated data shipped
            with the package.
  --alone   check the files by themselves; by default they are checked on top of the curated graph, so
            that they can cite its provisions, themes and sources.
  --json    print the problems as JSON: [{ code, file, path, line, message }].

Exit code 0 when everything is valid, 2 when there is any problem.`;

export const command: Command = {
  summary: 'check data files: shape, then integrity across files',
  usage,
  async run(args: string[], io: Io): Promise<number> {
    const { values, positionals } = parse('validate', args, { alone: { type: 'boolean' }, json: { type: 'boolean' } });
    const shipped = positionals.length === 0;
    const paths = shipped ? curatedDataPaths(join(packageRoot(), 'data')) : positionals;
    let issues: DataIssue[] = [];
    let count = 0;
    try {
      const files = await readDataFiles(paths);
      count = files.length;
      try {
        buildDataset(files, shipped || values.alone ? {} : { base: bundledDataset() });
      } catch (error) {
        if (!isDataValidationError(error)) throw error;
        issues = withLines(error.issues, files);
      }
    } catch (error) {
      if (!isDataValidationError(error)) throw error;
      issues = [...error.issues];
    }
    if (values.json) {
      printJson(io, issues);
    } else if (issues.length === 0) {
      io.out(`${count} file${count === 1 ? '' : 's'} checked: no problems.`);
    } else {
      for (const issue of issues) io.out(formatDataIssue(issue));
      io.err(`untoc-kg: ${issues.length} problem${issues.length === 1 ? '' : 's'} in ${new Set(issues.map((i) => i.file)).size} file(s).`);
    }
    return issues.length === 0 ? EXIT.ok : EXIT.usage;
  },
};

/**
 * The bin entry of `untoc-kg`: runs the command line with the process's arguments.
 *
 * @module
 */
import { main } from './main.js';
import { processIo, report } from './io.js';

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.exitCode = report(error, processIo);
  },
);

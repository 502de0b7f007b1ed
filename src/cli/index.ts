/**
 * The bin entry of `untoc-kg`: runs the command line with the process's arguments.
 *
 * @module
 */
import { main } from './main.js';
import { processIo, report } from './io.js';

// A reader that stops early (`| head`) is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.exitCode = report(error, processIo);
  },
);

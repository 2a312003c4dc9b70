/**
 * Child process for the crash test: ingests a folder and reports each finished file on stdout, so the parent
 * can kill it with SIGKILL part-way. Usage: node --import tsx test/ingest/crash-child.ts DB FOLDER
 */
import { ingestPaths } from '../../src/orchestrate/ingest.js';
import { sentencesOnlyPipeline } from '../../src/pipeline/default.js';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.js';

const [dbPath, folder] = process.argv.slice(2);
if (!dbPath || !folder) {
  process.stderr.write('usage: crash-child.ts DB FOLDER\n');
  process.exit(2);
}
const store = await openSqliteStore(dbPath);
process.stdout.write('ready\n');
await ingestPaths(store, [folder], {
  pipeline: sentencesOnlyPipeline,
  onProgress: ({ done, result }) => {
    if (result) process.stdout.write(`done ${done}\n`);
  },
});
await store.close();
process.stdout.write('finished\n');

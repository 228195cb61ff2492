/** `npm run backup`: a consistent copy of the database into DATA_DIR/backups, while the server runs. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { readConfig } from '../config.ts';
import { openDatabase } from '../db/open.ts';
import { backupDatabase } from './backup.ts';

const read = readConfig();
if ('errors' in read) {
  for (const e of read.errors) console.error(`config: ${e}`);
  process.exit(1);
}
const { dataDir, backupsKept } = read.config;
const file = join(dataDir, 'deskcast.sqlite');
if (!existsSync(file)) {
  console.error(`no database at ${file}: start the server once first (or set DATA_DIR)`);
  process.exit(1);
}
const db = openDatabase(file);
try {
  const path = await backupDatabase(db, join(dataDir, 'backups'), backupsKept);
  console.log(`backed up to ${path}`);
} catch (err) {
  console.error(`backup failed: ${(err as Error).message}`);
  process.exitCode = 1;
} finally {
  db.close();
}

import Database from 'better-sqlite3';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export type Db = Database.Database;

const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'migrations');

/**
 * Opens (or creates) the database and brings its schema up to date. WAL with synchronous=FULL:
 * a write the API acknowledged survives a crash or a power cut, not only a process kill.
 */
export function openDatabase(path: string): Db {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  migrate(db);
  return db;
}

/**
 * Applies `migrations/NNN-name.sql` in order, each once, each in its own transaction. Foreign
 * keys are off meanwhile, as SQLite asks for a table rebuild: with them on, dropping the old
 * `users` would cascade into every session. Each migration is checked before it commits.
 */
export function migrate(db: Db, dir = MIGRATIONS_DIR): string[] {
  db.exec(
    'CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)',
  );
  const done = new Set(db.prepare('SELECT name FROM schema_migrations').pluck().all() as string[]);
  const pending = readdirSync(dir)
    .filter((f) => /^\d{3}-[\w-]+\.sql$/.test(f) && !done.has(f))
    .sort();
  const record = db.prepare('INSERT INTO schema_migrations (name, applied_at) VALUES (?, ?)');
  const enforced = db.pragma('foreign_keys', { simple: true }) === 1;
  // Not inside a transaction: SQLite ignores this pragma there.
  db.pragma('foreign_keys = OFF');
  try {
    for (const name of pending) {
      db.transaction(() => {
        db.exec(readFileSync(join(dir, name), 'utf8'));
        const broken = db.pragma('foreign_key_check') as { table: string; rowid: number }[];
        if (broken.length > 0)
          throw new Error(
            `${name} leaves ${broken.length} rows pointing at nothing (first: ${broken[0]?.table} ${broken[0]?.rowid})`,
          );
        record.run(name, new Date().toISOString());
      })();
    }
  } finally {
    if (enforced) db.pragma('foreign_keys = ON');
  }
  return pending;
}

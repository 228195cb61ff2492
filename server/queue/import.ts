import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '../db/open.ts';
import type { Logger } from '../log.ts';
import { formatIssue } from '../program/source.ts';
import { parseQueueFile } from './queue-file.ts';
import { queueStore } from './queue-store.ts';

/**
 * First start: fills the empty queue tables from `<schedulesDir>/queue.yaml`. From then on the
 * database is what runs; the file is not read again. A missing or broken file is logged, each
 * problem with its line and column, and the server starts without a queue rather than not at
 * all (the broadcast matters more); the next start tries again.
 */
export function importQueueOnce(db: Db, schedulesDir: string, log: Logger): boolean {
  const store = queueStore(db);
  if (!store.isEmpty()) return false;
  const path = join(schedulesDir, 'queue.yaml');
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    log.warn('no queue.yaml: the queue has no services', { path });
    return false;
  }
  const { value, issues } = parseQueueFile(text);
  if (!value) {
    log.error('queue.yaml is not valid; the queue has no services', {
      issues: issues.map(formatIssue),
    });
    return false;
  }
  store.seed(value);
  store.setMeta('file', text);
  log.info('queue imported', {
    path,
    services: value.services.length,
    counters: value.counters.length,
  });
  return true;
}

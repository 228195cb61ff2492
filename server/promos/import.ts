import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { Logger } from '../log.ts';
import { promosFileSchema } from '../program/promo-schema.ts';
import type { PromoStore } from './store.ts';

/**
 * First start: fills the empty promos table from `<schedulesDir>/promos.yaml`. From then on the
 * console owns the promos; the file is not read again. A missing or broken file is logged and
 * the server starts without promos, rather than not at all.
 */
export function importPromosOnce(
  store: PromoStore,
  schedulesDir: string,
  log: Logger,
  now: Date,
): number {
  if (!store.isEmpty()) return 0;
  const path = join(schedulesDir, 'promos.yaml');
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    log.info('no promos to import', { path });
    return 0;
  }
  let data: unknown;
  try {
    data = parseYaml(text) ?? {};
  } catch (err) {
    log.warn('promos.yaml is not valid YAML; no promos imported', { err: String(err) });
    return 0;
  }
  const parsed = promosFileSchema.safeParse(data);
  if (!parsed.success) {
    log.warn('promos.yaml is not valid; no promos imported', {
      issues: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`),
    });
    return 0;
  }
  store.save(parsed.data.promos, 'import', now);
  log.info('promos imported', { path, count: parsed.data.promos.length });
  return parsed.data.promos.length;
}

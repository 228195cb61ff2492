import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { Logger } from '../log.ts';
import { blankMerchant } from '../merchants/import-file.ts';
import type { MerchantStore } from '../merchants/store.ts';
import { promosFileSchema } from '../program/promo-schema.ts';
import type { PromoRecord, PromoStore } from './store.ts';

/**
 * First start: fills the empty promos table from `<schedulesDir>/promos.yaml`. Each promo's
 * embedded merchant becomes (or finds, by name) a merchant record. From then on the console
 * owns the promos; the file is not read again. A missing or broken file is logged and the
 * server starts without promos, rather than not at all.
 */
export function importPromosOnce(
  store: PromoStore,
  merchants: MerchantStore,
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
  const records: PromoRecord[] = parsed.data.promos.map(({ merchant, ...promo }) => {
    const merchantId =
      merchants.byName(merchant.name)?.id ??
      merchants.create(
        { ...blankMerchant(merchant.name, merchant.floor), unit: merchant.unit ?? null },
        'import',
        now,
      );
    return { ...promo, merchantId };
  });
  store.save(records, 'import', now, 'imported');
  log.info('promos imported', { path, count: records.length });
  return records.length;
}

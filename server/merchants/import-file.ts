import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import type { Logger } from '../log.ts';
import { crossFieldIssues, merchantCreateBody } from './merchant-fields.ts';
import type { MerchantData, MerchantStore } from './store.ts';

/** A merchant with only its name and floor known. */
export const blankMerchant = (name: string, floor: string): MerchantData => ({
  name,
  nameLatin: null,
  pinyin: null,
  floor,
  unit: null,
  category: 'other',
  opens: null,
  closes: null,
  phone: null,
  contact: null,
  description: null,
});

/** A checked body as the merchant it describes; absent optional fields become `null`. */
export const merchantData = (body: z.infer<typeof merchantCreateBody>): MerchantData => ({
  ...blankMerchant(body.name, body.floor),
  category: body.category,
  nameLatin: body.nameLatin ?? null,
  pinyin: body.pinyin ?? null,
  unit: body.unit ?? null,
  opens: body.opens ?? null,
  closes: body.closes ?? null,
  phone: body.phone ?? null,
  contact: body.contact ?? null,
  description: body.description ?? null,
});

const fileSchema = z.strictObject({ merchants: z.array(merchantCreateBody).default([]) });

/**
 * First start: fills the empty merchants table from `<schedulesDir>/merchants.yaml` (the demo
 * merchants with their brand, category, hours and contact), before the promos are imported
 * and find their merchants by name. Missing or broken: logged, and the promos' own merchant
 * fields are used instead.
 */
export function importMerchantsOnce(
  store: MerchantStore,
  schedulesDir: string,
  log: Logger,
  now: Date,
): number {
  if (!store.isEmpty()) return 0;
  const path = join(schedulesDir, 'merchants.yaml');
  let data: unknown;
  try {
    data = parseYaml(readFileSync(path, 'utf8')) ?? {};
  } catch (err) {
    log.info('no merchants imported from merchants.yaml', { path, err: String(err) });
    return 0;
  }
  const parsed = fileSchema.safeParse(data);
  const issues = parsed.success
    ? parsed.data.merchants.flatMap((m, i) =>
        crossFieldIssues(m).map((x) => `merchants.${i}.${x.field}: ${x.message}`),
      )
    : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  if (!parsed.success || issues.length) {
    log.warn('merchants.yaml is not valid; no merchants imported', { issues });
    return 0;
  }
  store.apply(
    parsed.data.merchants.map((m) => ({ kind: 'create' as const, data: merchantData(m) })),
    'import',
    now,
  );
  log.info('merchants imported', { path, count: parsed.data.merchants.length });
  return parsed.data.merchants.length;
}

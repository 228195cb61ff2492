import type { Db } from '../db/open.ts';
import type { MerchantStore } from '../merchants/store.ts';
import type { Promo } from '../program/promo-schema.ts';

/** A promo as its table holds it: its merchant by id. */
export interface PromoRecord {
  id: string;
  merchantId: number;
  title: string;
  media?: string;
  text?: string;
  validFrom?: string;
  validTo?: string;
  dayParts?: string[];
  weight: number;
  playsPerHour?: number;
  retired: boolean;
}

/** A promo as the compiler takes it (its merchant's name and place), with the merchant's id. */
export type ResolvedPromo = Promo & { merchantId: number };

/**
 * A promo as the console sees it: the record, its merchant's name and place (the same
 * `merchant` the compiler, the plan items and the proof-of-play report read), and who made
 * and last changed it.
 */
export type StoredPromo = ResolvedPromo & {
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
};

interface PromoRow {
  id: string;
  merchant_id: number;
  title: string;
  media: string | null;
  text: string | null;
  valid_from: string | null;
  valid_to: string | null;
  day_parts: string | null;
  weight: number;
  plays_per_hour: number | null;
  retired: number;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
}

type Stamped = PromoRecord &
  Pick<StoredPromo, 'createdAt' | 'createdBy' | 'updatedAt' | 'updatedBy'>;

const fromRow = (r: PromoRow): Stamped => ({
  id: r.id,
  merchantId: r.merchant_id,
  title: r.title,
  ...(r.media !== null ? { media: r.media } : {}),
  ...(r.text !== null ? { text: r.text } : {}),
  ...(r.valid_from !== null ? { validFrom: r.valid_from } : {}),
  ...(r.valid_to !== null ? { validTo: r.valid_to } : {}),
  ...(r.day_parts !== null ? { dayParts: JSON.parse(r.day_parts) as string[] } : {}),
  weight: r.weight,
  ...(r.plays_per_hour !== null ? { playsPerHour: r.plays_per_hour } : {}),
  retired: r.retired === 1,
  createdAt: r.created_at,
  createdBy: r.created_by,
  updatedAt: r.updated_at,
  updatedBy: r.updated_by,
});

export const RECORD_KEYS = [
  'id',
  'merchantId',
  'title',
  'media',
  'text',
  'validFrom',
  'validTo',
  'dayParts',
  'weight',
  'playsPerHour',
  'retired',
] as const satisfies readonly (keyof PromoRecord)[];

/** Just the record, without the stamps or the resolved merchant. */
export function recordOf(p: PromoRecord): PromoRecord {
  return Object.fromEntries(
    RECORD_KEYS.filter((k) => p[k] !== undefined).map((k) => [k, p[k]]),
  ) as unknown as PromoRecord;
}

/** The fields in which two versions of a promo differ. Pure. */
export const changedPromoFields = (a: PromoRecord | undefined, b: PromoRecord): string[] =>
  a ? RECORD_KEYS.filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k])) : [];

const params = (p: PromoRecord, by: string, at: string) => ({
  id: p.id,
  merchant_id: p.merchantId,
  title: p.title,
  media: p.media ?? null,
  text: p.text ?? null,
  valid_from: p.validFrom ?? null,
  valid_to: p.validTo ?? null,
  day_parts: p.dayParts ? JSON.stringify(p.dayParts) : null,
  weight: p.weight,
  plays_per_hour: p.playsPerHour ?? null,
  retired: p.retired ? 1 : 0,
  at,
  by,
});

/**
 * The promos table; statements prepared once, the records kept in memory until a write. Each
 * promo's merchant is looked up as it is read, so an edited merchant shows at once.
 */
export function promoStore(db: Db, merchants: MerchantStore) {
  const q = {
    all: db.prepare<[], PromoRow>('SELECT * FROM promos ORDER BY id'),
    count: db.prepare('SELECT count(*) FROM promos').pluck(),
    insert: db.prepare(
      `INSERT INTO promos (id, merchant_id, title, media, text, valid_from, valid_to, day_parts,
         weight, plays_per_hour, retired, created_at, created_by, updated_at, updated_by)
       VALUES (@id, @merchant_id, @title, @media, @text, @valid_from, @valid_to, @day_parts,
         @weight, @plays_per_hour, @retired, @at, @by, @at, @by)`,
    ),
    update: db.prepare(
      `UPDATE promos SET merchant_id = @merchant_id, title = @title, media = @media,
         text = @text, valid_from = @valid_from, valid_to = @valid_to, day_parts = @day_parts,
         weight = @weight, plays_per_hour = @plays_per_hour, retired = @retired,
         updated_at = @at, updated_by = @by
       WHERE id = @id`,
    ),
  };
  let cache: Stamped[] | undefined;
  const stamped = () => (cache ??= q.all.all().map(fromRow));

  /** A record with its merchant's name and place: what the compiler plays. */
  const resolve = (p: PromoRecord): ResolvedPromo => {
    const m = merchants.get(p.merchantId);
    if (!m) throw new Error(`promo ${p.id}: no merchant ${p.merchantId}`);
    return {
      ...recordOf(p),
      merchant: { name: m.name, floor: m.floor, ...(m.unit ? { unit: m.unit } : {}) },
    };
  };
  const present = (p: Stamped): StoredPromo => ({
    ...resolve(p),
    createdAt: p.createdAt,
    createdBy: p.createdBy,
    updatedAt: p.updatedAt,
    updatedBy: p.updatedBy,
  });

  return {
    /** Every promo, retired ones included (the compiler skips those), by id. */
    all: (): ResolvedPromo[] => stamped().map(resolve),
    /** The same for a set of records that is not stored (a check, a preview). */
    resolve: (records: readonly PromoRecord[]): ResolvedPromo[] => records.map(resolve),
    records: (): PromoRecord[] => stamped().map(recordOf),
    list: (): StoredPromo[] => stamped().map(present),
    get(id: string): StoredPromo | undefined {
      const p = stamped().find((r) => r.id === id);
      return p && present(p);
    },
    record(id: string): PromoRecord | undefined {
      const p = stamped().find((r) => r.id === id);
      return p && recordOf(p);
    },
    isEmpty: () => (q.count.get() as number) === 0,
    /** Adds new promos and replaces changed ones, each change logged, all or none. */
    save: db.transaction(
      (promos: readonly PromoRecord[], by: string, now: Date, action = 'edited') => {
        const at = now.toISOString();
        const before = new Map(stamped().map((p) => [p.id, p]));
        cache = undefined;
        for (const p of promos) {
          const old = before.get(p.id);
          if (old) q.update.run(params(p, by, at));
          else q.insert.run(params(p, by, at));
          const fields = changedPromoFields(old && recordOf(old), p);
          merchants.logPromo(p.merchantId, p.id, old ? action : 'created', fields, by, now);
        }
      },
    ),
  };
}
export type PromoStore = ReturnType<typeof promoStore>;

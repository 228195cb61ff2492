import type { Db } from '../db/open.ts';
import type { Promo } from '../program/promo-schema.ts';

/** A promo as the console sees it: the promo and who last changed it. */
export interface StoredPromo extends Promo {
  createdAt: string;
  updatedAt: string;
  updatedBy: string;
}

interface PromoRow {
  id: string;
  merchant_name: string;
  merchant_floor: string;
  merchant_unit: string | null;
  title: string;
  media: string | null;
  text: string | null;
  valid_from: string | null;
  valid_to: string | null;
  day_parts: string | null;
  weight: number;
  retired: number;
  created_at: string;
  updated_at: string;
  updated_by: string;
}

const toStored = (r: PromoRow): StoredPromo => ({
  id: r.id,
  merchant: {
    name: r.merchant_name,
    floor: r.merchant_floor,
    ...(r.merchant_unit !== null ? { unit: r.merchant_unit } : {}),
  },
  title: r.title,
  ...(r.media !== null ? { media: r.media } : {}),
  ...(r.text !== null ? { text: r.text } : {}),
  ...(r.valid_from !== null ? { validFrom: r.valid_from } : {}),
  ...(r.valid_to !== null ? { validTo: r.valid_to } : {}),
  ...(r.day_parts !== null ? { dayParts: JSON.parse(r.day_parts) as string[] } : {}),
  weight: r.weight,
  retired: r.retired === 1,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  updatedBy: r.updated_by,
});

const PROMO_KEYS = [
  'id',
  'merchant',
  'title',
  'media',
  'text',
  'validFrom',
  'validTo',
  'dayParts',
  'weight',
  'retired',
] as const satisfies readonly (keyof Promo)[];

/** Just the promo, as the day-plan compiler takes it. */
export function promoOf(p: StoredPromo): Promo {
  return Object.fromEntries(
    PROMO_KEYS.filter((k) => p[k] !== undefined).map((k) => [k, p[k]]),
  ) as Promo;
}

const params = (p: Promo, by: string, at: string) => ({
  id: p.id,
  merchant_name: p.merchant.name,
  merchant_floor: p.merchant.floor,
  merchant_unit: p.merchant.unit ?? null,
  title: p.title,
  media: p.media ?? null,
  text: p.text ?? null,
  valid_from: p.validFrom ?? null,
  valid_to: p.validTo ?? null,
  day_parts: p.dayParts ? JSON.stringify(p.dayParts) : null,
  weight: p.weight,
  retired: p.retired ? 1 : 0,
  at,
  by,
});

/** The promos table; statements prepared once, the list kept in memory until a write. */
export function promoStore(db: Db) {
  const q = {
    all: db.prepare<[], PromoRow>('SELECT * FROM promos ORDER BY id'),
    get: db.prepare<[string], PromoRow>('SELECT * FROM promos WHERE id = ?'),
    count: db.prepare('SELECT count(*) FROM promos').pluck(),
    insert: db.prepare(
      `INSERT INTO promos (id, merchant_name, merchant_floor, merchant_unit, title, media, text,
         valid_from, valid_to, day_parts, weight, retired, created_at, updated_at, updated_by)
       VALUES (@id, @merchant_name, @merchant_floor, @merchant_unit, @title, @media, @text,
         @valid_from, @valid_to, @day_parts, @weight, @retired, @at, @at, @by)`,
    ),
    update: db.prepare(
      `UPDATE promos SET merchant_name = @merchant_name, merchant_floor = @merchant_floor,
         merchant_unit = @merchant_unit, title = @title, media = @media, text = @text,
         valid_from = @valid_from, valid_to = @valid_to, day_parts = @day_parts,
         weight = @weight, retired = @retired, updated_at = @at, updated_by = @by
       WHERE id = @id`,
    ),
  };
  // The compiler asks for the list on every plan it compiles; it changes only through here.
  let cache: StoredPromo[] | undefined;
  const list = () => (cache ??= q.all.all().map(toStored));

  return {
    /** Every promo, retired ones included (the compiler skips those), by id. */
    all: (): Promo[] => list().map(promoOf),
    list,
    get: (id: string): StoredPromo | undefined => list().find((p) => p.id === id),
    isEmpty: () => (q.count.get() as number) === 0,
    /** Adds new promos and replaces changed ones, all or none. */
    save: db.transaction((promos: readonly Promo[], by: string, now: Date) => {
      cache = undefined;
      const at = now.toISOString();
      for (const p of promos) {
        if (q.get.get(p.id)) q.update.run(params(p, by, at));
        else q.insert.run(params(p, by, at));
      }
    }),
  };
}
export type PromoStore = ReturnType<typeof promoStore>;

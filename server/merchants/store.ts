import type { Db } from '../db/open.ts';
import type { CategoryCode } from './categories.ts';
import { initialsOf, MERCHANT_FIELDS, type MerchantField } from './merchant-fields.ts';

/** A merchant's own fields; `null` where nothing is known. */
export interface MerchantData {
  name: string;
  nameLatin: string | null;
  pinyin: string | null;
  floor: string;
  unit: string | null;
  category: CategoryCode;
  opens: string | null;
  closes: string | null;
  phone: string | null;
  contact: string | null;
  description: string | null;
}

/** A merchant as the API shows it. */
export interface Merchant extends MerchantData {
  id: number;
  /** Derived from the pinyin: what the directory's initials search matches. */
  initials: string | null;
  /** `<sha256>.<ext>`, served at `/images/<logo>`. */
  logo: string | null;
  retired: boolean;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
}

export interface MerchantChange {
  entity: 'merchant' | 'promo';
  entityId: string;
  action: string;
  fields: string[];
  changedBy: string;
  changedAt: string;
}

interface Row {
  id: number;
  name: string;
  name_latin: string | null;
  pinyin: string | null;
  initials: string | null;
  floor: string;
  unit: string | null;
  category: string;
  opens: string | null;
  closes: string | null;
  phone: string | null;
  contact: string | null;
  description: string | null;
  logo: string | null;
  retired: number;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
}

const fromRow = (r: Row): Merchant => ({
  id: r.id,
  name: r.name,
  nameLatin: r.name_latin,
  pinyin: r.pinyin,
  initials: r.initials,
  floor: r.floor,
  unit: r.unit,
  category: r.category as CategoryCode,
  opens: r.opens,
  closes: r.closes,
  phone: r.phone,
  contact: r.contact,
  description: r.description,
  logo: r.logo,
  retired: r.retired === 1,
  createdAt: r.created_at,
  createdBy: r.created_by,
  updatedAt: r.updated_at,
  updatedBy: r.updated_by,
});

const columns = (m: MerchantData) => ({
  name: m.name,
  name_latin: m.nameLatin,
  pinyin: m.pinyin,
  initials: m.pinyin ? initialsOf(m.pinyin) : null,
  floor: m.floor,
  unit: m.unit,
  category: m.category,
  opens: m.opens,
  closes: m.closes,
  phone: m.phone,
  contact: m.contact,
  description: m.description,
});

/** The fields in which two versions of a merchant differ. Pure. */
export const changedFields = (a: MerchantData, b: MerchantData): MerchantField[] =>
  MERCHANT_FIELDS.filter((k) => a[k] !== b[k]);

/** Just the fields a person edits. */
export const dataOf = (m: Merchant): MerchantData =>
  Object.fromEntries(MERCHANT_FIELDS.map((k) => [k, m[k]])) as unknown as MerchantData;

/**
 * The merchants table and its change log; statements prepared once, the list kept in memory
 * until a write (the compiler resolves every promo's merchant through it).
 */
export function merchantStore(db: Db) {
  const q = {
    all: db.prepare<[], Row>('SELECT * FROM merchants ORDER BY id'),
    count: db.prepare('SELECT count(*) FROM merchants').pluck(),
    insert: db.prepare(
      `INSERT INTO merchants (name, name_latin, pinyin, initials, floor, unit, category, opens,
         closes, phone, contact, description, created_at, created_by, updated_at, updated_by)
       VALUES (@name, @name_latin, @pinyin, @initials, @floor, @unit, @category, @opens,
         @closes, @phone, @contact, @description, @at, @by, @at, @by)`,
    ),
    update: db.prepare(
      `UPDATE merchants SET name = @name, name_latin = @name_latin, pinyin = @pinyin,
         initials = @initials, floor = @floor, unit = @unit, category = @category,
         opens = @opens, closes = @closes, phone = @phone, contact = @contact,
         description = @description, updated_at = @at, updated_by = @by
       WHERE id = @id`,
    ),
    setLogo: db.prepare(
      'UPDATE merchants SET logo = ?, updated_at = ?, updated_by = ? WHERE id = ?',
    ),
    logoUsers: db.prepare('SELECT count(*) FROM merchants WHERE logo = ?').pluck(),
    setRetired: db.prepare(
      'UPDATE merchants SET retired = ?, updated_at = ?, updated_by = ? WHERE id = ?',
    ),
    log: db.prepare(
      `INSERT INTO merchant_changes (entity, entity_id, merchant_id, action, fields, changed_by,
         changed_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ),
    history: db.prepare<[number, number], Record<string, string>>(
      `SELECT entity, entity_id AS entityId, action, fields, changed_by AS changedBy,
         changed_at AS changedAt FROM merchant_changes WHERE merchant_id = ?
       ORDER BY id DESC LIMIT ?`,
    ),
  };
  let cache: Merchant[] | undefined;
  const list = () => (cache ??= q.all.all().map(fromRow));
  const get = (id: number) => list().find((m) => m.id === id);
  const byName = (name: string) => list().find((m) => m.name === name);

  /** Writes one change log line; runs inside the caller's transaction. */
  const log = (change: Omit<MerchantChange, 'changedAt'>, merchantId: number, at: string) =>
    q.log.run(
      change.entity,
      change.entityId,
      merchantId,
      change.action,
      JSON.stringify(change.fields),
      change.changedBy,
      at,
    );

  const create = (m: MerchantData, by: string, at: string): number => {
    const id = Number(q.insert.run({ ...columns(m), at, by }).lastInsertRowid);
    log(
      { entity: 'merchant', entityId: String(id), action: 'created', fields: [], changedBy: by },
      id,
      at,
    );
    return id;
  };
  const update = (
    id: number,
    m: MerchantData,
    fields: readonly string[],
    by: string,
    at: string,
  ) => {
    q.update.run({ ...columns(m), id, at, by });
    log(
      {
        entity: 'merchant',
        entityId: String(id),
        action: 'edited',
        fields: [...fields],
        changedBy: by,
      },
      id,
      at,
    );
  };

  return {
    list,
    get,
    byName,
    isEmpty: () => q.count.get() === 0,
    /** Adds a merchant; its id. */
    create: db.transaction((m: MerchantData, by: string, now: Date): number => {
      cache = undefined;
      return create(m, by, now.toISOString());
    }),
    /** Replaces a merchant's fields, logging which changed. */
    update: db.transaction((id: number, m: MerchantData, by: string, now: Date): void => {
      const old = get(id);
      if (!old) throw new Error(`no merchant ${id}`);
      cache = undefined;
      update(id, m, changedFields(dataOf(old), m), by, now.toISOString());
    }),
    /** Creates and updates many at once (an import): all or none. */
    apply: db.transaction(
      (
        changes: readonly (
          | { kind: 'create'; data: MerchantData }
          | { kind: 'update'; id: number; data: MerchantData; fields: readonly string[] }
        )[],
        by: string,
        now: Date,
      ): number[] => {
        const at = now.toISOString();
        cache = undefined;
        return changes.map((c) => {
          if (c.kind === 'create') return create(c.data, by, at);
          update(c.id, c.data, c.fields, by, at);
          return c.id;
        });
      },
    ),
    /** Whether a merchant's logo is this stored image. */
    usesLogo: (name: string) => (q.logoUsers.get(name) as number) > 0,
    /** Sets or clears the logo; true when the old file is no longer anyone's. */
    setLogo: db.transaction(
      (id: number, logo: string | null, by: string, now: Date): string | undefined => {
        const old = get(id)?.logo ?? null;
        cache = undefined;
        const at = now.toISOString();
        q.setLogo.run(logo, at, by, id);
        log(
          {
            entity: 'merchant',
            entityId: String(id),
            action: logo ? 'logo' : 'logo-removed',
            fields: ['logo'],
            changedBy: by,
          },
          id,
          at,
        );
        return old && old !== logo && q.logoUsers.get(old) === 0 ? old : undefined;
      },
    ),
    setRetired: db.transaction((id: number, retired: boolean, by: string, now: Date) => {
      cache = undefined;
      const at = now.toISOString();
      q.setRetired.run(retired ? 1 : 0, at, by, id);
      log(
        {
          entity: 'merchant',
          entityId: String(id),
          action: retired ? 'retired' : 'unretired',
          fields: ['retired'],
          changedBy: by,
        },
        id,
        at,
      );
    }),
    /** Logs a change of one of the merchant's promos (within the promo's own transaction). */
    logPromo(
      merchantId: number,
      promoId: string,
      action: string,
      fields: readonly string[],
      by: string,
      now: Date,
    ): void {
      log(
        { entity: 'promo', entityId: promoId, action, fields: [...fields], changedBy: by },
        merchantId,
        now.toISOString(),
      );
    },
    /** Newest first: the merchant's changes and its promos'. */
    history(id: number, limit = 100): MerchantChange[] {
      return q.history.all(id, limit).map((r) => ({
        entity: r['entity'] as MerchantChange['entity'],
        entityId: r['entityId'] as string,
        action: r['action'] as string,
        fields: JSON.parse(r['fields'] as string) as string[],
        changedBy: r['changedBy'] as string,
        changedAt: r['changedAt'] as string,
      }));
    },
  };
}
export type MerchantStore = ReturnType<typeof merchantStore>;

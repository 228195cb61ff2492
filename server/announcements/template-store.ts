import type { Db } from '../db/open.ts';
import type { Priority } from './schema.ts';
import type { TemplateDefinition } from './template-schema.ts';
import { BUILTIN_TEMPLATES, type Template, type TemplateField } from './templates.ts';

/** A template as the console lists it: whose it is, and whether the mall reworded a built-in. */
export interface TemplateView extends Template {
  /** Ships with deskcast: it can be reworded and restored, not deleted. */
  builtin: boolean;
  /** A built-in in the mall's wording (restoring the default undoes it). */
  edited: boolean;
  updatedBy: string | null;
  updatedAt: string | null;
}

interface Row {
  seq: number;
  builtin_id: string | null;
  name: string;
  title: string;
  text: string;
  fields: string;
  priority: Priority;
  repeat: number;
  interval_s: number;
  created_by: string;
  created_at: string;
  updated_by: string;
  updated_at: string;
}

const OWN_ID = /^mall-(\d{1,9})$/;
const ownId = (seq: number) => `mall-${seq}`;

const fromRow = (r: Row): TemplateView => ({
  id: r.builtin_id ?? ownId(r.seq),
  name: r.name,
  title: r.title,
  text: r.text,
  fields: JSON.parse(r.fields) as TemplateField[],
  priority: r.priority,
  repeat: r.repeat,
  intervalS: r.interval_s,
  builtin: r.builtin_id !== null,
  edited: r.builtin_id !== null,
  updatedBy: r.updated_by,
  updatedAt: r.updated_at,
});

const asDefault = (t: Template): TemplateView => ({
  ...t,
  builtin: true,
  edited: false,
  updatedBy: null,
  updatedAt: null,
});

const params = (d: TemplateDefinition) => ({
  name: d.name,
  title: d.title,
  text: d.text,
  fields: JSON.stringify(d.fields),
  priority: d.priority,
  repeat: d.repeat,
  interval_s: d.intervalS,
});

/** What a removal did. */
export type Removal = 'deleted' | 'builtin' | 'missing';

/**
 * Announcement templates: the built-ins (in code, so a new release brings new ones), each in
 * the mall's wording where it has one, then the mall's own, in the order they were made.
 */
export function templateStore(db: Db) {
  const q = {
    all: db.prepare<[], Row>('SELECT * FROM announcement_templates ORDER BY seq'),
    bySeq: db.prepare<[number], Row>(
      'SELECT * FROM announcement_templates WHERE seq = ? AND builtin_id IS NULL',
    ),
    byBuiltin: db.prepare<[string], Row>(
      'SELECT * FROM announcement_templates WHERE builtin_id = ?',
    ),
    insert: db.prepare(
      `INSERT INTO announcement_templates (builtin_id, name, title, text, fields, priority, repeat,
         interval_s, created_by, created_at, updated_by, updated_at)
       VALUES (@builtin_id, @name, @title, @text, @fields, @priority, @repeat, @interval_s,
         @by, @at, @by, @at)`,
    ),
    update: db.prepare(
      `UPDATE announcement_templates SET name = @name, title = @title, text = @text,
         fields = @fields, priority = @priority, repeat = @repeat, interval_s = @interval_s,
         updated_by = @by, updated_at = @at
       WHERE seq = @seq`,
    ),
    deleteSeq: db.prepare('DELETE FROM announcement_templates WHERE seq = ?'),
  };

  const builtin = (id: string) => BUILTIN_TEMPLATES.find((t) => t.id === id);
  const rowOf = (id: string): Row | undefined => {
    const own = OWN_ID.exec(id);
    if (own) return q.bySeq.get(Number(own[1]));
    return builtin(id) ? q.byBuiltin.get(id) : undefined;
  };
  const get = (id: string): TemplateView | undefined => {
    const row = rowOf(id);
    if (row) return fromRow(row);
    const b = builtin(id);
    return b && asDefault(b);
  };

  // Rewording a built-in the first time inserts its row; a second editor's save updates it.
  const upsertBuiltin = db.transaction(
    (id: string, d: TemplateDefinition, by: string, at: string) => {
      const row = q.byBuiltin.get(id);
      if (row) q.update.run({ ...params(d), by, at, seq: row.seq });
      else q.insert.run({ ...params(d), builtin_id: id, by, at });
    },
  );

  return {
    list(): TemplateView[] {
      const rows = q.all.all();
      const worded = new Map(rows.flatMap((r) => (r.builtin_id ? [[r.builtin_id, r]] : [])));
      return [
        ...BUILTIN_TEMPLATES.map((b) => {
          const r = worded.get(b.id);
          return r ? fromRow(r) : asDefault(b);
        }),
        ...rows.filter((r) => r.builtin_id === null).map(fromRow),
      ];
    },
    get,
    create(d: TemplateDefinition, by: string, now: Date): TemplateView {
      const info = q.insert.run({ ...params(d), builtin_id: null, by, at: now.toISOString() });
      return get(ownId(Number(info.lastInsertRowid))) as TemplateView;
    },
    /** The new wording, or undefined when there is no such template. */
    update(id: string, d: TemplateDefinition, by: string, now: Date): TemplateView | undefined {
      const at = now.toISOString();
      if (builtin(id)) upsertBuiltin(id, d, by, at);
      else {
        const row = rowOf(id);
        if (!row) return undefined;
        q.update.run({ ...params(d), by, at, seq: row.seq });
      }
      return get(id);
    },
    /** Deletes one of the mall's own; a built-in is never deleted. */
    remove(id: string): Removal {
      if (builtin(id)) return 'builtin';
      const row = rowOf(id);
      if (!row) return 'missing';
      q.deleteSeq.run(row.seq);
      return 'deleted';
    },
    /** A built-in back to its shipped wording; undefined when `id` is no built-in. */
    reset(id: string): TemplateView | undefined {
      const b = builtin(id);
      if (!b) return undefined;
      const row = q.byBuiltin.get(id);
      if (row) q.deleteSeq.run(row.seq);
      return asDefault(b);
    },
  };
}
export type TemplateStore = ReturnType<typeof templateStore>;

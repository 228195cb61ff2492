import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventRecord } from '../../server/events/event-types.ts';
import { openDatabase } from '../../server/db/open.ts';
import { startServer, withCast, type Json, type TestServer } from '../helpers/server.ts';

let server: TestServer;
let cast: Awaited<ReturnType<typeof withCast>>;
// A shared machine may be slow to start a server; the tests themselves are quick.
beforeAll(async () => {
  server = await startServer();
  cast = await withCast(server);
}, 30_000);
afterAll(() => server.close());

const eventsAfter = (id: number): EventRecord[] => {
  const e = server.ctx.bus.since(id);
  return e === 'resync' ? [] : e;
};

/** A template the mall might add: lost property, with its blanks named in Chinese. */
const lostProperty = (overrides: Json = {}): Json => ({
  name: '失物招领',
  title: '失物招领：{物品}',
  text: '顾客朋友请注意，服务台收到一件{物品}，请失主到{地点}认领。',
  fields: [
    { name: '物品', label: '物品', kind: 'text', example: '黑色钱包' },
    { name: '地点', label: '认领地点', kind: 'text', example: '一楼服务台' },
  ],
  priority: 'normal',
  repeat: 3,
  intervalS: 60,
  ...overrides,
});

const listed = async () =>
  (await cast.desk.get('/api/announcements/templates')).body.templates as Json[];

describe('the mall’s own templates', () => {
  it('are made, listed after the built-ins, edited and deleted by the broadcast staff', async () => {
    const mark = server.ctx.bus.latestId();
    const made = await cast.announcer.post('/api/announcements/templates', lostProperty());
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({
      id: expect.stringMatching(/^mall-\d+$/),
      name: '失物招领',
      builtin: false,
      edited: false,
      repeat: 3,
      intervalS: 60,
      updatedBy: 'announcer1',
    });
    const id = made.body.id as string;
    expect((await listed()).map((t) => t.id)).toEqual([
      'lost-child',
      'move-car',
      'closing-soon',
      id,
    ]);

    // Filled and sent like a built-in, going out as the template says.
    const filled = await cast.desk.post(`/api/announcements/templates/${id}/fill`, {
      fields: { 物品: '蓝色雨伞', 地点: '二楼服务台' },
    });
    expect(filled.status).toBe(200);
    expect(filled.body).toMatchObject({
      text: '顾客朋友请注意，服务台收到一件蓝色雨伞，请失主到二楼服务台认领。',
      title: '失物招领：蓝色雨伞',
    });
    const sent = await cast.desk.post('/api/announcements/from-template', {
      template: id,
      fields: { 物品: '蓝色雨伞', 地点: '二楼服务台' },
    });
    expect(sent.status).toBe(201);
    expect(sent.body).toMatchObject({ template: id, repeat: 3, intervalS: 60, priority: 'normal' });

    const edited = await cast.admin.put(
      `/api/announcements/templates/${id}`,
      lostProperty({ name: '失物认领', repeat: 2, priority: 'urgent' }),
    );
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ id, name: '失物认领', repeat: 2, updatedBy: 'admin' });
    expect((await listed()).find((t) => t.id === id)?.name).toBe('失物认领');

    const gone = await cast.announcer.delete(`/api/announcements/templates/${id}`);
    expect(gone.status).toBe(200);
    expect((await listed()).map((t) => t.id)).not.toContain(id);
    expect((await cast.announcer.delete(`/api/announcements/templates/${id}`)).status).toBe(404);
    // The announcement made from it keeps its words.
    expect(server.ctx.announcements.get(sent.body.id as number)?.text).toContain('蓝色雨伞');

    // Every change is told to the other consoles.
    expect(
      eventsAfter(mark)
        .filter((e) => e.type === 'announcement-templates-changed')
        .map((e) => e.payload),
    ).toEqual([{ ids: [id] }, { ids: [id] }, { ids: [id] }]);
  });

  it('never gives a deleted template’s id to a new one', async () => {
    const a = await cast.announcer.post(
      '/api/announcements/templates',
      lostProperty({ name: 'A' }),
    );
    await cast.announcer.delete(`/api/announcements/templates/${a.body.id}`);
    const b = await cast.announcer.post(
      '/api/announcements/templates',
      lostProperty({ name: 'B' }),
    );
    expect(b.body.id).not.toBe(a.body.id);
    await cast.announcer.delete(`/api/announcements/templates/${b.body.id}`);
  });

  it('survive a restart (they are in the database)', async () => {
    const t = await cast.announcer.post('/api/announcements/templates', lostProperty());
    const db = openDatabase(`${server.dataDir}/deskcast.sqlite`);
    try {
      const row = db
        .prepare('SELECT name, text FROM announcement_templates WHERE builtin_id IS NULL')
        .all();
      expect(row).toEqual([{ name: '失物招领', text: lostProperty().text }]);
    } finally {
      db.close();
    }
    await cast.announcer.delete(`/api/announcements/templates/${t.body.id}`);
  });
});

describe('the built-in templates', () => {
  it('can be reworded and restored, but not deleted', async () => {
    const original = (await listed()).find((t) => t.id === 'lost-child')!;
    const reworded = {
      name: original.name,
      title: original.title,
      text: '请{name}小朋友的家长到{place}，孩子{age}岁，穿{clothes}。',
      fields: original.fields,
      priority: 'emergency',
      repeat: 3,
      intervalS: 120,
    };
    const r = await cast.announcer.put('/api/announcements/templates/lost-child', reworded);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ id: 'lost-child', builtin: true, edited: true, repeat: 3 });
    const sent = await cast.desk.post('/api/announcements/from-template', {
      template: 'lost-child',
      fields: { name: '乐乐', age: 5, clothes: '红色外套', place: '三楼服务台' },
    });
    expect(sent.status).toBe(201);
    expect(sent.body).toMatchObject({
      text: '请乐乐小朋友的家长到三楼服务台，孩子5岁，穿红色外套。',
      priority: 'emergency',
      repeat: 3,
      intervalS: 120,
    });
    // Its place in the list is kept.
    expect((await listed()).map((t) => t.id).slice(0, 3)).toEqual([
      'lost-child',
      'move-car',
      'closing-soon',
    ]);

    const del = await cast.announcer.delete('/api/announcements/templates/lost-child');
    expect(del.status).toBe(409);
    expect(del.body.error).toBe('builtin');

    const reset = await cast.announcer.post('/api/announcements/templates/lost-child/reset');
    expect(reset.status).toBe(200);
    expect(reset.body).toMatchObject({ edited: false, text: original.text, repeat: 2 });
    expect((await listed()).find((t) => t.id === 'lost-child')).toEqual(original);
  });

  it('refuses to reset one of the mall’s own, which has no default', async () => {
    const t = await cast.announcer.post('/api/announcements/templates', lostProperty());
    const r = await cast.announcer.post(`/api/announcements/templates/${t.body.id}/reset`);
    expect(r.status).toBe(409);
    expect(r.body.error).toBe('not-builtin');
    expect((await cast.announcer.post('/api/announcements/templates/nope/reset')).status).toBe(404);
    await cast.announcer.delete(`/api/announcements/templates/${t.body.id}`);
  });
});

describe('template validation', () => {
  it('names the field at fault and stores nothing', async () => {
    const before = await listed();
    const field = (i: number, f: Json) => {
      const fields = [...(lostProperty().fields as Json[])];
      fields[i] = { ...fields[i], ...f };
      return { fields };
    };
    const cases: [Json, string][] = [
      [{ name: '' }, 'name'],
      [{ name: '寻人' }, 'name'], // a built-in has that name
      [{ text: '' }, 'text'],
      [{ text: '长'.repeat(501) }, 'text'],
      [{ text: '请{颜色}车主挪车 {物品} {地点}' }, 'text'], // a blank with no field
      [{ text: '收到{物品}，到{地点}领取 {' }, 'text'], // a stray brace
      [{ title: '失物：{品牌}' }, 'title'],
      [{ text: '收到一件物品，请到{地点}认领' }, 'fields.0.name'], // a field never used
      [
        {
          fields: [
            ...(lostProperty().fields as Json[]),
            { name: '物品', label: '又一', kind: 'text' },
          ],
        },
        'fields.2.name', // two of one name
      ],
      [field(0, { name: 'a b' }), 'fields.0.name'],
      [field(0, { kind: 'colour' }), 'fields.0.kind'],
      [field(0, { label: '' }), 'fields.0.label'],
      [field(0, { kind: 'integer', min: 10, max: 5 }), 'fields.0.max'],
      [{ repeat: 0 }, 'repeat'],
      [{ repeat: 11 }, 'repeat'],
      [{ intervalS: -1 }, 'intervalS'],
      [{ intervalS: 3601 }, 'intervalS'],
      [{ priority: 'loud' }, 'priority'],
      [{ colour: 'red' }, ''],
    ];
    for (const [change, at] of cases) {
      const r = await cast.announcer.post('/api/announcements/templates', lostProperty(change));
      expect(r.status, JSON.stringify(change)).toBe(400);
      expect(r.body.field ?? '', JSON.stringify(change)).toBe(at);
      expect(r.body.message, JSON.stringify(change)).toBeTruthy();
    }
    const put = await cast.announcer.put(
      '/api/announcements/templates/move-car',
      lostProperty({ fields: [] }),
    );
    expect(put.status).toBe(400);
    expect(put.body.field).toBe('text');
    expect(await listed()).toEqual(before);
    expect(
      (await cast.announcer.put('/api/announcements/templates/mall-999', lostProperty())).status,
    ).toBe(404);
  });

  it('checks the values filled in, naming the blank', async () => {
    const r = await cast.desk.post('/api/announcements/templates/move-car/fill', {
      fields: { plate: '12345', location: 'B2' },
    });
    expect(r.status).toBe(400);
    expect(r.body.field).toBe('fields.plate');
    const missing = await cast.desk.post('/api/announcements/templates/nope/fill', { fields: {} });
    expect(missing.status).toBe(404);
  });
});

describe('who may change templates', () => {
  it('lets the desk list and fill them, not change them; devices and strangers neither', async () => {
    expect((await cast.desk.get('/api/announcements/templates')).status).toBe(200);
    expect(
      (
        await cast.desk.post('/api/announcements/templates/closing-soon/fill', {
          fields: { minutes: 10 },
        })
      ).status,
    ).toBe(200);
    const tries = [
      () => cast.desk.post('/api/announcements/templates', lostProperty()),
      () => cast.desk.put('/api/announcements/templates/move-car', lostProperty()),
      () => cast.desk.delete('/api/announcements/templates/move-car'),
      () => cast.desk.post('/api/announcements/templates/move-car/reset'),
      () => cast.device.post('/api/announcements/templates', lostProperty()),
      () => cast.device.get('/api/announcements/templates'),
    ];
    for (const t of tries) {
      const r = await t();
      expect(r.status).toBe(403);
      expect(r.body.error).toBe('forbidden');
    }
    expect((await cast.anonymous.get('/api/announcements/templates')).status).toBe(401);
    expect((await listed()).filter((t) => !t.builtin)).toEqual([]);
  });
});

describe('players to aim at', () => {
  it('lists the registered players, not guide screens or revoked ones, to all staff', async () => {
    const guide = await cast.admin.post('/api/devices', { name: 'guide-x', kind: 'guide' });
    const gone = await cast.admin.post('/api/devices', { name: 'player-old', kind: 'player' });
    await cast.admin.delete(`/api/devices/${gone.body.device.id}`);
    const r = await cast.desk.get('/api/announcements/players');
    expect(r.status).toBe(200);
    const names = (r.body.players as Json[]).map((p) => p.name);
    expect(names).toContain('player-1');
    expect(names).not.toContain('player-old');
    expect(names).not.toContain(guide.body.device.name);
    expect(Object.keys(r.body.players[0]).sort()).toEqual(['id', 'lastSeenAt', 'name']);
    expect((await cast.device.get('/api/announcements/players')).status).toBe(403);
  });
});

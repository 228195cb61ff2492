import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, withCast, type Json, type TestServer } from '../helpers/server.ts';
import { sha256, upload, wav } from './fixtures.ts';

let server: TestServer;
let cast: Awaited<ReturnType<typeof withCast>>;
beforeAll(async () => {
  server = await startServer();
  cast = await withCast(server);
});
afterAll(() => server.close());

const shipped = readdirSync('media', { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.mp3'))
  .map((f) => f.replace(/\.mp3$/, ''))
  .sort();
const ids = (items: Json[]) => items.map((m) => m.id as string);
/** The line of the first occurrence of `text` in a shipped schedule file. */
const lineOf = (file: string, text: string) =>
  readFileSync(join('schedules', file), 'utf8')
    .split('\n')
    .findIndex((l) => l.includes(text)) + 1;

describe('media library', () => {
  it('imports the shipped media folder on first start, copied under content hashes', async () => {
    const r = await cast.device.get('/api/media');
    expect(r.status).toBe(200);
    expect(ids(r.body.items)).toEqual(shipped);
    const garden = r.body.items.find((m: Json) => m.id === 'background/light/01-quiet-garden');
    const bytes = readFileSync('media/background/light/01-quiet-garden.mp3');
    expect(garden).toMatchObject({
      file: `${sha256(bytes)}.mp3`,
      tags: ['background', 'light'],
      mime: 'audio/mpeg',
      size: bytes.length,
    });
    expect(garden.title).not.toBe('01-quiet-garden');
    expect(garden.durationMs).toBeGreaterThan(3000);
    expect(readFileSync(join(server.dataDir, 'media', garden.file)).equals(bytes)).toBe(true);
  });

  it('measures the imported files’ loudness in the background', async () => {
    const deadline = Date.now() + 15_000;
    let items: Json[] = [];
    while (Date.now() < deadline) {
      items = (await cast.admin.get('/api/media')).body.items as Json[];
      if (items.every((m) => m.loudnessLufs !== null)) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    // The demo files are normalised to -16 LUFS (media/README.md).
    for (const m of items) expect(Math.abs(m.loudnessLufs + 16), m.id).toBeLessThan(1.5);
  });

  it('filters by tag and by text in the title or id', async () => {
    const light = await cast.desk.get('/api/media?tag=light');
    expect(ids(light.body.items)).toEqual(
      shipped.filter((id) => id.startsWith('background/light/')),
    );
    const byId = await cast.desk.get('/api/media?q=GARDEN');
    expect(ids(byId.body.items)).toEqual(['background/light/01-quiet-garden']);
    const sofa = (await cast.desk.get('/api/media/promos/lanting-sofa')).body;
    const word = (sofa.title as string).slice(0, 4);
    const byTitle = await cast.desk.get(`/api/media?q=${encodeURIComponent(word)}`);
    expect(ids(byTitle.body.items)).toContain('promos/lanting-sofa');
    expect((await cast.desk.get('/api/media?tag=nothing-has-this')).body.items).toEqual([]);
    expect((await cast.desk.get('/api/media?tag=two%20words')).status).toBe(400);
  });

  it('reads one item by its id, written with slashes or percent-encoded', async () => {
    const plain = await cast.device.get('/api/media/speech/opening/welcome-speech');
    const encoded = await cast.device.get(
      `/api/media/${encodeURIComponent('speech/opening/welcome-speech')}`,
    );
    expect(plain.status).toBe(200);
    expect(plain.body.id).toBe('speech/opening/welcome-speech');
    expect(encoded.body).toEqual(plain.body);
    expect((await cast.device.get('/api/media/speech/opening/nope')).status).toBe(404);
  });

  it('refuses anonymous readers', async () => {
    expect((await cast.anonymous.get('/api/media')).status).toBe(401);
    expect((await cast.anonymous.get('/api/media/promos/lanting-sofa')).status).toBe(401);
  });
});

describe('media edits', () => {
  it('renames and retags an item, keeping its id, and tells the kiosks', async () => {
    const id = 'background/english/01-morning-walk';
    const before = server.ctx.bus.latestId();
    const r = await cast.announcer.patch(`/api/media/${id}`, {
      title: '  清晨散步  ',
      tags: ['background', 'english', 'featured'],
    });
    expect(r.status, r.text).toBe(200);
    expect(r.body).toMatchObject({
      id,
      title: '清晨散步',
      tags: ['background', 'english', 'featured'],
    });
    expect(r.body.updatedAt > r.body.createdAt).toBe(true);
    expect(ids((await cast.desk.get('/api/media?tag=featured')).body.items)).toEqual([id]);
    expect(server.ctx.media.catalogue().byId.get(id)?.title).toBe('清晨散步');
    const events = server.ctx.bus.since(before);
    expect(events === 'resync' ? [] : events.map((e) => [e.type, e.payload])).toContainEqual([
      'media-changed',
      { ids: [id], change: 'updated' },
    ]);
  });

  it('refuses a retag that would empty a playlist the program uses', async () => {
    // The welcome playlist plays everything tagged `welcome`: two files.
    const first = await cast.announcer.patch('/api/media/welcome/01-welcome-theme', {
      tags: ['music'],
    });
    expect(first.status, first.text).toBe(200);
    const last = await cast.announcer.patch('/api/media/welcome/02-welcome-morning', {
      tags: ['music'],
    });
    expect(last.status).toBe(409);
    expect(last.body.error).toBe('breaks-program');
    expect(JSON.stringify(last.body.issues)).toMatch(/welcome/);
    expect(last.body.issues[0]).toMatchObject({ file: 'program.yaml' });
    const unchanged = await cast.desk.get('/api/media/welcome/02-welcome-morning');
    expect(unchanged.body.tags).toEqual(['welcome']);
  });

  it('answers bad edits with the field at fault', async () => {
    const at = '/api/media/promos/mubai-wood';
    const cases: [unknown, number, string?][] = [
      [{ tags: 'promos' }, 400, 'tags'],
      [{ tags: ['two words'] }, 400, 'tags.0'],
      [{ title: '' }, 400, 'title'],
      [{}, 400],
      [{ id: 'promos/other' }, 400],
    ];
    for (const [body, status, field] of cases) {
      const r = await cast.announcer.patch(at, body);
      expect(r.status, JSON.stringify(body)).toBe(status);
      if (field) expect(r.body.field, JSON.stringify(body)).toBe(field);
    }
    expect((await cast.announcer.patch('/api/media/promos/nope', { title: 'x' })).status).toBe(404);
  });

  it('lets only admins and announcers edit', async () => {
    const at = '/api/media/promos/mubai-wood';
    expect((await cast.desk.patch(at, { title: 'x' })).status).toBe(403);
    expect((await cast.device.patch(at, { title: 'x' })).status).toBe(403);
    expect((await cast.anonymous.patch(at, { title: 'x' })).status).toBe(401);
    expect((await cast.desk.delete(at)).status).toBe(403);
    expect((await cast.device.delete(at)).status).toBe(403);
    expect((await cast.anonymous.delete(at)).status).toBe(401);
  });
});

describe('media delete', () => {
  it('refuses to delete media a promo plays, naming the promo', async () => {
    const r = await cast.announcer.delete('/api/media/promos/lanting-sofa');
    expect(r.status).toBe(409);
    expect(r.body.error).toBe('in-use');
    expect(r.body.usedBy).toEqual([
      { kind: 'promo', id: 'lanting-sofa', title: '全场沙发八折', merchant: '兰亭沙发' },
    ]);
    expect(r.body.message).toContain('lanting-sofa');
    expect((await cast.desk.get('/api/media/promos/lanting-sofa')).status).toBe(200);
  });

  it('refuses to delete media a slot or the calendar plays, pointing at the line', async () => {
    const slot = await cast.announcer.delete('/api/media/speech/opening/welcome-speech');
    expect(slot.status).toBe(409);
    expect(slot.body.usedBy).toEqual([
      expect.objectContaining({
        kind: 'schedule',
        file: 'program.yaml',
        line: lineOf('program.yaml', 'media: speech/opening/welcome-speech'),
      }),
    ]);
    const script = await cast.announcer.delete('/api/media/speech/event/01-event-demo');
    expect(script.status).toBe(409);
    expect(script.body.usedBy).toContainEqual(
      expect.objectContaining({
        kind: 'schedule',
        file: 'calendar.yaml',
        line: lineOf('calendar.yaml', 'speech/event/01-event-demo'),
      }),
    );
  });

  it('deletes unused media, and its file when no other item shares it', async () => {
    const bytes = wav(1.2);
    const added = await upload(cast.announcer, bytes, 'drop-me.wav', { tags: 'promos' });
    expect(added.status, added.text).toBe(201);
    const copy = await upload(cast.announcer, bytes, 'drop-me-too.wav', { tags: 'promos' });
    expect(copy.body.file).toBe(added.body.file);
    const path = join(server.dataDir, 'media', added.body.file);

    const first = await cast.announcer.delete('/api/media/promos/drop-me');
    expect(first.body).toEqual({ deleted: 'promos/drop-me', fileRemoved: false });
    expect(existsSync(path)).toBe(true);
    const before = server.ctx.bus.latestId();
    const second = await cast.admin.delete('/api/media/promos/drop-me-too');
    expect(second.body).toEqual({ deleted: 'promos/drop-me-too', fileRemoved: true });
    expect(existsSync(path)).toBe(false);
    expect((await cast.desk.get('/api/media/promos/drop-me-too')).status).toBe(404);
    expect((await cast.device.get(`/media/${added.body.file}`)).status).toBe(404);
    const events = server.ctx.bus.since(before);
    expect(events === 'resync' ? [] : events.map((e) => [e.type, e.payload])).toContainEqual([
      'media-changed',
      { ids: ['promos/drop-me-too'], change: 'deleted' },
    ]);
    expect(sha256(bytes)).toBe(added.body.sha256);
  });

  it('deletes a playlist track while others remain, and 404s an unknown id', async () => {
    const r = await cast.announcer.delete('/api/media/background/light/02-soft-rain');
    expect(r.status, r.text).toBe(200);
    expect(ids((await cast.desk.get('/api/media?tag=light')).body.items)).not.toContain(
      'background/light/02-soft-rain',
    );
    expect((await cast.announcer.delete('/api/media/background/light/02-soft-rain')).status).toBe(
      404,
    );
  });
});

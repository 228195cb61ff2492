import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { scratchSchedules } from '../helpers/schedules-copy.ts';
import { startServer, withCast, type Json, type TestServer } from '../helpers/server.ts';

/** The demo mall's merchants for a full directory (the same file a buyer imports). */
export const DEMO_CSV = 'schedules/floors/demo-merchants.csv';

export interface GuideMall {
  server: TestServer;
  cast: Awaited<ReturnType<typeof withCast>>;
  /** A guide screen's device token, standing at the 1F entrance. */
  guide: string;
  guideId: number;
}

/** Multipart form with one file, as the console uploads it. */
function fileForm(bytes: Uint8Array, name: string): FormData {
  const form = new FormData();
  form.append('file', new Blob([bytes]), name);
  return form;
}

/**
 * A mall on a busy day: the demo merchants imported, every queue service open all day, a
 * forecast typed in, offers with text, and a guide screen paired and placed at the 1F
 * entrance. `extra` merchants crowd one floor with long names (the busiest directory).
 */
export async function busyMall(options: { crowd?: number } = {}): Promise<GuideMall> {
  const dir = await scratchSchedules();
  const queue = join(dir, 'queue.yaml');
  await writeFile(
    queue,
    (await readFile(queue, 'utf8')).replace(
      /hours: \{[^}]*\}/g,
      "hours: { from: '00:00', until: '24:00' }",
    ),
  );
  const server = await startServer({ SCHEDULES_DIR: dir });
  const cast = await withCast(server);
  const csv = await readFile(DEMO_CSV);
  const imported = await cast.announcer.post(
    '/api/merchants/import?apply=1',
    fileForm(csv, 'demo.csv'),
  );
  if (imported.status !== 200) throw new Error(`import: ${imported.text}`);
  for (let i = 0; i < (options.crowd ?? 0); i++) {
    const r = await cast.announcer.post('/api/merchants', {
      name: `长长名字的意式轻奢全屋定制家具旗舰店第${i + 1}号馆`,
      nameLatin: `LONG NAME CASA ITALIA ${i + 1}`,
      floor: '2F',
      unit: `A2${String(20 + i).padStart(2, '0')}`,
      category: '家具',
    });
    if (r.status !== 201) throw new Error(`merchant: ${r.text}`);
  }
  const all = (await cast.desk.get('/api/merchants')).body.merchants as Json[];
  const id = (name: string) => all.find((m) => m.name === name)?.id as number;
  for (const [name, title, text] of [
    [
      '米兰之家意式轻奢家具旗舰店',
      '年终特惠 全场七折起',
      '进口沙发、餐桌与床，满两万再送意式边几。',
    ],
    ['光合照明', '护眼台灯买一送一', '本周末限定，会员再享积分双倍。'],
    ['悠然咖啡', '第二杯半价', '每天 14:00–17:00，凭商场小票。'],
  ] as const) {
    const r = await cast.announcer.post('/api/promos', { merchantId: id(name), title, text });
    if (r.status !== 201) throw new Error(`promo: ${r.text}`);
  }
  await cast.announcer.put('/api/weather', { condition: '多云', low: 8, high: 15, city: '杭州' });
  const g = await cast.admin.post('/api/devices', { name: 'guide-1', kind: 'guide' });
  const guide = g.body.token as string;
  const guideId = g.body.device.id as number;
  const here = await cast.admin.put(`/api/guide/screens/${guideId}`, { here: '1f-entrance' });
  if (here.status !== 200) throw new Error(`here: ${here.text}`);
  return { server, cast, guide, guideId };
}

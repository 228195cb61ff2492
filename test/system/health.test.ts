import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, withCast, type TestServer } from '../helpers/server.ts';
import { openStream } from '../helpers/sse.ts';

let server: TestServer;
let cast: Awaited<ReturnType<typeof withCast>>;
beforeAll(async () => {
  server = await startServer();
  cast = await withCast(server);
}, 60_000);
afterAll(() => server.close());

describe('GET /api/health', () => {
  it('tells an anonymous monitor that all is well, and nothing of what is connected', async () => {
    const stream = await openStream(`${server.url}/api/events?token=${cast.device.bearer}`);
    await stream.waitFor(1);
    const r = await cast.anonymous.get('/api/health');
    expect(r.status).toBe(200);
    expect(Object.keys(r.body).sort()).toEqual(
      ['database', 'status', 'timezone', 'today', 'warnings'].sort(),
    );
    expect(r.body).toMatchObject({ status: 'ok', database: 'ok' });
    await stream.close();
  });
});

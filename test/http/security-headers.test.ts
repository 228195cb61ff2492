import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

describe('security headers', () => {
  it('sends a content security policy and no-sniff on pages and API answers', async () => {
    for (const path of ['/', '/api/health', '/api/plan']) {
      const res = await fetch(server.url + path);
      expect(res.headers.get('content-security-policy'), path).toContain("default-src 'self'");
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(res.headers.get('x-frame-options'), path).toBe('SAMEORIGIN');
    }
  });

  it('shows a home page with today in the mall, and a JSON 404 for unknown API routes', async () => {
    const home = await fetch(server.url + '/');
    expect(home.status).toBe(200);
    expect(await home.text()).toContain(server.ctx.schedules.today());
    const missing = await fetch(server.url + '/api/nope');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: 'not-found', message: 'no route GET /api/nope' });
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startServer({ MALL_NAME: '示例广场', MALL_NAME_EN: 'Example Plaza' });
});
afterAll(() => server.close());

describe('the start page and the site facts', () => {
  it('greets in Chinese and English with the mall’s name, and links every page', async () => {
    const r = await fetch(`${server.url}/`);
    const page = await r.text();
    expect(r.headers.get('content-type')).toContain('text/html');
    expect(page).toContain('<title>示例广场 · 客服部</title>');
    expect(page).toContain('Example Plaza');
    for (const href of ['/console', '/counter', '/player', '/take', '/board'])
      expect(page).toContain(`href="${href}"`);
    expect(page.indexOf('开始使用')).toBeLessThan(page.indexOf('Getting started'));
  });

  it('tells any page the mall’s name and zone without a sign-in', async () => {
    const r = await fetch(`${server.url}/api/site`);
    expect(await r.json()).toMatchObject({
      name: '示例广场',
      nameEn: 'Example Plaza',
      timezone: 'Asia/Shanghai',
    });
  });
});

import { Hono } from 'hono';
import type { AppEnv } from '../app-env.ts';

/**
 * `/`: what someone who opens the server's address sees. The player, console and guide
 * screen pages will be linked from here as they arrive.
 */
export const homePage = new Hono<AppEnv>().get('/', (c) => {
  const { schedules } = c.var.ctx;
  return c.html(`<!doctype html>
<html lang="zh-CN">
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>deskcast</title>
<style>body{font:16px/1.6 system-ui,"Noto Sans CJK SC",sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;color:#1d2733}code{background:#eef2f6;padding:.1rem .3rem;border-radius:.2rem}</style>
<h1>deskcast</h1>
<p>The mall's broadcast server is running. Today (${schedules.today()}, ${schedules.timezone()}) the
plan is compiled and served to the players.</p>
<ul>
<li><a href="/api/health">/api/health</a> — server health</li>
<li><code>POST /api/auth/login</code> — sign in (see README: first login)</li>
<li><code>GET /api/plan?date=YYYY-MM-DD</code> — a day's plan (signed in, or a device token)</li>
</ul>
<p>The player, announcer console and guide screen pages are served here as they are built.</p>
</html>`);
});

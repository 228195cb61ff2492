import { Hono } from 'hono';
import type { AppEnv } from '../app-env.ts';

/**
 * `/`: what someone who opens the server's address sees: the pages there are, and where to
 * start with the API.
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
<h2>Pages</h2>
<ul>
<li><a href="/player">/player</a> — the PA player (a registered device: <code>/player?token=…</code> once)</li>
<li><a href="/take">/take</a> — take a queue ticket (guide screen)</li>
<li><a href="/board">/board</a> — the calling board (guide screen)</li>
<li><a href="/counter">/counter</a> — a desk counter (staff sign-in)</li>
</ul>
<h2>API</h2>
<ul>
<li><a href="/api/health">/api/health</a> — server health</li>
<li><code>POST /api/auth/login</code> — sign in (see README: first login)</li>
<li><code>GET /api/plan?date=YYYY-MM-DD</code> — a day's plan (signed in, or a device token)</li>
</ul>
<p>The announcer console and the rest of the guide screen follow.</p>
</html>`);
});

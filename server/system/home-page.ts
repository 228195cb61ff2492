import { Hono } from 'hono';
import { html, raw } from 'hono/html';
import type { AppEnv } from '../app-env.ts';

interface Link {
  href: string;
  zh: string;
  en: string;
  what: string;
  whatEn: string;
}

const STAFF_PAGES: Link[] = [
  {
    href: '/console',
    zh: '控制台',
    en: 'Console',
    what: '播音员与前台：今日节目、广播通知、天气、播放记录、排队、人员与设备',
    whatEn:
      'Announcers and desk staff: today, announcements, weather, proof of play, queue, people',
  },
  {
    href: '/counter',
    zh: '服务窗口',
    en: 'Counter',
    what: '前台电脑：叫号、重呼、过号、转移、办结',
    whatEn: 'A desk PC: call, recall, no-show, transfer, finish',
  },
];

const KIOSK_PAGES: Link[] = [
  {
    href: '/player',
    zh: '播音机',
    en: 'PA player',
    what: '接功放的电脑，全天自动播放节目（需登记设备）',
    whatEn: 'The PC wired to the amplifier; plays the day by itself (a registered device)',
  },
  {
    href: '/take',
    zh: '取号机',
    en: 'Ticket machine',
    what: '顾客触屏取号并打印小票',
    whatEn: 'Customers take and print a ticket',
  },
  {
    href: '/board',
    zh: '叫号屏',
    en: 'Calling board',
    what: '显示并语音播报叫号',
    whatEn: 'Shows and speaks the numbers called',
  },
  {
    href: '/guide',
    zh: '导视屏',
    en: 'Guide screen',
    what: '顾客触屏找店铺、看楼层图与优惠，在服务台取号、看叫号（需登记设备）',
    whatEn:
      'Shoppers find shops on the floor maps, see offers, take a number (a registered device)',
  },
];

const SETUP: [string, string][] = [
  [
    '用启动时打印的一次性密码以 admin 登录控制台，并设置自己的密码。',
    'Sign in to the console as admin with the one-time password printed at the first start, and choose your own.',
  ],
  [
    '在「人员与设备」里添加员工（播音员、前台）。',
    'Add staff (announcers, desk) under People & devices.',
  ],
  [
    '在每台播音机和导购屏上打开对应页面，页面显示配对码；在「人员与设备」里输入配对码完成登记。',
    'Open the page on each player and guide screen: it shows a pairing code; enter it under People & devices.',
  ],
  [
    '播音机用 Chromium 全屏模式启动，允许自动播放声音（见 README「Running a kiosk」）。',
    'Start each player in Chromium kiosk mode with autoplay allowed (README, "Running a kiosk").',
  ],
];

const list = (links: Link[]) =>
  links.map(
    (l) =>
      html`<a class="tile" href="${l.href}"
        ><strong>${l.zh}</strong> <span class="en">${l.en}</span> <span class="what">${l.what}</span
        ><span class="what en">${l.whatEn}</span></a
      >`,
  );

/** `/`: the mall's own start page: where each page is, and the first steps of a setup. */
export const homePage = new Hono<AppEnv>().get('/', (c) => {
  const { schedules, config } = c.var.ctx;
  const { name, nameEn } = config.mall;
  return c.html(
    html`<!doctype html>
      <html lang="zh-CN">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>${name} · 客服部</title>
          <link rel="icon" href="data:," />
          <style>
            ${raw(STYLE)}
          </style>
        </head>
        <body>
          <header>
            <h1>${name} <span class="en">${nameEn}</span></h1>
            <p>客服部 播音与服务台 · Customer-service desk: broadcast, queue and guide</p>
            <p class="today">今天 Today: ${schedules.today()} (${schedules.timezone()})</p>
          </header>
          <main>
            <h2>员工 <span class="en">Staff</span></h2>
            <div class="tiles">${list(STAFF_PAGES)}</div>
            <h2>终端页面 <span class="en">Kiosk pages</span></h2>
            <div class="tiles">${list(KIOSK_PAGES)}</div>
            <h2>开始使用 <span class="en">Getting started</span></h2>
            <ol>
              ${SETUP.map(([zh, en]) => html`<li>${zh}<br /><span class="en">${en}</span></li>`)}
            </ol>
            <p class="en">
              Integrators: the JSON API is under <code>/api</code> (README, "The API");
              <a href="/api/health">/api/health</a> is for monitoring.
            </p>
          </main>
        </body>
      </html>`,
  );
});

const STYLE = `
  body { margin: 0; font: 16px/1.6 'Noto Sans CJK SC', 'Noto Sans SC', 'PingFang SC', 'Microsoft YaHei', system-ui, sans-serif; color: #17212b; background: #f3f5f8; }
  header { background: #0f2233; color: #fff; padding: 2rem max(1.5rem, calc(50vw - 30rem)); }
  header h1 { margin: 0; font-size: 1.8rem; }
  header p { margin: .25rem 0 0; opacity: .85; }
  header .en { color: #a9bccd; font-size: 1rem; font-weight: 400; }
  main { max-width: 60rem; margin: 0 auto; padding: 1rem 1.5rem 3rem; }
  h2 { font-size: 1.15rem; margin: 1.75rem 0 .75rem; }
  .en { color: #5b6b7b; }
  h2 .en { font-weight: 400; font-size: .9rem; }
  .tiles { display: grid; grid-template-columns: repeat(auto-fill, minmax(17rem, 1fr)); gap: .75rem; }
  .tile { display: block; background: #fff; border: 1px solid #d5dde6; border-radius: .6rem; padding: .9rem 1rem; text-decoration: none; color: inherit; }
  .tile:hover { border-color: #0284c7; box-shadow: 0 2px 8px rgba(2,132,199,.15); }
  .tile strong { font-size: 1.1rem; color: #0369a1; }
  .what { display: block; font-size: .9rem; margin-top: .25rem; }
  .what.en { font-size: .8rem; margin-top: 0; }
  ol { padding-left: 1.25rem; }
  li { margin-bottom: .5rem; }
  code { background: #e8edf3; padding: .1rem .3rem; border-radius: .2rem; }
`;

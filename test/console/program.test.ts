import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendRow, removeRow, setValue } from '../../kiosk/src/console/program/yaml-edit.ts';
import { launchChromium } from '../helpers/browser.ts';
import { openConsole, overflowsSideways, toasts } from '../helpers/console.ts';
import { startServer, withCast, type Json, type TestServer } from '../helpers/server.ts';

const SHIPPED = readFileSync('schedules/program.yaml', 'utf8');
/** Lines that differ between two texts of the same length in lines (an in-place edit). */
const changedLines = (a: string, b: string) => {
  const x = a.split('\n');
  const y = b.split('\n');
  return y.filter((line, i) => line !== x[i]);
};

describe('program form edits (kiosk/src/console/program/yaml-edit.ts)', () => {
  it('changes a level in place, keeping every comment and every other byte', () => {
    const out = setValue(SHIPPED, ['slots', 'welcome-music', 'volume'], 23);
    expect(changedLines(SHIPPED, out)).toEqual(['    volume: 23 # seed: 迎宾曲 24–21']);
  });

  it('adds a key to a row written as a flow map, on its own line', () => {
    const out = setValue(SHIPPED, ['dayTypes', 'normal', 'items', 3, 'volume'], 24);
    expect(changedLines(SHIPPED, out)).toEqual([
      "      - { id: background-morning, slot: background, from: '09:42', until: '10:00', volume: 24 }",
    ]);
    const back = setValue(out, ['dayTypes', 'normal', 'items', 3, 'volume'], undefined);
    expect(back).toBe(SHIPPED);
  });

  it('adds rows, gives an overlay its first, and leaves [] for the last one removed', () => {
    const weekend = appendRow(SHIPPED, ['dayTypes', 'weekend', 'items'], {
      id: 'welcome-speech-2',
      slot: 'welcome-speech',
      at: '12:00',
    });
    expect(weekend).toContain(
      "  weekend:\n    closing: '18:00'\n    items:\n      - { id: welcome-speech-2, slot: welcome-speech, at: '12:00' }\n",
    );
    const none = removeRow(
      removeRow(SHIPPED, ['dayTypes', 'holiday', 'items'], 1),
      ['dayTypes', 'holiday', 'items'],
      0,
    );
    expect(none).toContain('  holiday:\n    items: []\n');
    // Everything else, comments included, is as it was.
    expect(none.split('\n').filter((l) => l.startsWith('#'))).toEqual(
      SHIPPED.split('\n').filter((l) => l.startsWith('#')),
    );
  });
});

let server: TestServer;
let cast: Awaited<ReturnType<typeof withCast>>;
let browser: Browser;
beforeAll(async () => {
  server = await startServer();
  cast = await withCast(server);
  browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** An open day of the shipped calendar with welcome music (any day that is open has it). */
const DATE = '2026-12-05';
const deviceVolumes = async (slot: string) => {
  const plan = (await cast.device.get(`/api/plan?date=${DATE}`)).body;
  return new Set((plan.items as Json[]).filter((i) => i.slot === slot).map((i) => i.volume));
};

async function openProgram(): Promise<Page> {
  const page = await openConsole(
    browser,
    server.url,
    'announcer1',
    'announcer1-password',
    '/console/program',
  );
  await upToDate(page);
  return page;
}

/** Waits for the preview to have caught up with the text. */
async function upToDate(page: Page): Promise<void> {
  await expect
    .poll(() => page.locator('[data-testid=preview-state]').innerText(), { timeout: 15_000 })
    .toMatch(/已更新|问题/);
}

const levelField = (page: Page, name: string) =>
  page.locator(`dc-level-input[name="${name}"] sl-input input`);

describe('console Program page', () => {
  it('edits a slot’s level in the form, previews it, shows the diff, and saves it to the players', async () => {
    const before = (await cast.announcer.get('/api/program')).body;
    const page = await openProgram();
    expect(await page.locator('[data-testid=plan-changes]').innerText()).toContain('没有变化');
    await expect
      .poll(() =>
        page
          .locator('dc-level-input[name="volume:slots.welcome-music"] [data-testid=level-range]')
          .innerText(),
      )
      .toContain('21–24');
    await levelField(page, 'volume:slots.welcome-music').fill('23');
    // The preview follows the typing: the change against what plays now, and the week.
    await expect
      .poll(() => page.locator('dc-program-preview [data-testid=plan-changes]').innerText(), {
        timeout: 15_000,
      })
      .toMatch(/迎宾曲.*22 → 23/);
    await expect
      .poll(() => page.locator('dc-program-preview [data-testid=days]').innerText())
      .toContain('有改动');
    await page.locator('[data-testid=save]').click();
    const dialog = page.locator('dc-program-review sl-dialog');
    await expect
      .poll(() => dialog.locator('[data-testid=diff]').innerText())
      .toMatch(/− +volume: 22 # seed: 迎宾曲 24–21[\s\S]*\+ +volume: 23 # seed: 迎宾曲 24–21/);
    expect(await dialog.locator('[data-testid=diff-count]').innerText()).toBe('+1 −1');
    expect(await dialog.locator('[data-testid=days] button').count()).toBe(7);
    await dialog.locator('sl-input[name=note] input').fill('迎宾曲调到 23');
    await dialog.locator('[data-testid=confirm-save]').click();
    await expect
      .poll(() => toasts(page), { timeout: 15_000 })
      .toContainEqual(expect.stringContaining('已保存'));
    // A player asking for the plan now gets the new level.
    expect(await deviceVolumes('welcome-music')).toEqual(new Set([23]));
    const after = (await cast.announcer.get('/api/program')).body;
    expect(after).toMatchObject({ author: 'announcer1', note: '迎宾曲调到 23' });
    expect(after.revision).toBeGreaterThan(before.revision);
    // The file changed on that one line: its comments are all still there.
    expect(changedLines(before.yaml, after.yaml)).toEqual(['    volume: 23 # seed: 迎宾曲 24–21']);
    expect(await overflowsSideways(page)).toBe(false);
    await page.close();
  }, 90_000);

  it('refuses a level outside the seed’s range in the form, and never writes it', async () => {
    const page = await openProgram();
    await levelField(page, 'volume:slots.welcome-music').fill('30');
    const error = page.locator(
      'dc-level-input[name="volume:slots.welcome-music"] [data-testid=level-error]',
    );
    await expect.poll(() => error.innerText()).toMatch(/30 超出允许范围 21–24/);
    // Background music holds English songs (24–27) and light music (24): 25 fits only one.
    await levelField(page, 'volume:normal.3').fill('25');
    await expect
      .poll(() =>
        page
          .locator('dc-level-input[name="volume:normal.3"] [data-testid=level-error]')
          .innerText(),
      )
      .toContain('25 超出允许范围 24');
    await page.waitForTimeout(800);
    expect(await page.locator('[data-testid=status-bar]').innerText()).toContain(
      '没有未保存的修改',
    );
    expect(await page.locator('[data-testid=save]').getAttribute('disabled')).not.toBeNull();
    await page.locator('dc-page-program sl-tab[panel=program]').click();
    expect(
      await page.locator('dc-yaml-editor[data-file=program] .cm-content').innerText(),
    ).toContain('volume: 23 # seed: 迎宾曲');
    await page.close();
  }, 90_000);

  it('marks an invalid edit typed in program.yaml at its line, and a save is refused with every problem', async () => {
    const before = (await cast.announcer.get('/api/program')).body;
    const playing = await deviceVolumes('welcome-music');
    const page = await openProgram();
    await page.locator('dc-page-program sl-tab[panel=program]').click();
    const editor = page.locator('dc-yaml-editor[data-file=program]');
    const line = (text: string) => editor.locator('.cm-line', { hasText: text });
    /** Scrolls the editor with the wheel, as a person does, until the line is drawn. */
    const scrollTo = async (text: string) => {
      await editor.locator('.cm-scroller').hover();
      for (const dy of [240, -240])
        for (let i = 0; i < 40 && (await line(text).count()) === 0; i++)
          await page.mouse.wheel(0, dy);
      await line(text).scrollIntoViewIfNeeded();
    };
    // A slot name misspelt, typed over the row.
    await scrollTo("{ slot: welcome-speech, at: '09:42' }");
    await line("{ slot: welcome-speech, at: '09:42' }").click();
    await page.keyboard.press('End');
    await page.keyboard.press('Home');
    await page.keyboard.press('Shift+End');
    await page.keyboard.type("- { slot: welcome-speach, at: '09:42' }");
    // And a level out of its range: the welcome music's becomes 29.
    await scrollTo('# seed: 迎宾曲');
    await line('# seed: 迎宾曲').click();
    await page.keyboard.press('End');
    await page.keyboard.press('Home');
    for (let i = 0; i < 'volume: '.length; i++) await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.type('29');
    // Each problem is underlined in its own line, with a marker in the gutter beside it.
    for (const text of ['welcome-speach', 'volume: 29']) {
      await scrollTo(text);
      await expect
        .poll(() => line(text).locator('.cm-lintRange-error').count(), { timeout: 15_000 })
        .toBeGreaterThan(0);
      const y = (await line(text).boundingBox())!.y;
      const markers = editor.locator(
        '.cm-gutter-lint .cm-gutterElement:has(.cm-lint-marker-error)',
      );
      const ys = await Promise.all(
        (await markers.all()).map(async (m) => (await m.boundingBox())!.y),
      );
      expect(
        ys.some((my) => Math.abs(my - y) < 4),
        `a marker beside "${text}"`,
      ).toBe(true);
    }
    const problems = page
      .locator('dc-page-program dc-program-problems [data-testid=problems]')
      .first();
    const lineNo = (needle: string, text: string) =>
      text.split('\n').findIndex((l) => l.includes(needle)) + 1;
    await expect.poll(() => problems.innerText()).toContain('unknown slot "welcome-speach"');
    const listed = await problems.innerText();
    expect(listed).toMatch(/volume 29 .*outside welcome-farewell \(21–24\)/);
    // The rows were typed over in place: the lines are those of the running file.
    expect(listed).toContain(
      `line ${lineNo("{ slot: welcome-speech, at: '09:42' }", before.yaml)}:`,
    );
    expect(listed).toContain(`line ${lineNo('# seed: 迎宾曲', before.yaml)}:`);
    await page.locator('[data-testid=save]').click();
    const dialog = page.locator('dc-program-review sl-dialog');
    await expect
      .poll(() => dialog.locator('[data-testid=review-refusal]').innerText())
      .toContain('2 个问题');
    await dialog.locator('[data-testid=confirm-save]').click();
    await expect
      .poll(() => toasts(page), { timeout: 15_000 })
      .toContainEqual(expect.stringContaining('保存被拒绝'));
    const shown = await dialog.locator('dc-program-problems [data-testid=problems]').innerText();
    expect(shown).toContain('unknown slot "welcome-speach"');
    expect(shown).toMatch(/volume 29 .*outside welcome-farewell/);
    // Nothing changed: the revision, and what the players play.
    expect((await cast.announcer.get('/api/program')).body.revision).toBe(before.revision);
    expect(await deviceVolumes('welcome-music')).toEqual(playing);
    await page.close();
  }, 90_000);

  it('lists the revisions, previews an older one, restores it, and the plan follows', async () => {
    // A revision of its own to go back from: the welcome music at 24.
    const running = (await cast.announcer.get('/api/program')).body;
    const saved = await cast.announcer.put('/api/program', {
      yaml: setValue(running.yaml, ['slots', 'welcome-music', 'volume'], 24),
      note: '迎宾曲 24',
      baseRevision: running.revision,
    });
    expect(saved.status).toBe(200);
    expect(await deviceVolumes('welcome-music')).toEqual(new Set([24]));
    const page = await openProgram();
    await page.locator('dc-page-program sl-tab[panel=revisions]').click();
    const table = page.locator('dc-program-revisions [data-testid=revisions]');
    await expect.poll(() => table.innerText()).toContain('迎宾曲 24');
    expect(await table.locator('tr', { hasText: '迎宾曲 24' }).innerText()).toContain('announcer1');
    const first = table.locator('tr', { hasText: 'imported from schedules/' });
    expect(await first.innerText()).toContain('import');
    await first.locator('sl-button', { hasText: '预览' }).click();
    const detail = page.locator('dc-program-revisions [data-testid=revision-detail]');
    await expect
      .poll(() => detail.locator('[data-testid=diff]').innerText(), { timeout: 15_000 })
      .toMatch(/− +volume: 24 # seed[\s\S]*\+ +volume: 22 # seed/);
    await expect
      .poll(() => detail.locator('[data-testid=plan-changes]').innerText(), { timeout: 15_000 })
      .toMatch(/迎宾曲.*24 → 22/);
    await first.locator('sl-button', { hasText: '恢复' }).click();
    await page.locator('dc-program-revisions [data-testid=confirm-restore]').click();
    await expect
      .poll(() => toasts(page), { timeout: 15_000 })
      .toContainEqual(expect.stringMatching(/已恢复修订 #\d+/));
    expect(await deviceVolumes('welcome-music')).toEqual(new Set([22]));
    const list = (await cast.announcer.get('/api/program/revisions')).body.revisions as Json[];
    expect(list[0]).toMatchObject({
      author: 'announcer1',
      note: expect.stringMatching(/^restored revision/),
    });
    await expect
      .poll(() => page.locator('[data-testid=running]').innerText())
      .toContain(`#${list[0]!.id}`);
    await page.close();
  }, 90_000);
});

import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { loadSchedules } from '../../server/program/load.ts';
import { formatIssue } from '../../server/program/source.ts';
import { edit, lineOf, scratchSchedules } from '../helpers/schedules-copy.ts';

/** Breaks one thing in a copy of the shipped schedules and returns the errors as printed. */
async function errorsAfter(
  file: string,
  from: string,
  to: string,
): Promise<{ errors: string[]; dir: string }> {
  const dir = await scratchSchedules();
  await edit(dir, file, from, to);
  const loaded = await loadSchedules(dir, 'media');
  expect(loaded.schedules).toBeUndefined(); // nothing half-valid is handed on
  return { errors: loaded.errors.map(formatIssue), dir };
}

describe('schedule check', () => {
  it('accepts the shipped files', async () => {
    const loaded = await loadSchedules('schedules', 'media');
    expect(loaded.errors).toEqual([]);
    expect(loaded.schedules).toBeDefined();
  });

  it('reports a YAML syntax error with its line', async () => {
    const { errors, dir } = await errorsAfter(
      'program.yaml',
      '  welcome-music:\n',
      '  welcome-music: [\n',
    );
    const line = await lineOf(dir, 'program.yaml', 'welcome-music: [');
    // The parser notices an unclosed bracket where the next key starts: that line or the one after.
    const at = Number(/program\.yaml:(\d+):\d+: /.exec(errors[0] ?? '')?.[1]);
    expect([line, line + 1]).toContain(at);
  });

  it('reports an unknown slot where it is used', async () => {
    const { errors, dir } = await errorsAfter(
      'program.yaml',
      '{ slot: welcome-speech, at',
      '{ slot: welcome-speach, at',
    );
    const line = await lineOf(dir, 'program.yaml', 'welcome-speach');
    expect(errors).toContainEqual(
      expect.stringMatching(new RegExp(`program.yaml:${line}:\\d+: unknown slot "welcome-speach"`)),
    );
  });

  it('reports an unknown media tag in a playlist', async () => {
    const { errors, dir } = await errorsAfter(
      'program.yaml',
      'tags: [background, light]',
      'tags: [background, lihgt]',
    );
    const line = await lineOf(dir, 'program.yaml', 'lihgt');
    expect(errors).toContainEqual(
      expect.stringMatching(new RegExp(`program.yaml:${line}:\\d+: unknown media tag "lihgt"`)),
    );
  });

  it('reports media that does not exist', async () => {
    const { errors, dir } = await errorsAfter(
      'promos.yaml',
      'media: promos/mubai-wood',
      'media: promos/mubai-woods',
    );
    const line = await lineOf(dir, 'promos.yaml', 'mubai-woods');
    expect(errors).toEqual([
      `${dir}/promos.yaml:${line}:12: unknown media "promos/mubai-woods" (no audio file media/promos/mubai-woods.*)`,
    ]);
  });

  it('reports two blocks overlapping in one layer', async () => {
    const { errors, dir } = await errorsAfter(
      'program.yaml',
      "slot: background, from: '11:30'",
      "slot: background, from: '11:00'",
    );
    const line = await lineOf(dir, 'program.yaml', "from: '11:00'");
    expect(errors).toContainEqual(
      expect.stringMatching(
        new RegExp(
          `program.yaml:${line}:\\d+: background-midday \\(11:00–14:00\\) overlaps promos-morning \\(10:05–11:30\\)`,
        ),
      ),
    );
  });

  it('reports a time outside the broadcast day', async () => {
    const { errors, dir } = await errorsAfter(
      'program.yaml',
      "{ slot: welcome-speech, at: '09:42' }",
      "{ slot: welcome-speech, at: '08:42' }",
    );
    const line = await lineOf(dir, 'program.yaml', "at: '08:42'");
    expect(errors).toContainEqual(
      expect.stringMatching(
        new RegExp(
          `program.yaml:${line}:\\d+: welcome-speech at 08:42 is outside the broadcast day 09:20–17:30`,
        ),
      ),
    );
  });

  it('reports a volume outside its seed range', async () => {
    const { errors, dir } = await errorsAfter(
      'program.yaml',
      'volume: 22 # seed: 送宾曲',
      'volume: 26 # seed: 送宾曲',
    );
    const line = await lineOf(dir, 'program.yaml', 'volume: 26');
    expect(errors).toEqual([
      `${dir}/program.yaml:${line}:13: volume 26 for farewell/01-farewell-theme is outside welcome-farewell (21–24)`,
    ]);
  });

  it('reports a row volume that breaks the light-music rule', async () => {
    const { errors } = await errorsAfter(
      'program.yaml',
      "slot: background, from: '11:30', until: '14:00'",
      "slot: background, from: '11:30', until: '14:00', volume: 27",
    );
    expect(errors.join('\n')).toMatch(
      /volume 27 for background\/light\/\S+ is outside light-music \(24\)/,
    );
  });

  it('reports a date that is not a date', async () => {
    const { errors, dir } = await errorsAfter(
      'calendar.yaml',
      'from: 2026-06-19, to: 2026-06-21',
      'from: 2026-06-19, to: 2026-06-31',
    );
    const line = await lineOf(dir, 'calendar.yaml', '2026-06-31');
    const lines = (await readFile(`${dir}/calendar.yaml`, 'utf8')).split('\n');
    const col = lines[line - 1]!.indexOf('2026-06-31') + 1;
    expect(errors).toEqual([
      `${dir}/calendar.yaml:${line}:${col}: holidays[4].to: "2026-06-31" is not a date: write YYYY-MM-DD`,
    ]);
  });

  it('reports a time that is not a time', async () => {
    const { errors } = await errorsAfter('program.yaml', "at: '09:42'", "at: '9h42'");
    expect(errors.join('\n')).toMatch(
      /program\.yaml:\d+:\d+: dayTypes\.normal\.items\[2\]\.at: "9h42" is not a time/,
    );
  });

  it('reports a misspelt field at the field', async () => {
    const { errors, dir } = await errorsAfter(
      'program.yaml',
      "until: '09:40' }",
      "untill: '09:40' }",
    );
    const line = await lineOf(dir, 'program.yaml', 'untill');
    expect(errors.join('\n')).toContain(`program.yaml:${line}:`);
    expect(errors.join('\n')).toContain('unknown field "untill"');
  });

  it('reports a make-up working day that is not a weekend day', async () => {
    const { errors } = await errorsAfter(
      'calendar.yaml',
      '{ date: 2026-10-10, note',
      '{ date: 2026-10-12, note',
    );
    expect(errors.join('\n')).toMatch(
      /calendar\.yaml:\d+:\d+: 2026-10-12 is a monday, already a working day/,
    );
  });

  it('reports a missing file and an unknown time zone', async () => {
    const dir = await scratchSchedules();
    await edit(dir, 'calendar.yaml', 'timezone: Asia/Shanghai', 'timezone: Asia/Shanghia');
    const { rm } = await import('node:fs/promises');
    await rm(`${dir}/volume.yaml`);
    const loaded = await loadSchedules(dir, 'media');
    const errors = loaded.errors.map(formatIssue);
    expect(errors).toContainEqual(`${dir}/volume.yaml: file is missing`);
    expect(errors.join('\n')).toContain('"Asia/Shanghia" is not an IANA time zone');
  });

  it('reports every error at once', async () => {
    const dir = await scratchSchedules();
    await edit(dir, 'program.yaml', '{ slot: welcome-speech, at', '{ slot: welcome-speach, at');
    await edit(dir, 'promos.yaml', 'media: promos/mubai-wood', 'media: promos/nope');
    await edit(dir, 'calendar.yaml', '{ date: 2026-10-10, note', '{ date: 2026-10-12, note');
    const loaded = await loadSchedules(dir, 'media');
    expect(loaded.errors.map((e) => e.file.split('/').pop())).toEqual(
      expect.arrayContaining(['program.yaml', 'promos.yaml', 'calendar.yaml']),
    );
  });

  it('refuses an event announced every 0s, which would announce nothing', async () => {
    const { errors, dir } = await errorsAfter(
      'program.yaml',
      "until: '12:00', every: 30m",
      "until: '12:00', every: 0s",
    );
    const line = await lineOf(dir, 'program.yaml', 'every: 0s');
    const text = (await readFile(`${dir}/program.yaml`, 'utf8')).split('\n')[line - 1]!;
    expect(errors).toEqual([
      `${dir}/program.yaml:${line}:${text.indexOf('0s') + 1}: every 0s is too short: announce an event at most every 5m (the seed: every 30m)`,
    ]);
  });

  it('refuses an event announced every 30s (266 plays a day)', async () => {
    const { errors, dir } = await errorsAfter(
      'program.yaml',
      "until: '17:00', every: 30m",
      "until: '17:00', every: 30s",
    );
    const line = await lineOf(dir, 'program.yaml', 'every: 30s');
    expect(errors).toEqual([
      expect.stringMatching(new RegExp(`program.yaml:${line}:\\d+: every 30s is too short`)),
    ]);
  });

  it('refuses a row that would announce more than 48 times', async () => {
    const { errors, dir } = await errorsAfter(
      'program.yaml',
      "{ id: event-afternoon, slot: event-announcement, from: '14:00', until: '17:00', every: 30m }",
      "{ id: event-afternoon, slot: event-announcement, from: '12:00', until: '17:00', every: 5m }",
    );
    const line = await lineOf(dir, 'program.yaml', 'every: 5m');
    expect(errors).toContainEqual(
      expect.stringMatching(
        new RegExp(
          `program.yaml:${line}:\\d+: event-afternoon announces 60 times \\(12:00–17:00 every 5m\\) on event days: at most 48`,
        ),
      ),
    );
  });

  it('warns at the script when an event script squeezes out the 10:00 weather', async () => {
    const dir = await scratchSchedules();
    const long = `尊敬的顾客朋友们，${'双十二年终家居节全场家具五折起，'.repeat(30)}`;
    await edit(dir, 'calendar.yaml', '- { media: speech/event/01-event-demo }', `- text: ${long}`);
    const loaded = await loadSchedules(dir, 'media');
    expect(loaded.errors).toEqual([]);
    const line = await lineOf(dir, 'calendar.yaml', long);
    // 2 × 2:03 of speech from 10:00 leaves too little of the 10:00–10:05 window.
    expect(loaded.warnings.map(formatIssue)).toContainEqual(
      expect.stringMatching(
        new RegExp(
          `^${dir}/calendar.yaml:${line}:\\d+: on 2026-12-11 \\(normal\\+event\\) script 1 of 双十二年终家居节 \\(2 × 2:03 from 10:00:00\\) squeezes out "友情提醒：商场内请勿吸烟" \\(0:12\\) of the 10:00 天气预报、友情提醒: about 0:14 too long`,
        ),
      ),
    );
  });

  it('warns when a script plays longer than the time between two announcements', async () => {
    const dir = await scratchSchedules();
    const long = `尊敬的顾客朋友们，${'双十二年终家居节全场家具五折起，'.repeat(40)}`;
    await edit(dir, 'calendar.yaml', '- { media: speech/event/01-event-demo }', `- text: ${long}`);
    await edit(dir, 'program.yaml', "until: '17:00', every: 30m", "until: '17:00', every: 5m");
    const loaded = await loadSchedules(dir, 'media');
    expect(loaded.errors).toEqual([]);
    const line = await lineOf(dir, 'calendar.yaml', long);
    expect(loaded.warnings.map(formatIssue)).toContainEqual(
      expect.stringMatching(
        new RegExp(
          `calendar.yaml:${line}:\\d+: "双十二年终家居节：活动信息" plays 2 × 2:43 \\(5:29 with the breaths between\\), longer than the 5m between two announcements \\(program.yaml: event-afternoon\\)`,
        ),
      ),
    );
  });

  it('finds nothing squeezed in the shipped event days', async () => {
    const loaded = await loadSchedules('schedules', 'media');
    expect(loaded.warnings.map(formatIssue).filter((w) => w.includes('calendar.yaml'))).toEqual([]);
  });

  it('refuses a file saved as GBK (Windows Notepad), naming the file and the line', async () => {
    const dir = await scratchSchedules();
    // Exactly what Notepad's "ANSI" writes on a Chinese Windows: 元旦 is D4 AA B5 A9.
    const gbk = Buffer.concat([
      Buffer.from('timezone: Asia/Shanghai\nholidays:\n  - { name: '),
      Buffer.from([0xd4, 0xaa, 0xb5, 0xa9]),
      Buffer.from(', from: 2026-01-01, to: 2026-01-03 }\n'),
    ]);
    expect(new TextDecoder('gb18030').decode(gbk)).toContain('元旦');
    await writeFile(`${dir}/calendar.yaml`, gbk);
    const loaded = await loadSchedules(dir, 'media');
    expect(loaded.schedules).toBeUndefined();
    expect(loaded.errors.map(formatIssue)).toEqual([
      `${dir}/calendar.yaml:3:13: calendar.yaml is not UTF-8 text: it reads as GBK/GB18030, the encoding Windows Notepad calls "ANSI"; save it as UTF-8 and try again (in Notepad: 另存为 → 编码 UTF-8; 请用 UTF-8 编码保存)`,
    ]);
  });

  it('accepts a UTF-8 file with a byte order mark', async () => {
    const dir = await scratchSchedules();
    const text = await readFile(`${dir}/calendar.yaml`);
    await writeFile(`${dir}/calendar.yaml`, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), text]));
    const loaded = await loadSchedules(dir, 'media');
    expect(loaded.errors).toEqual([]);
    expect(loaded.schedules?.calendar.holidays[0]?.name).toBe('元旦');
  });

  it('refuses text that was already decoded wrongly (U+FFFD), at its place', async () => {
    const { errors, dir } = await errorsAfter(
      'calendar.yaml',
      'name: 元旦,',
      'name: \uFFFD\uFFFD,',
    );
    const line = await lineOf(dir, 'calendar.yaml', '\uFFFD');
    expect(errors).toEqual([
      expect.stringMatching(
        new RegExp(
          `^${dir}/calendar.yaml:${line}:13: calendar.yaml contains "\uFFFD" where its bytes were not UTF-8`,
        ),
      ),
    ]);
  });

  it('names the file when program.yaml is a folder', async () => {
    const dir = await scratchSchedules();
    await rm(`${dir}/program.yaml`);
    await mkdir(`${dir}/program.yaml`);
    const loaded = await loadSchedules(dir, 'media');
    expect(loaded.errors.map(formatIssue)).toEqual([
      `${dir}/program.yaml: is a folder, not a file: put the program.yaml file there`,
    ]);
  });
});

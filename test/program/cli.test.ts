import { spawnSync } from 'node:child_process';
import { mkdir, rm } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { dayPlanSchema } from '../../core/plan.ts';
import { edit, scratchSchedules } from '../helpers/schedules-copy.ts';

/** Runs `npm run program -- …` the way a person does, with the host zone of our choosing. */
function program(args: string[], tz = 'UTC', env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'server/program/cli.ts', ...args], {
    encoding: 'utf8',
    env: { ...process.env, TZ: tz, ...env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

// Each test starts the CLI a few times (twelve in the first): on a shared, busy machine that
// takes longer than the default of one test. Not a speed check.
describe('program CLI', { timeout: 120_000 }, () => {
  it('prints the same plan whatever the host time zone', () => {
    for (const date of ['2026-12-05', '2026-10-01', '2026-03-08']) {
      const outputs = ['UTC', 'America/New_York', 'Asia/Kolkata', 'Pacific/Chatham'].map(
        (tz) => program(['--date', date, '--json'], tz).stdout,
      );
      expect(outputs[0]!.length).toBeGreaterThan(1000);
      for (const out of outputs) expect(out).toBe(outputs[0]);
    }
  });

  it('prints the plan as the documented JSON shape', () => {
    const { code, stdout } = program(['--date', '2026-12-05', '--json']);
    expect(code).toBe(0);
    const plan = dayPlanSchema.parse(JSON.parse(stdout));
    expect(plan).toMatchObject({
      date: '2026-12-05',
      timezone: 'Asia/Shanghai',
      dayType: 'weekend',
    });
    const welcome = plan.items.find((i) => i.slot === 'welcome-music')!;
    expect(welcome).toMatchObject({
      start: '2026-12-05T09:30:00+08:00',
      layer: 'bed',
      kind: 'music',
      volume: 22,
    });
    expect(typeof welcome.title).toBe('string');
  });

  it('prints a readable table', () => {
    const { code, stdout } = program(['--date', '2026-12-02', '--weather', '晴,3,12']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^2026-12-02 {2}Asia\/Shanghai {2}normal/);
    expect(stdout).toMatch(/time\s+layer\s+slot\s+title\s+vol\s+length/);
    expect(stdout).toMatch(/09:42:00–09:42:\d\d\s+voice\s+welcome-speech\s+欢迎语\s+26/);
    expect(stdout).toMatch(/17:25:00–\S+\s+bed\s+farewell-music/);
    expect(stdout).toContain('天气预报：晴');
  });

  it('checks the schedules and exits non-zero with file:line:col errors, no stack trace', async () => {
    expect(program(['check']).code).toBe(0);
    const dir = await scratchSchedules();
    await edit(dir, 'program.yaml', '{ slot: welcome-speech, at', '{ slot: welcome-speach, at');
    await edit(dir, 'calendar.yaml', 'to: 2026-06-21', 'to: 2026-06-41');
    const { code, stderr } = program(['check', '--schedules', dir]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/program\.yaml:\d+:\d+: unknown slot "welcome-speach"/);
    expect(stderr).toMatch(/calendar\.yaml:\d+:\d+: holidays\[4\]\.to: "2026-06-41" is not a date/);
    expect(stderr).toContain('2 error(s)');
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('refuses bad arguments with a usage line, not a stack trace', () => {
    for (const args of [
      ['--date', '2026-13-01'],
      ['--date', 'tomorrow'],
      ['frobnicate'],
      ['--weather', '多云,cold'],
      ['--schedules', '/nonexistent'],
    ]) {
      const { code, stderr } = program(args);
      expect(code, args.join(' ')).not.toBe(0);
      expect(stderr).not.toMatch(/\n\s+at /);
    }
    expect(program(['--date', '2026-13-01']).stderr).toContain('"2026-13-01" is not a date');
  });

  it('reads the folder SCHEDULES_DIR names, as the README says, unless --schedules is given', async () => {
    const dir = await scratchSchedules();
    await edit(dir, 'program.yaml', '{ slot: welcome-speech, at', '{ slot: welcome-speach, at');
    const viaEnv = program(['check'], 'UTC', { SCHEDULES_DIR: dir });
    expect(viaEnv.code).toBe(1);
    expect(viaEnv.stderr).toContain(`${dir}/program.yaml:`);
    expect(viaEnv.stderr).toContain('unknown slot "welcome-speach"');
    const flag = program(['check', '--schedules', 'schedules'], 'UTC', { SCHEDULES_DIR: dir });
    expect(flag.code).toBe(0);
    const media = program(['check'], 'UTC', { MEDIA_DIR: '/nonexistent-media' });
    expect(media.stderr).toContain('/nonexistent-media');
  });

  it('names a file that cannot be read, with no stack trace', async () => {
    const dir = await scratchSchedules();
    await rm(`${dir}/program.yaml`);
    await mkdir(`${dir}/program.yaml`);
    const { code, stderr } = program(['check', '--schedules', dir]);
    expect(code).toBe(1);
    expect(stderr).toContain(`${dir}/program.yaml: is a folder, not a file`);
    expect(stderr).not.toMatch(/EISDIR|\n\s+at /);
  });
});

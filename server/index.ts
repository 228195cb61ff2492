/**
 * `npm start`. For now: load the schedules and media, and print today's plan for the mall.
 * The HTTP server (issue 3) boots from here.
 */
import { dateInZone } from './common/zoned-time.ts';
import { readConfig } from './config.ts';
import { compileDayPlan } from './program/compile.ts';
import { loadSchedules } from './program/load.ts';
import { planTable } from './program/plan-table.ts';
import { formatIssue } from './program/source.ts';

const read = readConfig();
if ('errors' in read) {
  for (const e of read.errors) console.error(`config: ${e}`);
  process.exit(1);
}
const { schedulesDir, mediaDir } = read.config;
const loaded = await loadSchedules(schedulesDir, mediaDir);
for (const e of loaded.errors) console.error(formatIssue(e));
if (!loaded.schedules) process.exit(1);

const { schedules, catalogue } = loaded;
const today = dateInZone(schedules.calendar.timezone, Date.now());
console.log(planTable(compileDayPlan({ ...schedules, catalogue }, today)));

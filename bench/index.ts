/** `npm run bench`: every benchmark, figures printed; none of them asserts. */
import { benchApiLatency } from './api-latency.ts';
import { benchConsolePlays } from './console-plays.ts';
import { benchConsoleToday } from './console-today.ts';
import { benchGuide } from './guide.ts';
import { benchPlanYear } from './plan-year.ts';
import { benchPlayerTiming } from './player-timing.ts';
import { benchQueueBoard } from './queue-board.ts';
import { benchQueueTake } from './queue-take.ts';
import { benchSseFanout } from './sse-fanout.ts';

await benchPlanYear();
await benchApiLatency();
await benchSseFanout();
await benchQueueTake();
await benchQueueBoard();
await benchConsoleToday();
await benchConsolePlays();
await (await import('./console-save.ts')).benchConsoleSave();
await benchGuide();
await (await import('./hostile-yaml.ts')).benchHostileYaml();
await (await import('./records-callbacks.ts')).benchCallbacks();
await (await import('./records-reports.ts')).benchRecordsReports();
// Last: about seven minutes of a real Chromium playing a compressed program.
await benchPlayerTiming();

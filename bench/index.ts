/** `npm run bench`: every benchmark, figures printed; none of them asserts. */
import { benchApiLatency } from './api-latency.ts';
import { benchPlanYear } from './plan-year.ts';
import { benchSseFanout } from './sse-fanout.ts';

await benchPlanYear();
await benchApiLatency();
await benchSseFanout();

/** `npm run bench`: every benchmark, figures printed; none of them asserts. */
import { benchPlanYear } from './plan-year.ts';

await benchPlanYear();

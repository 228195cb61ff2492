import type { Principal } from './auth/roles.ts';
import type { AppContext } from './context.ts';

/** What every request carries through the Hono app. */
export interface AppEnv {
  Variables: {
    ctx: AppContext;
    principal: Principal | null;
  };
}

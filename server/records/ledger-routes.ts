import { Hono } from 'hono';
import type { AppEnv } from '../app-env.ts';
import { compensationRoutes } from './compensation-routes.ts';
import { merchantServiceRoutes } from './merchant-service-routes.ts';
import { prizeRoutes } from './prize-routes.ts';
import { returnRoutes } from './returns-routes.ts';

/** The desk's ledgers besides complaints, mounted together under /api. */
export const ledgerRoutes = new Hono<AppEnv>()
  .route('/', returnRoutes)
  .route('/', compensationRoutes)
  .route('/', merchantServiceRoutes)
  .route('/', prizeRoutes);

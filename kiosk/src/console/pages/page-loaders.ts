/**
 * Each page's module, loaded when the page is first opened: the console's first load carries
 * the shell only, not every page's charts and editors.
 */
export const PAGE_LOADERS: Record<string, () => Promise<unknown>> = {
  today: () => import('./dc-page-today.ts'),
  program: () => import('./dc-page-program.ts'),
  calendar: () => import('./dc-page-calendar.ts'),
  players: () => import('./dc-page-players.ts'),
  announcements: () => import('./dc-page-announcements.ts'),
  weather: () => import('./dc-page-weather.ts'),
  merchants: () => import('./dc-page-merchants.ts'),
  promos: () => import('./dc-page-promos.ts'),
  media: () => import('./dc-page-media.ts'),
  plays: () => import('./dc-page-plays.ts'),
  queue: () => import('./dc-page-queue.ts'),
  callbacks: () => import('./dc-page-callbacks.ts'),
  people: () => import('./dc-page-people.ts'),
};

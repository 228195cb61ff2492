import { ROLES, type DeviceKind, type Principal, type Role } from '../auth/roles.ts';
import type { EventPayload, EventRecord, EventType } from './event-types.ts';

/** Who an event is for: staff roles, kinds of device, and maybe only the devices it names. */
interface Audience<T extends EventType> {
  people: readonly Role[];
  devices: readonly DeviceKind[];
  /** The devices (of those kinds) it is for, from its payload; every one when absent. */
  only?: (payload: EventPayload<T>) => 'all' | readonly number[];
}

const STAFF = ROLES;
const NONE = [] as const;

/**
 * Each event type's receivers. A device gets only what its pages act on; the console's pages
 * (every role's banner watches devices and plays) get the rest. Secrets never go in an event.
 */
export const EVENT_AUDIENCE: { [T in EventType]: Audience<T> } = {
  'plan-changed': { people: STAFF, devices: ['player', 'guide'] },
  'schedule-changed': { people: STAFF, devices: ['guide'] },
  'media-changed': { people: STAFF, devices: NONE },
  'promos-changed': { people: STAFF, devices: ['guide'] },
  'merchants-changed': { people: STAFF, devices: ['guide'] },
  announcement: { people: STAFF, devices: ['player'], only: (p) => p.targets as 'all' | number[] },
  'announcement-cancelled': { people: STAFF, devices: ['player'] },
  'announcement-played': { people: STAFF, devices: NONE },
  'announcement-templates-changed': { people: STAFF, devices: NONE },
  'playback-state': { people: STAFF, devices: NONE },
  'devices-changed': { people: STAFF, devices: NONE },
  'queue-changed': { people: STAFF, devices: ['guide'] },
  'queue-called': { people: STAFF, devices: ['guide'] },
  // The board's rating prompt: for the guide screens alone, which answer it.
  'queue-rating': { people: NONE, devices: ['guide'] },
  'weather-changed': { people: STAFF, devices: ['guide'] },
  'guide-changed': { people: STAFF, devices: ['guide'], only: (p) => p.deviceIds },
  // The desk's records: for those who keep them and the department manager.
  'records-digest': { people: ['admin', 'desk', 'manager'], devices: NONE },
  resync: { people: STAFF, devices: ['player', 'guide'] },
};

/** Whether `who` may be sent `e`, live or in a replay. Pure. */
export function mayReceive(e: EventRecord, who: Principal): boolean {
  const audience = EVENT_AUDIENCE[e.type] as Audience<EventType> | undefined;
  if (!audience) return false;
  if (who.kind === 'user') return audience.people.includes(who.role);
  if (!audience.devices.includes(who.deviceKind)) return false;
  const only = audience.only?.(e.payload as never) ?? 'all';
  return only === 'all' || only.includes(who.id);
}

import { z } from 'zod';

/** `manager` is the department manager (部门经理): the desk's work, and what only they approve. */
export const ROLES = ['admin', 'announcer', 'desk', 'manager'] as const;
export type Role = (typeof ROLES)[number];
export const roleSchema = z.enum(ROLES);

export const DEVICE_KINDS = ['player', 'guide'] as const;
export type DeviceKind = (typeof DEVICE_KINDS)[number];

/** Who is making a request: a signed-in person, or a registered device. */
export type Principal =
  | {
      kind: 'user';
      id: number;
      username: string;
      role: Role;
      sessionId: string;
      csrfToken: string;
      /** Signed in with a password someone else set: only changing it is allowed. */
      mustChangePassword: boolean;
    }
  | { kind: 'device'; id: number; name: string; deviceKind: DeviceKind };

/**
 * What a route lets in: staff roles and kinds of device. Each kind of device gets only what its
 * pages use: a player is not a ticket machine, a guide screen does not report plays.
 */
export type Audience = Role | DeviceKind;

export function admits(audience: readonly Audience[], who: Principal): boolean {
  if (who.kind === 'device') return audience.includes(who.deviceKind);
  return who.role === 'admin' || audience.includes(who.role);
}

/** Staff only. */
export const STAFF: readonly Audience[] = ['admin', 'announcer', 'desk', 'manager'];
/** Every registered device, of either kind. */
export const DEVICES: readonly Audience[] = DEVICE_KINDS;
/** Everyone signed in, people and devices. */
export const ANYONE: readonly Audience[] = [...STAFF, ...DEVICES];
/** Those who run the broadcast: program, calendar, promos, media. */
export const BROADCAST: readonly Audience[] = ['admin', 'announcer'];
export const ADMIN: readonly Audience[] = ['admin'];
/** Those who run the front-desk queue and its records (the manager does the desk's work too). */
export const DESK: readonly Audience[] = ['admin', 'desk', 'manager'];
/** The department manager: approvals, overrides and the escalated complaints. */
export const MANAGER: readonly Audience[] = ['admin', 'manager'];
/** PA players alone (admins are let in by `allow`; the routes refuse people themselves). */
export const PLAYERS: readonly Audience[] = ['player'];
/** The broadcast's people and the players: the plan. */
export const BROADCAST_AND_PLAYERS: readonly Audience[] = [...BROADCAST, 'player'];
/** Staff and the players: what plays (media, announcements, the clock). */
export const STAFF_AND_PLAYERS: readonly Audience[] = [...STAFF, 'player'];
/** Staff and the guide screens: the queue's board, the directory's data and logos. */
export const STAFF_AND_GUIDES: readonly Audience[] = [...STAFF, 'guide'];
/** The desk and the guide screens' ticket machine: taking a ticket. */
export const DESK_AND_GUIDES: readonly Audience[] = [...DESK, 'guide'];

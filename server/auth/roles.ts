import { z } from 'zod';

export const ROLES = ['admin', 'announcer', 'desk'] as const;
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

/** What a route lets in: roles, and `device` for registered players and guide screens. */
export type Audience = Role | 'device';

export function admits(audience: readonly Audience[], who: Principal): boolean {
  if (who.kind === 'device') return audience.includes('device');
  return who.role === 'admin' || audience.includes(who.role);
}

/** Everyone signed in, people and devices. */
export const ANYONE: readonly Audience[] = ['admin', 'announcer', 'desk', 'device'];
/** Staff only. */
export const STAFF: readonly Audience[] = ['admin', 'announcer', 'desk'];
/** Those who run the broadcast: program, calendar, promos, media. */
export const BROADCAST: readonly Audience[] = ['admin', 'announcer'];
export const ADMIN: readonly Audience[] = ['admin'];
/** The broadcast's people and the devices that play it: the plan and what plays. */
export const BROADCAST_AND_DEVICES: readonly Audience[] = ['admin', 'announcer', 'device'];

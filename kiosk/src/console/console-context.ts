import { createContext } from '@lit/context';
import type { ConsoleApi } from './console-api.ts';

/** `manager`: the department manager (部门经理), who does the desk's work and approves. */
export type Role = 'admin' | 'announcer' | 'desk' | 'manager';

/** The signed-in person, as GET /api/auth/me gives them. */
export interface Me {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  mustChangePassword: boolean;
}

/** The mall, as GET /api/site gives it. */
export interface Site {
  name: string;
  nameEn: string;
  timezone: string;
  today: string;
}

/**
 * What every console page is given: the server, who is signed in, the mall, and the server's
 * live events (each a `CustomEvent` named for its type, the payload as `detail`).
 */
export interface ConsoleSession {
  api: ConsoleApi;
  me: Me;
  site: Site;
  events: EventTarget;
}

export const sessionContext = createContext<ConsoleSession>('deskcast-console-session');

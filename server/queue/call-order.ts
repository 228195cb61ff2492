/**
 * Which waiting ticket a counter calls next. Pure: the caller reads the candidates and applies
 * the choice in one transaction (queue-service.ts).
 */

export interface Waiting {
  id: number;
  service: string;
  priority: boolean;
  /** The original take time (a transfer keeps it), as an ISO instant in UTC. */
  takenAt: string;
}

export interface CounterTurn {
  /** The services the counter serves, in the order it takes them. */
  services: readonly string[];
  /** Priority tickets it called in a row just before. */
  priorityStreak: number;
  /** At most this many priority tickets in a row while a normal one waits; 0: no priority. */
  priorityRun: number;
  /** `services`: its first service with anyone waiting comes first; `arrival`: oldest first. */
  callOrder: 'services' | 'arrival';
}

/** The ticket to call, or undefined when none of the counter's services has anyone waiting. */
export function pickNext(waiting: readonly Waiting[], turn: CounterTurn): Waiting | undefined {
  const rank = new Map(turn.services.map((s, i) => [s, i]));
  const mine = waiting.filter((w) => rank.has(w.service));
  const byOrder = (a: Waiting, b: Waiting) =>
    (turn.callOrder === 'services' ? (rank.get(a.service) ?? 0) - (rank.get(b.service) ?? 0) : 0) ||
    a.takenAt.localeCompare(b.takenAt) ||
    a.id - b.id;
  const sorted = [...mine].sort(byOrder);
  if (turn.priorityRun === 0) return sorted[0];
  const firstPriority = sorted.find((w) => w.priority);
  const firstNormal = sorted.find((w) => !w.priority);
  if (firstPriority && (turn.priorityStreak < turn.priorityRun || !firstNormal))
    return firstPriority;
  return firstNormal ?? firstPriority;
}

/** The counter's streak after calling `ticket`: a normal ticket ends it. */
export const nextStreak = (streak: number, priority: boolean) => (priority ? streak + 1 : 0);

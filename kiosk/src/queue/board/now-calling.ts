import type { CounterRef, QueueState } from '../queue-types.ts';

/** A call as the board shows it: from a `queue-called` event or the state's recent calls. */
export interface CallShown {
  code: string;
  counter: CounterRef;
  callCount: number;
  calledAt?: string | undefined;
}

const ON = new Set(['called', 'serving']);

/**
 * Whether a call is over by the queue state: its ticket no longer called or served at its
 * counter (a no-show, a transfer, finished). A state that does not know of the call yet (it is
 * fetched after the event) says nothing: the call is not over until the state has seen it. Pure.
 */
export function callEnded(state: QueueState | undefined, call: CallShown): boolean {
  if (!state) return false;
  const current = state.counters.find((k) => k.number === call.counter.number)?.current;
  if (current?.code === call.code) return !ON.has(current.status);
  const seen = state.recentCalls.some(
    (r) =>
      r.code === call.code &&
      r.counter.number === call.counter.number &&
      r.callCount >= call.callCount,
  );
  const later =
    !!current?.calledAt &&
    !!call.calledAt &&
    Date.parse(current.calledAt) >= Date.parse(call.calledAt);
  return seen || later;
}

/** The newest of the state's recent calls still on at its counter. */
export function latestOn(state: QueueState | undefined): CallShown | undefined {
  return state?.recentCalls.find((r) => !callEnded(state, r));
}

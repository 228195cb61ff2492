import { EventStream, type StreamState } from '../lib/event-stream.ts';

/**
 * The server's live events for the signed-in console (the session cookie goes with the
 * stream), re-dispatched as `CustomEvent`s named for their type; `stream-state` tells whether
 * the stream is up.
 */
export class ConsoleEvents extends EventTarget {
  state: StreamState = 'connecting';
  private readonly _stream = new EventStream(
    '',
    (type, data) => this.dispatchEvent(new CustomEvent(type, { detail: data })),
    (state) => {
      this.state = state;
      this.dispatchEvent(new CustomEvent('stream-state', { detail: state }));
    },
  );

  start(): void {
    this._stream.start();
  }

  stop(): void {
    this._stream.stop();
  }
}

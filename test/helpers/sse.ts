export interface SseMessage {
  id?: string;
  event: string;
  data: string;
}

/** A minimal EventSource over fetch, so tests can send headers and read every message. */
export async function openStream(url: string, headers: Record<string, string> = {}) {
  const controller = new AbortController();
  const res = await fetch(url, { headers, signal: controller.signal });
  const messages: SseMessage[] = [];
  const waiters: (() => void)[] = [];
  let ended = false;
  const done = (async () => {
    if (!res.body) return;
    const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        let cut;
        while ((cut = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          const m: SseMessage = { event: 'message', data: '' };
          let isComment = true;
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) continue;
            isComment = false;
            const [field, ...rest] = line.split(':');
            const v = rest.join(':').replace(/^ /, '');
            if (field === 'id') m.id = v;
            else if (field === 'event') m.event = v;
            else if (field === 'data') m.data += v;
          }
          if (!isComment) messages.push(m);
          waiters.splice(0).forEach((w) => w());
        }
      }
    } catch {
      /* aborted */
    } finally {
      ended = true;
      waiters.splice(0).forEach((w) => w());
    }
  })();
  return {
    status: res.status,
    messages,
    get ended() {
      return ended;
    },
    /** Waits until `n` messages have arrived (or the stream ended, or 5 s passed). */
    async waitFor(n: number, timeoutMs = 5000): Promise<SseMessage[]> {
      const until = Date.now() + timeoutMs;
      while (messages.length < n && !ended && Date.now() < until) {
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 50);
        });
      }
      return messages;
    },
    async close() {
      controller.abort();
      await done;
    },
    done,
  };
}

import type { Synthesiser } from '../../server/tts/synthesiser.ts';

/** The real synthesiser, counting its renders: how a test tells a cache hit from a render. */
export function countingSynth(synth: Synthesiser): Synthesiser & { readonly renders: number } {
  let renders = 0;
  return {
    id: synth.id,
    close: () => synth.close(),
    synthesise(...args) {
      renders++;
      return synth.synthesise(...args);
    },
    get renders() {
      return renders;
    },
  };
}

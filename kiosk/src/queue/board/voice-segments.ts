/** A run of clips in one language, and what to say instead if the pack lacks any of them. */
export interface VoiceSegment {
  clips: string[];
  fallbackText?: string;
}

/** The language of a clip from its folder in the voice pack (`zh/qing`, `en/counter`, `chime`). */
const languageOf = (clip: string) => (clip.includes('/') ? clip.slice(0, clip.indexOf('/')) : '');

/**
 * Splits a call's clips into runs by language. A run the pack cannot play in full is spoken by
 * the server's TTS from the call's text instead (half a number is worse than a synthetic voice);
 * a missing chime is simply left out.
 */
export function segmentsOf(call: {
  clips: readonly string[];
  text: string;
  textEn?: string | undefined;
}): VoiceSegment[] {
  const out: VoiceSegment[] = [];
  let lang: string | undefined;
  for (const clip of call.clips) {
    const l = languageOf(clip);
    const current = out.at(-1);
    if (current && l === lang) current.clips.push(clip);
    else {
      const fallbackText = l === 'zh' ? call.text : l === 'en' ? call.textEn : undefined;
      out.push({ clips: [clip], ...(fallbackText ? { fallbackText } : {}) });
      lang = l;
    }
  }
  return out;
}

import { pinyin } from 'pinyin-pro';

/**
 * A shop's name as toneless syllables (`兰亭沙发` → `lan ting sha fa`), what the directory
 * matches full pinyin and initials against. pinyin-pro reads words, not single characters, so
 * 重庆 is chong qing and 长虹 chang hong. Latin letters and digits in a name stay as words.
 */
export function pinyinOf(name: string): string {
  return pinyin(name, { toneType: 'none', type: 'array', nonZh: 'consecutive' })
    .flatMap((s) => s.toLowerCase().match(/[a-z0-9]+/g) ?? [])
    .join(' ');
}

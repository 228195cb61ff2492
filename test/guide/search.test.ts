import { describe, expect, it } from 'vitest';
import {
  buildIndex,
  prefixDistance,
  search,
  type Searchable,
} from '../../kiosk/src/guide/merchant-search.ts';
import { pinyinOf } from '../../server/guide/pinyin.ts';

const shop = (id: number, name: string, nameLatin: string | null, unit: string): Searchable => ({
  id,
  name,
  nameLatin,
  pinyin: pinyinOf(name),
  unit,
});

const shops = [
  shop(1, '兰亭沙发', 'LANTING SOFA', 'A201'),
  shop(2, '鹿米灯饰', 'LUMI LIGHTING', 'D402'),
  shop(3, '宜家家居', 'IKEA', 'C101'),
  shop(4, '重庆小面', null, 'D411'),
  shop(5, '长虹电器', 'CHANGHONG', 'C104'),
  shop(6, '佳乐瓷砖', 'JIALE CERAMICS', 'C110'),
  shop(7, '兰州拉面', null, 'D412'),
];
const index = buildIndex(shops);
const first = (q: string) => shops.find((s) => s.id === search(index, q)[0]?.id)?.name;
const names = (q: string) => search(index, q).map((h) => shops.find((s) => s.id === h.id)?.name);

describe('merchant search', () => {
  it('finds a shop by its name in hanzi, whole or in part', () => {
    expect(first('兰亭沙发')).toBe('兰亭沙发');
    expect(first('沙发')).toBe('兰亭沙发');
    expect(names('兰')).toEqual(['兰亭沙发', '兰州拉面']);
    expect(names('兰沙')).toEqual(['兰亭沙发']);
  });

  it('finds a shop by full pinyin, initials, or a mix of the two, as the letters are typed', () => {
    expect(first('lantingshafa')).toBe('兰亭沙发');
    expect(first('lanting')).toBe('兰亭沙发');
    expect(first('ltsf')).toBe('兰亭沙发');
    expect(first('lantsf')).toBe('兰亭沙发');
    expect(names('lz')).toEqual(['兰州拉面']);
    // Found as pinyin, not as a near miss of something else.
    expect(search(index, 'lantsf')[0]).toMatchObject({ id: 1, kind: 'pinyin' });
    expect(search(index, 'ltsf')[0]).toMatchObject({ id: 1, kind: 'initials' });
    // Words, not characters: 重庆 is chong qing, 长虹 chang hong.
    expect(first('chongqing')).toBe('重庆小面');
    expect(first('cqxm')).toBe('重庆小面');
    expect(first('chdq')).toBe('长虹电器');
  });

  it('finds a shop by its Latin brand, any word of it, and by its unit', () => {
    expect(first('ikea')).toBe('宜家家居');
    expect(first('IKEA')).toBe('宜家家居');
    expect(first('lighting')).toBe('鹿米灯饰');
    expect(first('c110')).toBe('佳乐瓷砖');
    expect(first('Ａ２０１')).toBe('兰亭沙发');
  });

  it('forgives a typo or two in a brand or a pinyin', () => {
    expect(first('ikae')).toBe('宜家家居'); // two letters swapped
    expect(first('lantng')).toBe('兰亭沙发'); // one left out
    expect(first('lumy')).toBe('鹿米灯饰'); // one wrong
    expect(first('ceramcis')).toBe('佳乐瓷砖');
    expect(first('changhonk')).toBe('长虹电器');
    // Short queries are taken as typed: two letters are initials, not typos.
    expect(names('ik')).toEqual(['宜家家居']);
    expect(search(index, 'xq')).toEqual([]);
  });

  it('puts exact matches before typos, and finds nothing for nothing', () => {
    const hits = search(index, 'lumi');
    expect(hits[0]).toMatchObject({ id: 2, kind: 'brand' });
    expect(search(index, '')).toEqual([]);
    expect(search(index, '  ')).toEqual([]);
    expect(search(index, 'zzzzzz')).toEqual([]);
  });

  it('measures the distance to the closest beginning of a name', () => {
    expect(prefixDistance('lant', 'lanting', 2)).toBe(0);
    expect(prefixDistance('lnat', 'lanting', 2)).toBe(1);
    expect(prefixDistance('xyz', 'lanting', 1)).toBe(2);
  });
});

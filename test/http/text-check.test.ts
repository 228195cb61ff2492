import { describe, expect, it } from 'vitest';
import { findBadText } from '../../server/http/text-check.ts';
import { MAX_YAML_LINES, parseYaml } from '../../server/program/source.ts';

describe('text a request may carry', () => {
  it('passes Chinese, tabs, newlines and emoji written as whole surrogate pairs', () => {
    expect(findBadText({ title: '周年庆\t满 1000 减 200\r\n🎉 全场 🛋️' })).toBeUndefined();
  });

  it('names the field and the position of a control character or a lone half pair', () => {
    expect(findBadText({ lines: [{ text: 'ok' }, { text: '广播\u0000通知' }] })?.message).toMatch(
      /^lines\.1\.text: contains a control character \(U\+0000\) at position 3/,
    );
    // A good pair first, then a high half with no low half after it (the end of the string).
    expect(findBadText({ t: '🎉ab\uD83C' })?.message).toMatch(
      /half of a surrogate pair.*position 5/,
    );
    expect(findBadText({ t: 'a\uDC00' })?.message).toMatch(/position 2/);
  });
});

describe('the size cap of a schedule file', () => {
  it('says at which line a file passed the cap, counting list items on one line too', () => {
    const lines = Array.from({ length: MAX_YAML_LINES + 5 }, (_, i) => `k${i}: 1`).join('\n');
    expect(parseYaml('program.yaml', lines).issues[0]?.line).toBe(MAX_YAML_LINES + 1);
    const flow = `x: [${Array.from({ length: MAX_YAML_LINES + 5 }, () => '1').join(', ')}]`;
    expect(parseYaml('program.yaml', `a: 1\n${flow}`).issues[0]?.line).toBe(2);
    const fits = Array.from({ length: MAX_YAML_LINES }, (_, i) => `k${i}: 1`).join('\n');
    expect(parseYaml('program.yaml', fits).issues).toEqual([]);
  });
});

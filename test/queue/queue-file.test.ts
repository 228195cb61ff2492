import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatIssue } from '../../server/program/source.ts';
import { parseQueueFile } from '../../server/queue/queue-file.ts';

const shipped = readFileSync('schedules/queue.yaml', 'utf8');

/** The 1-based line of the first line of `text` containing `needle`. */
const lineOf = (text: string, needle: string) =>
  text.split('\n').findIndex((l) => l.includes(needle)) + 1;

const problems = (text: string) => parseQueueFile(text).issues.map(formatIssue);

describe('queue.yaml', () => {
  it('ships the seed desk duties A–E and six counters, with the documented settings', () => {
    const { value, issues } = parseQueueFile(shipped);
    expect(issues).toEqual([]);
    expect(value?.services.map((s) => `${s.prefix} ${s.id} ${s.name}`)).toEqual([
      'A enquiry 咨询',
      'B complaint 投诉',
      'C return 30天无理由退货',
      'D prize 奖品领取',
      'E merchant 商户服务（标价签打印、特价牌、销售订单）',
    ]);
    expect(value?.counters.map((c) => c.number)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(value).toMatchObject({
      maxRecalls: 3,
      noShowRecallMinutes: 30,
      priorityRun: 2,
      defaultServiceMinutes: 5,
      english: true,
    });
  });

  it('points at the line and column of a prefix used twice', () => {
    const text = shipped.replace('prefix: B', 'prefix: A');
    expect(problems(text)).toEqual([
      `queue.yaml:${lineOf(text, '- id: complaint')}:5: services[1]: prefix A is used twice`,
    ]);
  });

  it('names a counter service that does not exist, where it is written', () => {
    const text = shipped.replace('services: [return, complaint]', 'services: [return, complain]');
    const line = lineOf(text, '[return, complain]');
    expect(problems(text)).toEqual([
      `queue.yaml:${line}:${text.split('\n')[line - 1]!.indexOf('complain]') + 1}: counters[2].services[1]: no service "complain" in services`,
    ]);
  });

  it('refuses unknown fields, bad hours, bad prefixes and counters past 99', () => {
    const text = shipped
      .replace('maxRecalls: 3', 'maxRecall: 3')
      .replace('until: closing-30m }\n  - id: prize', 'until: late }\n  - id: prize')
      .replace('prefix: D', 'prefix: d')
      .replace('number: 6', 'number: 100');
    const found = problems(text);
    expect(found).toHaveLength(4);
    expect(found).toContain(
      `queue.yaml:${lineOf(text, 'maxRecall: 3')}:1: unknown field "maxRecall"`,
    );
    expect(found.join('\n')).toMatch(/services\[2\]\.hours\.until: write HH:MM/);
    expect(found.join('\n')).toMatch(/services\[3\]\.prefix: one capital letter/);
    expect(found.join('\n')).toMatch(/counters\[5\]\.number: .*99/);
  });

  it('reports broken YAML with its position', () => {
    expect(problems('services: [\n')[0]).toMatch(/^queue\.yaml:\d+:\d+: /);
  });
});

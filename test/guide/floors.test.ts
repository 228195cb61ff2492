import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFloors } from '../../server/guide/floors-file.ts';
import { formatIssue } from '../../server/program/source.ts';

const DIR = 'schedules/floors';
const shipped = readFileSync(join(DIR, 'floors.yaml'), 'utf8');
const svgOf = (name: string) => readFileSync(join(DIR, name), 'utf8');
const reader =
  (files: Record<string, string> = {}) =>
  (name: string) => {
    const text = files[name] ?? (/^[1-4]F\.svg$/.test(name) ? svgOf(name) : undefined);
    return text === undefined ? undefined : new TextEncoder().encode(text);
  };
const problems = (yaml: string, files?: Record<string, string>) =>
  parseFloors(yaml, reader(files)).problems.map(formatIssue);
const lineOf = (text: string, needle: string) =>
  text.split('\n').findIndex((l) => l.includes(needle)) + 1;
const colOf = (text: string, needle: string) =>
  (text.split('\n')[lineOf(text, needle) - 1] ?? '').indexOf(needle) + 1;

describe('floor maps file', () => {
  it('reads the shipped demo mall: four floors, every unit drawn, five places to stand', () => {
    const f = parseFloors(shipped, reader());
    expect(f.problems).toEqual([]);
    expect(f.floors.map((x) => x.id)).toEqual(['1F', '2F', '3F', '4F']);
    expect(f.floors[0]?.units['C110']).toBe('unit-C110');
    expect(f.floors[0]?.desk).toBe('service-desk');
    expect(f.here.map((h) => h.id)).toContain('1f-entrance');
    // Lifts, stairs and toilets are drawn on every floor.
    for (const floor of f.floors)
      for (const id of ['lift-west', 'stairs-west', 'stairs-east', 'toilet-east'])
        expect(floor.svg, `${floor.id} ${id}`).toContain(`id="${id}"`);
  });

  it('names the file, line and field of a unit whose element the drawing lacks', () => {
    const yaml = shipped.replace('C110: unit-C110', 'C110: unit-C999');
    expect(problems(yaml)).toEqual([
      `floors.yaml:${lineOf(yaml, 'unit-C999')}:13: floors[0].units.C110: 1F.svg has no element id="unit-C999"`,
    ]);
  });

  it('refuses a missing drawing, a bad floor name, an unknown field, a place on no floor', () => {
    const yaml = shipped
      .replace('map: 2F.svg', 'map: 2F-new.svg')
      .replace('id: 4F', 'id: 四楼')
      .replace('nameEn: Level 3', 'nameEn: Level 3\n    colour: red')
      .replace('floor: 3F, element: here-3f-atrium', 'floor: 9F, element: here-3f-atrium');
    const found = problems(yaml);
    expect(found).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^floors\.yaml:\d+:\d+: floors\[3\]\.id: write the floor as the merchants do/,
        ),
        expect.stringMatching(/^floors\.yaml:\d+:\d+: floors\[2\]: unknown field "colour"/),
      ]),
    );
    const fixed = shipped
      .replace('map: 2F.svg', 'map: 2F-new.svg')
      .replace('floor: 3F, element: here-3f-atrium', 'floor: 9F, element: here-3f-atrium');
    expect(problems(fixed)).toEqual([
      `floors.yaml:${lineOf(fixed, '2F-new.svg')}:10: floors[1].map: no file 2F-new.svg beside floors.yaml`,
      `floors.yaml:${lineOf(fixed, 'floor: 9F')}:${colOf(fixed, '9F')}: here[3].floor: no floor 9F in floors (1F, 2F, 3F, 4F)`,
    ]);
  });

  it('refuses a drawing that would run code or load another file, and one without a viewBox', () => {
    const evil = svgOf('2F.svg').replace('<title>', '<script>alert(1)</script><title>');
    expect(problems(shipped, { '2F.svg': evil })).toEqual([
      expect.stringMatching(/^2F\.svg:\d+:\d+: 2F\.svg: contains a <script> element/),
    ]);
    const remote = svgOf('3F.svg').replace('<title>', '<image href="http://x/y.png"/><title>');
    expect(problems(shipped, { '3F.svg': remote })[0]).toMatch(
      /3F\.svg: contains a link to another file/,
    );
    const flat = svgOf('4F.svg').replace(/ viewBox="[^"]*"/, '');
    expect(problems(shipped, { '4F.svg': flat })).toEqual([
      '4F.svg:1:1: 4F.svg: the <svg> element needs a viewBox="0 0 width height", so it scales to the screen',
    ]);
  });

  it('points at a YAML slip by line and column', () => {
    expect(problems('floors:\n  - id: 1F\n   name: x\n')[0]).toMatch(/^floors\.yaml:3:\d+: /);
  });
});

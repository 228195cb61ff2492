import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, withCast, type Json, type TestServer } from '../helpers/server.ts';
import { fileForm } from './fixtures.ts';

let server: TestServer;
let cast: Awaited<ReturnType<typeof withCast>>;
beforeAll(async () => {
  server = await startServer();
  cast = await withCast(server);
}, 60_000);
afterAll(() => server.close());

const HEADER = [
  '名称 name',
  '品牌 nameLatin',
  '楼层 floor',
  '铺位 unit',
  '类别 category',
  '电话 phone',
];
const ROWS = [
  ['北欧之家', 'NORDIC HOME', '2F', 'A210', '家具', '0571-1111 2222'],
  ['光年灯饰', 'LIGHTYEAR', '4', 'D410', 'lighting', ''],
  // An existing merchant: its brand and phone change, the columns not in the file stay.
  ['兰亭沙发', 'LANTING', '2F', 'A201', '家具', '0571-8801 2201'],
];
const csvOf = (rows: string[][]) =>
  rows
    .map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(','))
    .join('\r\n');
const upload = (bytes: Uint8Array, name: string, apply = false) =>
  cast.announcer.post(`/api/merchants/import${apply ? '?apply=1' : ''}`, fileForm(bytes, name));
const merchantNames = async () =>
  ((await cast.desk.get('/api/merchants?retired=1')).body.merchants as Json[]).map((m) => m.name);

async function xlsxOf(rows: (string | number | Date)[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('商户');
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await book.xlsx.writeBuffer());
}

describe('merchant import', () => {
  it('refuses a CSV with a bad row, naming its row and column, and stores nothing', async () => {
    const before = await merchantNames();
    const rows = [HEADER, ...ROWS];
    rows.splice(
      11,
      0,
      ...Array.from({ length: 8 }, (_, i) => [`测试店${i}`, '', '1F', '', '', '']),
    );
    // Row 12 of the sheet (the header is row 1): a floor that is no floor.
    rows[11] = ['坏楼层店', '', '十二楼', '', '', ''];
    const r = await upload(Buffer.from(csvOf(rows)), 'merchants.csv');
    expect(r.status).toBe(400);
    expect(r.body.error).toBe('invalid-import');
    expect(r.body.message).toBe(
      '第 12 行 C 列 floor: 楼层写作 1F、2F… 或 B1 · write the floor as 1F, 2F… or B1',
    );
    expect(r.body.issues).toEqual([expect.objectContaining({ row: 12, col: 'C', field: 'floor' })]);
    const applied = await upload(Buffer.from(csvOf(rows)), 'merchants.csv', true);
    expect(applied.status).toBe(400);
    expect(await merchantNames()).toEqual(before);
  });

  it('lists every bad row, and bad headers', async () => {
    const rows = [
      [...HEADER, '颜色'],
      ['好店', '', '1F', '', '', '', ''],
      ['IKEA', '', '1F', '', '古董', 'phone!', ''],
      ['好店', '', 'B2', '', '', '', ''],
    ];
    const r = await upload(Buffer.from(csvOf(rows)), 'x.csv');
    expect(r.status).toBe(400);
    expect(r.body.message).toBe('第 1 行 G 列: 不认识的列「颜色」· unknown column "颜色"');
    const r2 = await upload(Buffer.from(csvOf(rows.map((row) => row.slice(0, 6)))), 'x.csv');
    expect((r2.body.issues as Json[]).map((i) => `${i.row}${i.col} ${i.field}`)).toEqual([
      '3A name',
      '3E category',
      '3F phone',
      '4A name',
    ]);
    expect(r2.body.message.split('\n')[3]).toBe(
      '第 4 行 A 列 name: 与第 2 行重名 · the same name as row 2',
    );
  });

  it('previews a good CSV without storing it, then applies exactly that', async () => {
    const bytes = Buffer.from(`\uFEFF${csvOf([HEADER, ...ROWS])}`);
    const before = await merchantNames();
    const preview = await upload(bytes, 'merchants.csv');
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({
      applied: false,
      summary: { create: 2, update: 1, unchanged: 0 },
    });
    expect(preview.body.changes).toEqual([
      { row: 2, kind: 'create', name: '北欧之家' },
      { row: 3, kind: 'create', name: '光年灯饰' },
      {
        row: 4,
        kind: 'update',
        name: '兰亭沙发',
        id: 1,
        fields: [{ field: 'nameLatin', from: 'LANTING SOFA', to: 'LANTING' }],
      },
    ]);
    expect(await merchantNames()).toEqual(before);

    const applied = await upload(bytes, 'merchants.csv', true);
    expect(applied.status).toBe(200);
    expect(applied.body.applied).toBe(true);
    expect(applied.body.changes).toEqual(preview.body.changes);
    const all = (await cast.desk.get('/api/merchants')).body.merchants as Json[];
    expect(all.find((m) => m.name === '光年灯饰')).toMatchObject({
      floor: '4F',
      category: 'lighting',
      phone: null,
      createdBy: 'announcer1',
    });
    // Columns the file does not have keep what was stored.
    expect(all.find((m) => m.name === '兰亭沙发')).toMatchObject({
      nameLatin: 'LANTING',
      pinyin: 'lan ting sha fa',
      contact: '王经理',
    });
    const again = await upload(bytes, 'merchants.csv');
    expect(again.body.summary).toEqual({ create: 0, update: 0, unchanged: 3 });
  });

  it('reads a CSV saved by a Chinese Excel (GB18030)', async () => {
    // "名称,楼层\r\n国标店,3F" in GB18030.
    const gb = Buffer.from('c3fbb3c62cc2a5b2e30d0ab9fab1eab5ea2c3346', 'hex');
    const r = await upload(gb, 'gbk.csv');
    expect(r.status).toBe(200);
    expect(r.body.changes).toEqual([{ row: 2, kind: 'create', name: '国标店' }]);
  });

  it('refuses an XLSX with a bad row at its row and column, and stores nothing', async () => {
    const before = await merchantNames();
    const rows: (string | number)[][] = [
      ['name', 'floor', 'opens', 'closes', 'pinyin'],
      ['表格店', 3, '09:00', '18:00', 'biao ge dian'],
      ['夜店', '1F', '20:00', '02:00', 'ye dian'],
    ];
    const r = await upload(await xlsxOf(rows), 'merchants.xlsx', true);
    expect(r.status).toBe(400);
    expect(r.body.message).toBe('第 3 行 D 列 closes: 关门时间须晚于 20:00 · must be after 20:00');
    expect(await merchantNames()).toEqual(before);
  });

  it('imports an XLSX: numbers, times typed as times, and the id column for a rename', async () => {
    const nine = new Date(Date.UTC(1899, 11, 30, 9, 0));
    const rows: (string | number | Date)[][] = [
      ['编号 id', '名称 name', '楼层 floor', '开门 opens', '关门 closes'],
      ['', '表格店', 3, nine, '18:00'],
      [1, '兰亭沙发旗舰店', '2F', '', ''],
    ];
    const file = await xlsxOf(rows);
    const preview = await upload(file, 'merchants.xlsx');
    expect(preview.status).toBe(200);
    expect(preview.body.changes).toEqual([
      { row: 2, kind: 'create', name: '表格店' },
      {
        row: 3,
        kind: 'update',
        name: '兰亭沙发旗舰店',
        id: 1,
        fields: [
          { field: 'name', from: '兰亭沙发', to: '兰亭沙发旗舰店' },
          { field: 'opens', from: '09:30', to: null },
          { field: 'closes', from: '18:00', to: null },
        ],
      },
    ]);
    expect((await upload(file, 'merchants.xlsx', true)).status).toBe(200);
    const shop = ((await cast.desk.get('/api/merchants?q=表格')).body.merchants as Json[])[0];
    expect(shop).toMatchObject({ floor: '3F', opens: '09:00', closes: '18:00' });
    // The promo follows its merchant's new name into the plan.
    const plan = (await cast.device.get('/api/plan?date=2026-12-02')).body;
    const sofa = (plan.items as Json[]).find((i) => i.promo?.id === 'lanting-sofa');
    expect(sofa!.promo.merchant).toBe('兰亭沙发旗舰店');
  });

  it('refuses what is not a spreadsheet', async () => {
    const xls = Buffer.from('d0cf11e0a1b11ae1000000', 'hex');
    expect((await upload(xls, 'old.xls')).body.message).toContain('.xlsx');
    const zip = Buffer.from('504b0304deadbeef', 'hex');
    expect((await upload(zip, 'broken.xlsx')).status).toBe(415);
    expect(
      (await cast.desk.post('/api/merchants/import', fileForm(Buffer.from('a'), 'a.csv'))).status,
    ).toBe(403);
  });

  it('offers a template that imports as it is', async () => {
    const t = await cast.desk.get('/api/merchants/template.csv');
    expect(t.status).toBe(200);
    expect(t.headers.get('content-type')).toContain('text/csv');
    const r = await upload(Buffer.from(t.text), 'template.csv');
    expect(r.status).toBe(200);
  });
});

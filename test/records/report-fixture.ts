import type { SteppableClock } from '../helpers/clock.ts';
import type { Client, Json } from '../helpers/server.ts';

/** 2026-12-`day` at hh:mm in the mall (Asia/Shanghai, UTC+8), as a Date. */
export const mall = (day: number, hh: number, mm = 0) =>
  new Date(Date.UTC(2026, 11, day, hh - 8, mm));

/** The latest instant the fixture's tests look at: sign in there, then step back. */
export const LAST = mall(22, 12);

const base = {
  source: 'phone',
  customerName: '顾客',
  customerPhone: '138 0013 8000',
  category: '商品质量',
  what: '沙发扶手开裂。',
  wants: '换货',
};

/**
 * Complaints around week 2026-W50 (Monday 7 to Sunday 13 December, mall time), each made and
 * handled at its instants through the API:
 * - `late`: came in on Friday of W49, answered then, its plan given late in W50;
 * - `rejected`: Monday, rejected an hour later with the reason;
 * - `quick`: Tuesday, answered and planned in time;
 * - `paused`: Wednesday, waited on the merchant for 48 h, answered 35 h after it came in (11 h
 *   counted), its plan falling due in W51;
 * - `ignored`: Thursday, a merchant from the directory, never answered (overdue at the week's
 *   end, both deadlines);
 * - `waiting`: Friday, waiting on the customer since and still at the week's end;
 * - `sunday`: 23:30 on Sunday, the last half hour of W50; `monday`: 00:10 the next day, W51;
 * - on Tuesday of W51 the ignored one is answered (late) and last week's resolved.
 */
export async function complaintWeek(desk: Client, clock: SteppableClock) {
  const make = async (at: Date, fields: Json) => {
    clock.set(at);
    const r = await desk.post('/api/complaints', { ...base, ...fields });
    if (r.status !== 201) throw new Error(r.text);
    return r.body.complaint.id as number;
  };
  const act = async (id: number, at: Date, action: Json) => {
    clock.set(at);
    const r = await desk.post(`/api/complaints/${id}/actions`, action);
    if (r.status !== 200) throw new Error(r.text);
  };
  const lumi = (await desk.get('/api/merchants')).body.merchants.find(
    (m: Json) => m.name === '鹿米灯饰',
  ) as Json;
  const answer = { action: 'answer', text: '已联系商户，明天上门查看。' };
  const plan = { action: 'plan', text: '商户同意更换扶手，周六上门。' };

  const late = await make(mall(4, 10), { customerName: '赵先生', merchantName: '兰亭沙发' });
  await act(late, mall(5, 9), answer);
  await act(late, mall(8, 10), plan);

  const rejected = await make(mall(7, 11), {
    customerName: '钱女士',
    category: '价格争议',
    merchantName: '佳乐瓷砖',
    floor: '1F',
  });
  await act(rejected, mall(7, 12), { action: 'reject', reason: '非本商场售出的商品' });

  const quick = await make(mall(8, 10), {
    customerName: '孙先生',
    customerPhone: '139 1234 5678',
    merchantName: '兰亭沙发',
    floor: '2F',
    product: '三人位布艺沙发',
    orderNo: 'HX20261201-0042',
  });
  await act(quick, mall(8, 15), answer);
  await act(quick, mall(10, 9), plan);

  const paused = await make(mall(9, 10), { customerName: '李女士', category: '送货安装' });
  await act(paused, mall(9, 20), { action: 'pause', reason: 'merchant', note: '等商户回复' });
  await act(paused, mall(11, 20), { action: 'resume' });
  await act(paused, mall(11, 21), answer);

  // Chosen from the directory: the ledger names the merchant and its floor from there.
  const ignored = await make(mall(10, 9), { customerName: '周先生', merchantId: lumi.id });

  const waiting = await make(mall(11, 14), { customerName: '吴女士', category: '服务态度' });
  await act(waiting, mall(11, 18), { action: 'pause', reason: 'customer' });

  const sunday = await make(mall(13, 23, 30), { customerName: '郑先生', source: 'queue' });
  const monday = await make(mall(14, 0, 10), { customerName: '王女士', source: 'queue' });
  // After W50: the ignored one answered at last, last week's resolved. W50's figures stand.
  await act(ignored, mall(15, 10), answer);
  await act(late, mall(15, 11), { action: 'resolve', text: '已更换扶手，顾客确认。' });
  return { late, rejected, quick, paused, ignored, waiting, sunday, monday };
}
export type ComplaintWeek = Awaited<ReturnType<typeof complaintWeek>>;

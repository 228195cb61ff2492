import { describe, expect, it } from 'vitest';
import {
  applyAction,
  complaintAction,
  complaintIntake,
  ComplaintRefused,
  deadlinesOf,
  maskPhone,
  received,
  type Complaint,
  type ComplaintAction,
} from '../../server/records/complaint.ts';

const H = 3600_000;
const T0 = Date.UTC(2026, 11, 3, 13, 30); // 21:30 in the mall (Asia/Shanghai)

const intake = complaintIntake.parse({
  source: 'queue',
  customerName: '王女士',
  customerPhone: '138 0013 8000',
  merchantName: '米兰之家意式轻奢家具旗舰店',
  floor: '2F',
  product: '三人位真皮沙发',
  orderNo: 'XS-20261128-0042',
  category: '商品质量',
  what: '沙发送货两周后扶手开裂。',
  wants: '换货',
  ticketId: 12,
  counter: 2,
});
const act = (c: Complaint, a: unknown, at: number) =>
  applyAction(c, complaintAction.parse(a) as ComplaintAction, at);

describe('a complaint', () => {
  it('goes received → answered → plan given → resolved → called back, each at its time', () => {
    let c = received(1, intake, T0, 'desk1');
    c = act(c, { action: 'answer', text: '已联系商户，明天上门查看。' }, T0 + 2 * H);
    c = act(c, { action: 'plan', text: '免费更换同款。' }, T0 + 30 * H);
    c = act(c, { action: 'resolve', text: '已换货，顾客签收。' }, T0 + 50 * H);
    c = act(c, { action: 'call-back', outcome: 'unreachable' }, T0 + 60 * H);
    expect(c.status).toBe('resolved');
    c = act(c, { action: 'call-back', outcome: 'satisfied', note: '满意' }, T0 + 62 * H);
    expect(c).toMatchObject({
      status: 'called-back',
      answeredAt: T0 + 2 * H,
      plannedAt: T0 + 30 * H,
      callBackTries: 2,
    });
    const d = deadlinesOf(c, T0 + 100 * H);
    expect(d.answer.state).toBe('met');
    expect(d.plan.state).toBe('met');
  });

  it('refuses an action its status does not allow, saying which status it is in', () => {
    const c = received(1, intake, T0, 'desk1');
    expect(() => act(c, { action: 'resolve', text: '好了' }, T0)).toThrow(ComplaintRefused);
    expect(() => act(c, { action: 'resolve', text: '好了' }, T0)).toThrow(/received \(已受理\)/);
    const rejected = act(c, { action: 'reject', reason: '非本商场购买' }, T0 + H);
    expect(() => act(rejected, { action: 'answer', text: 'x' }, T0 + 2 * H)).toThrow(/rejected/);
  });

  it('is overdue for its answer 24 h after it came in, across midnight, unless paused', () => {
    const c = received(1, intake, T0, 'desk1');
    expect(deadlinesOf(c, T0 + 23 * H).answer.state).toBe('open');
    expect(deadlinesOf(c, T0 + 25 * H).answer).toMatchObject({ state: 'missed', overdueMs: H });
    // Waiting on the merchant from hour 20 to hour 30: the answer is due at hour 34.
    let p = act(c, { action: 'pause', reason: 'merchant', note: '等商户回复' }, T0 + 20 * H);
    expect(deadlinesOf(p, T0 + 29 * H).answer.state).toBe('paused');
    expect(() => act(p, { action: 'pause', reason: 'customer' }, T0 + 21 * H)).toThrow(/already/);
    p = act(p, { action: 'resume' }, T0 + 30 * H);
    expect(deadlinesOf(p, T0 + 33 * H).answer).toMatchObject({ state: 'open', at: T0 + 34 * H });
    expect(deadlinesOf(p, T0 + 35 * H).answer.state).toBe('missed');
  });

  it('keeps what was first written when corrected: the correction is another action', () => {
    const c = received(1, intake, T0, 'desk1');
    const fixed = act(c, { action: 'correct', fields: { floor: '3F' } }, T0 + H);
    expect(fixed.floor).toBe('3F');
    expect(c.floor).toBe('2F');
    expect(() => complaintAction.parse({ action: 'correct', fields: {} })).toThrow(/name a field/);
  });

  it('shows the phone number masked outside the desk record', () => {
    expect(maskPhone('138 0013 8000')).toBe('138****8000');
    expect(maskPhone('0571-8888 6666')).toBe('057****6666');
  });
});

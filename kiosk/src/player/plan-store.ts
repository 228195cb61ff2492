import { addDays, dateInZone } from '../../../core/zoned-time.ts';
import type { DayPlan } from '../../../core/plan.ts';
import type { Api } from '../lib/api.ts';

const PLAN_CACHE = 'deskcast-plans-v1';
const planUrl = (date: string) => `/api/plan?date=${date}`;

/**
 * Today's and tomorrow's plans: from the server when it answers, else from the copy kept in
 * the Cache API, so a player that loses the server plays the rest of today and tomorrow.
 */
export class PlanStore {
  plans: DayPlan[] = [];
  /** The mall's zone, remembered so that "today" is right after a reload with no server. */
  timezone = localStorage.getItem('deskcast.timezone') ?? 'Asia/Shanghai';
  fromCache = false;
  private readonly _etags = new Map<string, string>();

  constructor(private readonly _api: Api) {}

  /** Today in the mall, by the server's clock. */
  today(serverNow: number): string {
    return dateInZone(this.timezone, serverNow);
  }

  /** Loads both plans; true when either is new or different. */
  async refresh(serverNow: number): Promise<boolean> {
    if (!localStorage.getItem('deskcast.timezone')) await this._learnZone();
    const today = this.today(serverNow);
    const loaded = await Promise.all([today, addDays(today, 1)].map((d) => this._load(d)));
    const plans = loaded.flatMap((l) => (l ? [l.plan] : []));
    const changed = loaded.some((l) => l?.changed) || plans.length !== this.plans.length;
    if (plans[0] && plans[0].timezone !== this.timezone) {
      this.timezone = plans[0].timezone;
      localStorage.setItem('deskcast.timezone', this.timezone);
    }
    this.plans = plans;
    return changed;
  }

  /** The ETag of the plan of `date` this player holds (none when it came from the cache). */
  etag(date: string): string | undefined {
    return this._etags.get(date) || undefined;
  }

  /** A new kiosk does not know the mall's zone yet: today's plan (the server's today) says it. */
  private async _learnZone(): Promise<void> {
    const plan = await this._api.get<DayPlan>('/api/plan').catch(() => undefined);
    if (!plan) return;
    this.timezone = plan.timezone;
    localStorage.setItem('deskcast.timezone', plan.timezone);
  }

  private async _load(date: string): Promise<{ plan: DayPlan; changed: boolean } | undefined> {
    const cache = 'caches' in globalThis ? await caches.open(PLAN_CACHE) : undefined;
    const kept = this.plans.find((p) => p.date === date);
    try {
      const etag = this._etags.get(date);
      const res = await fetch(planUrl(date), {
        headers: this._api.headers(etag && kept ? { 'If-None-Match': etag } : {}),
        cache: 'no-store',
      });
      if (res.status === 304 && kept) {
        this.fromCache = false;
        return { plan: kept, changed: false };
      }
      if (!res.ok) throw new Error(`plan ${date}: ${res.status}`);
      await cache?.put(planUrl(date), res.clone());
      const plan = (await res.json()) as DayPlan;
      this._etags.set(date, res.headers.get('etag') ?? '');
      this.fromCache = false;
      return { plan, changed: true };
    } catch {
      // The server is away: the copy we kept (it was the latest the server gave us).
      this.fromCache = true;
      if (kept) return { plan: kept, changed: false };
      const hit = await cache?.match(planUrl(date));
      return hit ? { plan: (await hit.json()) as DayPlan, changed: true } : undefined;
    }
  }
}

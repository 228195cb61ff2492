import { createHash } from 'node:crypto';
import type { IsoDate } from '../../core/zoned-time.ts';
import type { Config } from '../config.ts';
import type { Logger } from '../log.ts';
import { CATEGORIES } from '../merchants/categories.ts';
import type { Merchant, MerchantStore } from '../merchants/store.ts';
import type { ScheduleService } from '../program/schedule-service.ts';
import type { PromoStore } from '../promos/store.ts';
import type { WeatherService } from '../weather/weather-service.ts';
import { DESK_SERVICES } from './desk-services.ts';
import { floorsFolder } from './floors-file.ts';
import type { HereSpot } from './floors-schema.ts';
import type { GuideScreenStore } from './here-store.ts';
import { pinyinOf } from './pinyin.ts';
import { guideDay } from './today.ts';

/** A merchant as the directory shows and searches it. */
export interface GuideMerchant {
  id: number;
  name: string;
  nameLatin: string | null;
  /** Toneless syllables, the stored pinyin or derived from the name. */
  pinyin: string;
  floor: string;
  unit: string | null;
  category: string;
  opens: string | null;
  closes: string | null;
  phone: string | null;
  description: string | null;
  logoUrl: string | null;
}

export interface GuidePromo {
  id: string;
  title: string;
  text: string | null;
  merchantId: number;
  validTo: string | null;
}

/** `B2` < `B1` < `1F` < `2F`: the order floors are listed in, bottom up. */
export const floorRank = (floor: string) =>
  floor.startsWith('B') ? -Number(floor.slice(1)) : Number.parseInt(floor, 10);

interface Deps {
  merchants: MerchantStore;
  promos: PromoStore;
  schedules: ScheduleService;
  weather: WeatherService;
  screens: GuideScreenStore;
  config: Pick<Config, 'mall' | 'schedulesDir'>;
  log: Logger;
}

/**
 * Everything a guide screen shows, in one answer: the mall, today's hours and events, the
 * weather, the merchants and their promotions valid today, the floor maps and where this
 * screen stands, the desk's services. Computed per request (it is cheap), with an ETag of its
 * content so an unchanged answer costs a 304.
 */
export function guideService(deps: Deps) {
  const floors = floorsFolder(`${deps.config.schedulesDir}/floors`, deps.log);
  // pinyin-pro is fast, but 2,000 names on every request is not nothing: once per name.
  const syllables = new Map<string, string>();
  const pinyinFor = (m: Merchant) => {
    if (m.pinyin) return m.pinyin;
    let p = syllables.get(m.name);
    if (p === undefined) syllables.set(m.name, (p = pinyinOf(m.name)));
    return p;
  };

  function promosValid(today: IsoDate, live: Set<number>): GuidePromo[] {
    return deps.promos
      .list()
      .filter(
        (p) =>
          !p.retired &&
          live.has(p.merchantId) &&
          (!p.validFrom || p.validFrom <= today) &&
          (!p.validTo || p.validTo >= today),
      )
      .map((p) => ({
        id: p.id,
        title: p.title,
        text: p.text ?? null,
        merchantId: p.merchantId,
        validTo: p.validTo ?? null,
      }));
  }

  return {
    floors,
    screens: deps.screens,
    /** The place with this id, if floors.yaml has it. */
    spot: (id: string | null): HereSpot | null =>
      (id && floors.current().here.find((h) => h.id === id)) || null,

    /** The guide screen's data for one screen (`deviceId`) or a person (none). */
    view(deviceId: number | undefined) {
      const today = deps.schedules.today();
      const { calendar } = deps.schedules.current().schedules;
      const merchants: GuideMerchant[] = deps.merchants
        .list()
        .filter((m) => !m.retired)
        .sort(
          (a, b) =>
            floorRank(a.floor) - floorRank(b.floor) ||
            (a.unit ?? '').localeCompare(b.unit ?? '') ||
            a.name.localeCompare(b.name, 'zh-CN'),
        )
        .map((m) => ({
          id: m.id,
          name: m.name,
          nameLatin: m.nameLatin,
          pinyin: pinyinFor(m),
          floor: m.floor,
          unit: m.unit,
          category: m.category,
          opens: m.opens,
          closes: m.closes,
          phone: m.phone,
          description: m.description,
          logoUrl: m.logo ? `/images/${m.logo}` : null,
        }));
      const f = floors.current();
      const forecast = deps.weather.stored(today).effective;
      const body = {
        site: { ...deps.config.mall, timezone: deps.schedules.timezone() },
        today: guideDay(calendar, deps.schedules.plan(today), today),
        weather: forecast
          ? {
              condition: forecast.condition,
              low: forecast.low,
              high: forecast.high,
              city: forecast.city ?? null,
            }
          : null,
        categories: CATEGORIES,
        merchants,
        promos: promosValid(today, new Set(merchants.map((m) => m.id))),
        floors: f.floors.map(({ id, name, nameEn, svg, units, desk }) => ({
          id,
          name,
          nameEn,
          svg,
          units,
          desk: desk ?? null,
        })),
        here: deviceId === undefined ? null : this.spot(deps.screens.hereOf(deviceId)),
        services: DESK_SERVICES,
      };
      const json = JSON.stringify(body);
      const etag = `"${createHash('sha256').update(json).digest('base64url').slice(0, 27)}"`;
      return { body, json, etag };
    },
  };
}
export type GuideService = ReturnType<typeof guideService>;
export type GuideView = ReturnType<GuideService['view']>['body'];

/** GET /api/guide as the guide screen reads it (server/guide/guide-service.ts). */

export interface GuideMerchant {
  id: number;
  name: string;
  nameLatin: string | null;
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

export interface GuideFloor {
  id: string;
  name: string;
  nameEn: string;
  svg: string;
  units: Record<string, string>;
  desk: string | null;
}

export interface HereSpot {
  id: string;
  floor: string;
  element: string;
  name: string;
  nameEn: string;
}

export interface DeskService {
  id: string;
  queue: string;
  zh: string;
  en: string;
  howZh: string;
  howEn: string;
}

export interface GuideEvent {
  name: string;
  from: string;
  to: string;
  opens?: string;
  closes?: string;
}

export interface GuideData {
  site: { name: string; nameEn: string; timezone: string };
  today: {
    date: string;
    closed: boolean;
    hours: { opens: string; closes: string } | null;
    holiday: string | null;
    events: GuideEvent[];
    note: string | null;
  };
  weather: { condition: string; low: number; high: number; city: string | null } | null;
  categories: { code: string; zh: string; en: string }[];
  merchants: GuideMerchant[];
  promos: GuidePromo[];
  floors: GuideFloor[];
  here: HereSpot | null;
  services: DeskService[];
}

export type Lang = 'zh' | 'en';
export type GuideTab = 'directory' | 'promos' | 'desk';

import type { WeatherConfig } from '../config.ts';
import type { WeatherProvider } from './provider.ts';
import { qweather } from './qweather.ts';

/** The configured provider, or none. */
export function providerFromConfig(config: WeatherConfig): WeatherProvider | undefined {
  const p = config.provider;
  if (!p) return undefined;
  switch (p.kind) {
    case 'qweather':
      return qweather(p);
    default: {
      const never: never = p.kind;
      return never;
    }
  }
}

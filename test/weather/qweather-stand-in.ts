import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { addDays, type IsoDate } from '../../core/zoned-time.ts';

/** How the stand-in answers the next requests. */
export type Behaviour =
  | {
      kind: 'forecast';
      today: IsoDate;
      days: { textDay: string; tempMin: string; tempMax: string }[];
    }
  | { kind: 'http-error'; status: number }
  | { kind: 'code'; code: string }
  | { kind: 'slow'; delayMs: number; today: IsoDate };

/**
 * A local server that answers like QWeather's `GET /v7/weather/3d` (numbers as strings, the
 * key in `X-QW-Api-Key`): a forecast, an HTTP error, a refusal code, or an answer too slow.
 */
export async function qweatherStandIn() {
  let behaviour: Behaviour = { kind: 'http-error', status: 500 };
  const requests: { path: string; query: URLSearchParams; key: string | undefined }[] = [];
  const answer = (today: IsoDate, days: Extract<Behaviour, { kind: 'forecast' }>['days']) => ({
    code: '200',
    updateTime: `${today}T05:35+08:00`,
    fxLink: 'https://www.qweather.com/weather/stand-in.html',
    daily: days.map((d, i) => ({
      fxDate: addDays(today, i),
      sunrise: '06:58',
      sunset: '16:59',
      ...d,
      iconDay: '101',
      textNight: '晴',
      windDirDay: '东北风',
      humidity: '65',
    })),
    refer: { sources: ['QWeather'], license: ['QWeather Developers License'] },
  });
  const server = createServer((req: IncomingMessage, res) => {
    const url = new URL(req.url ?? '/', 'http://stand-in');
    requests.push({
      path: url.pathname,
      query: url.searchParams,
      key: req.headers['x-qw-api-key'] as string | undefined,
    });
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (url.pathname !== '/v7/weather/3d') return json(404, { code: '404' });
    const b = behaviour;
    switch (b.kind) {
      case 'forecast':
        return json(200, answer(b.today, b.days));
      case 'http-error':
        return json(b.status, {
          error: {
            status: b.status,
            type: 'stand-in',
            title: 'Stand-in failure',
            detail: 'as told',
          },
        });
      case 'code':
        return json(200, { code: b.code });
      case 'slow': {
        const t = setTimeout(
          () => json(200, answer(b.today, [{ textDay: '晴', tempMin: '1', tempMax: '2' }])),
          b.delayMs,
        );
        res.on('close', () => clearTimeout(t));
        return undefined;
      }
      default: {
        const never: never = b;
        return never;
      }
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    answerWith(b: Behaviour): void {
      behaviour = b;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

import type { z } from 'zod';
import { AmazonConnector, amazonCredentials, amazonSettings } from './amazon/amazon-connector.js';
import type { ApiChannel, ChannelConnector } from './connector.js';
import { RakutenConnector, rakutenCredentials, rakutenSettings } from './rakuten/rakuten-connector.js';
import { YahooConnector, yahooCredentials, yahooSettings } from './yahoo/yahoo-connector.js';

interface ChannelKind<S extends z.ZodType, C extends z.ZodType> {
  settings: S;
  credentials: C;
  create(settings: z.output<S>, credentials: z.output<C>): ChannelConnector;
}

const kind = <S extends z.ZodType, C extends z.ZodType>(k: ChannelKind<S, C>) => k;

/** One module per channel behind the one ChannelConnector interface. */
export const CHANNEL_KINDS = {
  amazon: kind({
    settings: amazonSettings,
    credentials: amazonCredentials,
    create: (s, c) => new AmazonConnector(s, c),
  }),
  yahoo_shopping: kind({
    settings: yahooSettings,
    credentials: yahooCredentials,
    create: (s, c) => new YahooConnector(s, c),
  }),
  rakuten: kind({
    settings: rakutenSettings,
    credentials: rakutenCredentials,
    create: (s, c) => new RakutenConnector(s, c),
  }),
} satisfies Record<ApiChannel, ChannelKind<z.ZodType, z.ZodType>>;

/** Builds the connector of a stored account (settings and opened credentials checked again). */
export function createConnector(channel: ApiChannel, settings: unknown, credentials: unknown): ChannelConnector {
  const k = CHANNEL_KINDS[channel] as ChannelKind<z.ZodType, z.ZodType>;
  return k.create(k.settings.parse(settings), k.credentials.parse(credentials));
}

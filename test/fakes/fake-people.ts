import {
  BUILDINGS,
  FAMILY_NAMES,
  GIVEN_NAMES,
  ORDER_COMMENTS,
  PLACES,
  PRODUCTS,
} from '../../src-main/demo/vocabulary.js';
import { createRng, type Rng } from '../helpers/prng.js';

/** A buyer and a basket, from the demo vocabulary: real-looking Japanese names, places and goods. */
export interface Shopper {
  familyName: string;
  givenName: string;
  familyKana: string;
  givenKana: string;
  email: string;
  phone: string;
  postalCode: string;
  prefecture: string;
  city: string;
  street: string;
  building: string;
  comment: string;
  /** One in five wants gift wrapping. */
  gift: boolean;
  items: { sku: string; title: string; quantity: number; unitPrice: number }[];
  /** Points (or coupons) used, in yen. */
  points: number;
  cod: boolean;
}

/** Seeded shoppers: the same seed gives the same people, so a test failure replays. */
export function shoppers(seed: number): (n: number) => Shopper {
  const rng: Rng = createRng(seed);
  return (n) => {
    const [familyName, familyKana] = rng.pick(FAMILY_NAMES);
    const [givenName, givenKana] = rng.pick(GIVEN_NAMES);
    const [prefecture, town, postalCode] = rng.pick(PLACES);
    const building = rng.pick(BUILDINGS);
    const lines = rng.int(1, 3);
    const used = new Set<number>();
    const items: Shopper['items'] = [];
    while (items.length < lines) {
      const p = rng.int(0, PRODUCTS.length - 1);
      if (used.has(p)) continue;
      used.add(p);
      const [sku, title, unitPrice] = PRODUCTS[p]!;
      items.push({ sku, title, quantity: rng.int(1, 2), unitPrice });
    }
    const city = town.replace(/^(.+?[市区町村])(.*)$/, '$1');
    return {
      familyName,
      givenName,
      familyKana,
      givenKana,
      email: `buyer${n}.${familyKana.length}@example.jp`,
      phone: `0${rng.int(3, 9)}0-${String(rng.int(0, 9999)).padStart(4, '0')}-${String(rng.int(0, 9999)).padStart(4, '0')}`,
      postalCode,
      prefecture,
      city,
      street: `${town.slice(city.length)}${rng.int(1, 5)}丁目${rng.int(1, 20)}番${rng.int(1, 15)}号`,
      building: building ? `${building} ${rng.int(1, 9)}0${rng.int(1, 9)}号室` : '',
      comment: rng.chance(0.2) ? rng.pick(ORDER_COMMENTS) : '',
      gift: rng.chance(0.2),
      items,
      points: rng.chance(0.3) ? rng.int(1, 5) * 100 : 0,
      cod: rng.chance(0.1),
    };
  };
}

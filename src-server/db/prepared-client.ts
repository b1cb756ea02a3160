import { createHash } from 'node:crypto';
import pg from 'pg';

/**
 * Distinct statements one connection keeps prepared at most; past it a statement goes as an
 * unnamed one, parsed and planned at each call. The server's statements are a few
 * hundred texts (their values are parameters), so the cap only guards against a text made
 * with a value in it.
 */
const MAX_PREPARED = 500;

/** Statement texts seen, by their name: a hash of the text, the same on every connection. */
const names = new Map<string, string>();

function nameOf(text: string): string {
  let name = names.get(text);
  if (name === undefined) {
    name = `c${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
    if (names.size < MAX_PREPARED * 4) names.set(text, name);
  }
  return name;
}

/**
 * A parameterised statement's config as drizzle passes it, given the name it is prepared
 * under. A text without values stays as it is: PostgreSQL runs it as a simple query, which may
 * hold several commands (a migration's), where a prepared statement may hold one.
 */
function named(config: unknown, values: unknown, prepared: Set<string>): unknown {
  if (!config || typeof config !== 'object' || !('text' in config) || typeof config.text !== 'string') return config;
  if ('name' in config && config.name) return config;
  const given = values ?? ('values' in config ? config.values : undefined);
  if (!Array.isArray(given) || given.length === 0) return config;
  const name = nameOf(config.text);
  if (!prepared.has(name) && prepared.size >= MAX_PREPARED) return config;
  prepared.add(name);
  return { ...config, name };
}

/**
 * A PostgreSQL connection that prepares each statement drizzle sends once, by a name made from
 * its text: later calls skip PostgreSQL's parsing and analysis of it, which for the server's
 * large statements (a pull page, an intake with its packed wire text) is a good part of their
 * cost. The pool sets plan_cache_mode = force_custom_plan, so each call is still planned for
 * its own values, as an unnamed statement is: PostgreSQL's default would switch a statement to
 * a generic plan after five calls, and under the fleet's load one such plan read a push's
 * order lines 25 times slower. With 500 PCs syncing and 100 orders/s, PostgreSQL used about
 * half the CPU it used for the same statements unnamed, and the median pull and push were a
 * sixth shorter (test/load/central-load.ts).
 */
export class PreparingClient extends pg.Client {
  constructor(config?: string | pg.ClientConfig) {
    super(config);
    const prepared = new Set<string>();
    const query = this.query.bind(this) as (...args: unknown[]) => unknown;
    // An own property over the prototype's overloaded method: every call passes through.
    Object.defineProperty(this, 'query', {
      value: (config: unknown, ...rest: unknown[]) => query(named(config, rest[0], prepared), ...rest),
    });
  }
}

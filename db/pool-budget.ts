import { AsyncLocalStorage } from "node:async_hooks";
import type { PostgresPool, PostgresPoolClient } from "kysely";

/**
 * One wait budget for pool clients per request.
 *
 * pg's `connectionTimeoutMillis` bounds each `connect()` on its own. A page
 * runs several queries one after another, and each waits in the pool's queue
 * again: when the pool is exhausted, a page could wait 3 s, get a client,
 * then wait 3 s more for its next query and answer 503 after 8 s. Inside
 * `withPoolBudget`, all the waits of one request share the connect timeout:
 * once it is spent, the next wait fails at once with the same error pg gives
 * (so the page answers 503 as for any pool timeout).
 */
// Waits that overlap (reads run side by side) count once: the budget is wall
// time during which at least one of the request's queries was waiting.
// The same request scope also carries `memo`, for reads only (GET and HEAD):
// values computed once per request and shared by its loaders (Remix hands the
// root and page loaders different Request objects, so a WeakMap on the Request
// cannot share them). A POST has none: its loaders run after the action and
// must see what the action wrote.
type Budget = { waitedMs: number; waiting: number; since: number; memo: Map<string, unknown> | undefined };
// On globalThis: the start script and the server bundle each load their own
// copy of this module, and both must see the same request scope.
const KEY = "__medibridgePoolBudget" as const;
const g = globalThis as { [KEY]?: AsyncLocalStorage<Budget> };
const scope = (g[KEY] ??= new AsyncLocalStorage<Budget>());

/** Run `fn` (one request) with a fresh pool-wait budget, and a memo when the request only reads. */
export function withPoolBudget<T>(fn: () => T, opts: { readOnly?: boolean } = {}): T {
  return scope.run({ waitedMs: 0, waiting: 0, since: 0, memo: opts.readOnly ? new Map() : undefined }, fn);
}

/** Values shared by the loaders of the current GET/HEAD request; undefined otherwise (writes, scripts, tests). */
export function requestMemo(): Map<string, unknown> | undefined {
  return scope.getStore()?.memo;
}

/** The message pg uses for a pool wait that ran out (see isDbUnavailable). */
export const POOL_TIMEOUT_MESSAGE = "timeout exceeded when trying to connect";

/**
 * `pool` for Kysely's PostgresDialect, with waits charged to the current
 * request's budget. Outside a request (scripts, background work) it is the
 * plain pool.
 */
export function budgetedPool(pool: PostgresPool, timeoutMs: number): PostgresPool {
  return {
    Client: pool.Client,
    options: pool.options,
    end: () => pool.end(),
    connect: async (): Promise<PostgresPoolClient> => {
      const budget = scope.getStore();
      if (!budget) return pool.connect();
      const start = performance.now();
      const left = timeoutMs - budget.waitedMs - (budget.waiting ? start - budget.since : 0);
      if (left <= 0) throw new Error(POOL_TIMEOUT_MESSAGE);
      if (budget.waiting++ === 0) budget.since = start;
      const pending = pool.connect();
      let timer: NodeJS.Timeout | undefined;
      const expired = new Promise<null>((resolve) => {
        timer = setTimeout(() => resolve(null), left);
      });
      try {
        const client = await Promise.race([pending, expired]);
        if (client) return client;
        // Still queued in pg: whenever a client comes, hand it straight back.
        pending.then((c) => c.release()).catch(() => {});
        throw new Error(POOL_TIMEOUT_MESSAGE);
      } finally {
        clearTimeout(timer);
        if (--budget.waiting === 0) budget.waitedMs += performance.now() - budget.since;
      }
    },
  };
}

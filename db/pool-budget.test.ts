import type { PostgresPool, PostgresPoolClient } from "kysely";
import { describe, expect, it } from "vitest";
import { isDbUnavailable } from "../app/utils/http.server";
import { budgetedPool, POOL_TIMEOUT_MESSAGE, withPoolBudget } from "./pool-budget";

/** A pool whose every connect() hands out a client after `delayMs`. */
function slowPool(delayMs: number) {
  const released: number[] = [];
  let next = 0;
  const pool: PostgresPool = {
    options: {},
    end: async () => {},
    connect: () =>
      new Promise<PostgresPoolClient>((resolve) => {
        const id = next++;
        setTimeout(() => resolve({ query: async () => ({ rows: [] }), release: () => released.push(id) } as unknown as PostgresPoolClient), delayMs);
      }),
  };
  return { pool, released, connects: () => next };
}

const elapsed = async (fn: () => Promise<unknown>) => {
  const t = performance.now();
  const outcome = await fn().then(
    () => "ok",
    (e: Error) => e.message,
  );
  return { outcome, ms: performance.now() - t };
};

describe("pool-wait budget per request", () => {
  it("a request's second wait gets only what is left of the connect timeout, then fails as a pool timeout (503)", async () => {
    const { pool, released } = slowPool(250);
    const budgeted = budgetedPool(pool, 400);
    await withPoolBudget(async () => {
      const first = await elapsed(() => budgeted.connect());
      expect(first.outcome).toBe("ok");
      const second = await elapsed(() => budgeted.connect());
      expect(second.outcome).toBe(POOL_TIMEOUT_MESSAGE);
      // 400 - 250 = 150 ms left, not another full wait.
      expect(second.ms).toBeGreaterThanOrEqual(140);
      expect(second.ms).toBeLessThan(240);
      // Nothing left: the third fails without queueing.
      const third = await elapsed(() => budgeted.connect());
      expect(third.outcome).toBe(POOL_TIMEOUT_MESSAGE);
      expect(third.ms).toBeLessThan(20);
    });
    // The client that came after the second wait gave up went straight back.
    await new Promise((r) => setTimeout(r, 150));
    expect(released).toEqual([1]);
    expect(isDbUnavailable(new Error(POOL_TIMEOUT_MESSAGE))).toBe(true);
  });

  it("waits that overlap (reads side by side) are counted once", async () => {
    const { pool } = slowPool(300);
    const budgeted = budgetedPool(pool, 400);
    await withPoolBudget(async () => {
      // Three side by side wait 300 ms of wall time together, not 900 ms.
      const together = await elapsed(() => Promise.all([budgeted.connect(), budgeted.connect(), budgeted.connect()]));
      expect(together.outcome).toBe("ok");
      // What is left is 100 ms: a fourth wait gives up then.
      const next = await elapsed(() => budgeted.connect());
      expect(next.outcome).toBe(POOL_TIMEOUT_MESSAGE);
      expect(next.ms).toBeGreaterThanOrEqual(90);
      expect(next.ms).toBeLessThan(190);
    });
  });

  it("each request has its own budget; work outside a request waits as long as the pool lets it", async () => {
    const { pool, connects } = slowPool(300);
    const budgeted = budgetedPool(pool, 400);
    const request = () => withPoolBudget(() => budgeted.connect().then(() => budgeted.connect()));
    // Two requests side by side: each spends 300 ms on its first wait and fails its second at 100 ms.
    const [a, b] = await Promise.all([elapsed(request), elapsed(request)]);
    expect([a.outcome, b.outcome]).toEqual([POOL_TIMEOUT_MESSAGE, POOL_TIMEOUT_MESSAGE]);
    expect(Math.max(a.ms, b.ms)).toBeLessThan(500);
    // Background work (no request): three waits of 300 ms all succeed.
    const background = await elapsed(async () => {
      for (let i = 0; i < 3; i++) await budgeted.connect();
    });
    expect(background.outcome).toBe("ok");
    expect(connects()).toBe(7);
  });
});

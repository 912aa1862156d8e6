import { getEnv } from "./env.server";

/**
 * Per-IP limit on auth POSTs (sign-in, sign-up, password reset): a fixed
 * one-minute window kept in memory. One process per machine is the deployment
 * unit here; behind several processes this moves to the database or Redis.
 * Per-account throttling is in the database (login_failures), see accounts.server.ts.
 */
const windows = new Map<string, { start: number; count: number }>();

export function hitIpLimit(ip: string, bucket = "auth"): boolean {
  const limit = getEnv().RATE_LIMIT_IP_PER_MINUTE;
  const now = Date.now();
  const key = `${bucket}:${ip}`;
  const w = windows.get(key);
  if (!w || now - w.start >= 60_000) {
    windows.set(key, { start: now, count: 1 });
    if (windows.size > 50_000) pruneWindows(now);
    return false;
  }
  w.count += 1;
  return w.count > limit;
}

function pruneWindows(now: number) {
  for (const [k, w] of windows) if (now - w.start >= 60_000) windows.delete(k);
}

export function resetRateLimits() {
  windows.clear();
}

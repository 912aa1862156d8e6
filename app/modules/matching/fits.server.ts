import { createHash } from "node:crypto";
import type { DB } from "../../../db/client";
import type { MatchFitKind } from "../../../db/schema";
import { jsonColumn } from "../../../db/queries/json";
import { Pace } from "~/utils/pace.server";
import { formatReason, formatSuggestion, suggestForCompany, suggestForPitch, type NeedCompanyIndex, type PitchInvestorIndex, type Part, type Ranked } from "./index";

/**
 * Match fits in the database (table `match_fits`, migration 0008): for every
 * subject on either side its top N pairs (N = 50), with everything a page
 * shows, so pages can render from a row without the in-memory index (another
 * process, a report). Left = need or pitch, right = company or investor.
 *
 * A `FitStore` mirrors what it wrote (per-subject top-N lists and a digest of
 * each row's content) and keeps the table equal to the index's lists:
 * - `changed(side, id)`: only that subject's pairs change. Its own list is
 *   recomputed, and the other side's lists that held it or that it now enters
 *   are recomputed exactly, whichever side it is on. A change to the text
 *   corpus (a company for needs, a pitch for investors) also moves corpus
 *   statistics, and so every pair's text score a little: a reconciliation
 *   follows in the background (below), never on the request that saved it.
 * - reconciliation (`full` on load, and after corpus changes): every list
 *   recomputed and the rows that differ written, in slices of a few
 *   milliseconds with the event loop free in between. At scale that is about
 *   a minute of CPU for 10,000 needs × 5,000 companies; the site stays
 *   responsive meanwhile.
 * Operations (a change, a slice) run one at a time in call order; a failed
 * write schedules a reconciliation.
 */

export const FIT_TOP_N = 50;

export type StoredPart = { key: string; points: number; max: number; gate?: "pass" | "fail"; reason: { ko: string; en: string } };
/** The `parts` column: the parts and the "what would raise the fit" suggestions, in both languages. */
export type FitDetail = { parts: StoredPart[]; raise: { ko: string[]; en: string[] } };

/** What the store needs from an index. */
export interface FitSource {
  kind: MatchFitKind;
  /** The side whose members form the text corpus (a change there moves every pair). */
  corpus: "left" | "right";
  ids(side: Side): string[];
  has(side: Side, id: string): boolean;
  /** Exact top n of the other side for one subject (score desc, id asc). */
  top(side: Side, id: string, n: number): Ranked[];
  score10(leftId: string, rightId: string): number;
  detail(leftId: string, rightId: string): FitDetail;
  /**
   * The text queries of the non-corpus side, prepared against the current
   * corpus statistics one subject per step (after a corpus change every one is
   * stale; preparing them all at once would hold the event loop).
   */
  warm?(): Iterable<void>;
}
export type Side = "left" | "right";

function storedParts(parts: Part[]): StoredPart[] {
  return parts.map((p) => {
    const s: StoredPart = { key: p.key, points: p.points, max: p.max, reason: { ko: formatReason(p.reason, "ko"), en: formatReason(p.reason, "en") } };
    if (p.gate) s.gate = p.gate;
    return s;
  });
}

/** Needs (left) ↔ companies (right). The index scores public text only, so stored reasons never quote confidential details. */
export function needCompanySource(index: NeedCompanyIndex): FitSource {
  return {
    kind: "need-company",
    corpus: "right",
    ids: (side) => (side === "left" ? index.needIds() : index.companyIds()),
    has: (side, id) => (side === "left" ? index.hasNeed(id) : index.hasCompany(id)),
    top: (side, id, n) => (side === "left" ? index.topCompaniesForNeed(id, n) : index.topNeedsForCompany(id, n)),
    score10: (l, r) => index.score10(l, r),
    *warm() {
      for (const id of index.needIds()) {
        const nd = index.preparedNeed(id);
        if (nd) index.queryFor(nd);
        yield;
      }
    },
    detail: (l, r) => {
      const e = index.explain(l, r);
      const nd = index.preparedNeed(l);
      const c = index.prepared(r);
      const sug = nd && c ? suggestForCompany(index.queryFor(nd), nd, c, 3) : [];
      return { parts: storedParts(e.parts), raise: { ko: sug.map((s) => formatSuggestion(s, "ko")), en: sug.map((s) => formatSuggestion(s, "en")) } };
    },
  };
}

/** Pitches (left) ↔ investors (right). */
export function pitchInvestorSource(index: PitchInvestorIndex): FitSource {
  return {
    kind: "pitch-investor",
    corpus: "left",
    ids: (side) => (side === "left" ? index.pitchIds() : index.investorIds()),
    has: (side, id) => (side === "left" ? index.hasPitch(id) : index.hasInvestor(id)),
    top: (side, id, n) => (side === "left" ? index.topInvestorsForPitch(id, n) : index.topPitchesForInvestor(id, n)),
    score10: (l, r) => index.score10(l, r),
    *warm() {
      for (const id of index.investorIds()) {
        const inv = index.preparedInvestor(id);
        if (inv) index.queryFor(inv);
        yield;
      }
    },
    detail: (l, r) => {
      const e = index.explain(l, r);
      const inv = index.preparedInvestor(r);
      const p = index.preparedPitch(l);
      const sug = inv && p ? suggestForPitch(index.queryFor(inv), inv, p, 3).filter((x) => x.gain > 0) : [];
      return { parts: storedParts(e.parts), raise: { ko: sug.map((s) => formatSuggestion(s, "ko")), en: sug.map((s) => formatSuggestion(s, "en")) } };
    },
  };
}

const key = (l: string, r: string) => `${l}|${r}`;
/** Ranking order of the index: score desc, then id asc. */
const before = (s: number, id: string, t: Ranked) => s > t.score10 || (s === t.score10 && id < t.id);
const CHUNK = 500;
/** CPU spent in one slice of a reconciliation before the event loop gets a turn (requests keep being served). */
const SLICE_MS = 12;
/** Stored fits read per query when a store loads (see reconcile). Exported for tests. */
export let SWEEP_BATCH = 50_000;
export function setSweepBatchForTests(n: number) {
  SWEEP_BATCH = n;
}
/** A corpus change waits this long for others before the reconciliation starts (a burst of edits, one pass). */
const RECONCILE_DELAY_MS = 2_000;
const digest = (json: string) => createHash("sha1").update(json).digest("base64");

type Row = { l: string; r: string; score10: number; detail: FitDetail; digest: string };
type Op = { write: Row[]; remove: [string, string][] };

export class FitStore {
  /** Per subject: its stored top-N list. */
  private lists: Record<Side, Map<string, Ranked[]>> = { left: new Map(), right: new Map() };
  /** Per stored pair: a digest of its content as written (for diffs; the content itself is in the table). */
  private rows = new Map<string, string>();
  private queue: Promise<unknown> = Promise.resolve();
  /** The reconciliation running now (it runs again while more are wanted), and what is wanted next. */
  private active: Promise<void> | null = null;
  private wanted: { db: DB; sweep: boolean } | null = null;
  private timer: { handle: ReturnType<typeof setTimeout>; db: DB } | null = null;

  constructor(
    private readonly src: FitSource,
    readonly n = FIT_TOP_N,
    private readonly reconcileDelayMs = RECONCILE_DELAY_MS,
  ) {}

  get kind(): MatchFitKind {
    return this.src.kind;
  }

  /**
   * Runs after every operation queued so far (reads after a refresh see its
   * rows). A reconciliation in progress queues one slice at a time, so this
   * waits for at most the current slice of it, not for all of it.
   */
  settled(): Promise<void> {
    return this.queue.then(
      () => undefined,
      () => undefined,
    );
  }

  /** Runs when no reconciliation is due or running (one waiting for its delay starts now). */
  async reconciled(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer.handle);
      const { db } = this.timer;
      this.timer = null;
      await this.request(db, false);
    }
    while (this.active) await this.active;
  }

  private run(db: DB, op: () => Op | Promise<Op>): Promise<void> {
    const next = this.queue.then(
      () => this.apply(db, op),
      () => this.apply(db, op),
    );
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async apply(db: DB, op: () => Op | Promise<Op>) {
    const { write, remove } = await op();
    try {
      await this.writeRows(db, write, remove);
    } catch (err) {
      // The lists moved on but the table did not: a reconciliation writes what differs.
      this.schedule(db);
      throw err;
    }
    for (const [l, r] of remove) this.rows.delete(key(l, r));
    for (const w of write) this.rows.set(key(w.l, w.r), w.digest);
  }

  private row(l: string, r: string): Row {
    const score10 = this.src.score10(l, r);
    const detail = this.src.detail(l, r);
    return { l, r, score10, detail, digest: digest(JSON.stringify([score10, detail])) };
  }

  private pairOf(side: Side, subject: string, other: string): [string, string] {
    return side === "left" ? [subject, other] : [other, subject];
  }

  private stored(l: string, r: string): boolean {
    return !!this.lists.left.get(l)?.some((x) => x.id === r) || !!this.lists.right.get(r)?.some((x) => x.id === l);
  }

  /**
   * Every list recomputed against what the table holds (also what an earlier
   * run left): rows whose content differs are written, rows no list holds are
   * deleted. Used when the index is loaded. Runs in slices of a few
   * milliseconds, so requests are served meanwhile; resolves when done.
   */
  full(db: DB): Promise<void> {
    return this.request(db, true);
  }

  /**
   * One subject was added, changed or removed (`id` on `side`). Its own list
   * and every pair it is in are recomputed exactly, and the other side's lists
   * that held it or that it now enters. When the subject belongs to the text
   * corpus (a company for needs, a pitch for investors), corpus statistics move
   * every pair's text score a little: a reconciliation of the whole kind follows
   * in the background, in slices, after a short delay that gathers a burst of
   * edits into one pass. No edit waits for it and no request is held up by it.
   */
  changed(db: DB, side: Side, id: string): Promise<void> {
    const done = this.run(db, () => this.incremental(side, id));
    if (side === this.src.corpus) this.schedule(db);
    return done;
  }

  private async incremental(side: Side, id: string): Promise<Op> {
    const other: Side = side === "left" ? "right" : "left";
    const pace = new Pace(SLICE_MS);
    if (side === this.src.corpus && this.src.warm) {
      for (const _ of this.src.warm()) {
        if (pace.due()) await pace.pause();
      }
    }
    const touched = new Map<string, [string, string]>();
    const touch = (l: string, r: string) => touched.set(key(l, r), [l, r]);
    // The subject's own list.
    for (const t of this.lists[side].get(id) ?? []) touch(...this.pairOf(side, id, t.id));
    const exists = this.src.has(side, id);
    if (exists) {
      const list = this.src.top(side, id, this.n);
      this.lists[side].set(id, list);
      for (const t of list) touch(...this.pairOf(side, id, t.id));
    } else this.lists[side].delete(id);
    // Lists of the other side that held the subject or that it now enters. A
    // subject with no list yet gets one from the reconciliation under way (or
    // from its own change, queued). At scale this is thousands of scores: the
    // event loop gets a turn every few milliseconds (the queue holds other
    // operations back meanwhile; index changes made meanwhile queue their own).
    for (const o of this.src.ids(other)) {
      if (pace.due()) await pace.pause();
      const old = this.lists[other].get(o);
      if (!old) continue;
      const was = old.some((t) => t.id === id);
      let enters = false;
      if (exists) {
        const [l, r] = this.pairOf(side, id, o);
        const s = this.src.score10(l, r);
        const last = old[old.length - 1];
        enters = old.length < this.n || (last !== undefined && before(s, id, last));
      }
      if (!was && !enters) continue;
      const list = this.src.top(other, o, this.n);
      this.lists[other].set(o, list);
      const oldIds = new Set(old.map((t) => t.id));
      const newIds = new Set(list.map((t) => t.id));
      for (const x of oldIds) if (!newIds.has(x)) touch(...this.pairOf(other, o, x));
      for (const x of newIds) if (!oldIds.has(x)) touch(...this.pairOf(other, o, x));
    }
    // Every pair of the subject that is stored (its content changed), and pairs that entered or left a list.
    const prefix = `${id}|`;
    const suffix = `|${id}`;
    for (const k of this.rows.keys()) {
      if (pace.due()) await pace.pause();
      if (side === "left" ? k.startsWith(prefix) : k.endsWith(suffix)) {
        const [l, r] = k.split("|") as [string, string];
        touch(l, r);
      }
    }
    const write: Row[] = [];
    const remove: [string, string][] = [];
    for (const [k, [l, r]] of touched) {
      if (pace.due()) await pace.pause();
      if (this.stored(l, r)) {
        const row = this.row(l, r);
        if (this.rows.get(k) !== row.digest) write.push(row);
      } else if (this.rows.has(k)) remove.push([l, r]);
    }
    return { write, remove };
  }

  /** A reconciliation after a delay (coalesced with any already due). */
  private schedule(db: DB) {
    if (this.timer) return;
    const handle = setTimeout(() => {
      this.timer = null;
      this.request(db, false).catch((err: unknown) => console.error("[match fits] reconciliation failed:", err instanceof Error ? err.message : err));
    }, this.reconcileDelayMs);
    handle.unref?.();
    this.timer = { handle, db };
  }

  /** Wants a reconciliation; resolves when one that started after this call has finished. */
  private request(db: DB, sweep: boolean): Promise<void> {
    this.wanted = { db, sweep: sweep || (this.wanted?.sweep ?? false) };
    this.active ??= (async () => {
      try {
        while (this.wanted) {
          const w = this.wanted;
          this.wanted = null;
          await this.reconcile(w.db, w.sweep);
        }
      } finally {
        this.active = null;
      }
    })();
    return this.active;
  }

  /**
   * Every subject's list recomputed, a slice at a time (queued like any other
   * operation, so changes made meanwhile interleave), and every stored row
   * whose content differs written. With `sweep` (on load), what the table holds
   * is read first (pairs and digests, not contents: whatever an earlier run
   * left) and rows no list holds are deleted at the end.
   */
  private async reconcile(db: DB, sweep: boolean) {
    if (sweep) {
      await this.run(db, async () => {
        this.rows = new Map();
        const pace = new Pace(SLICE_MS);
        // In primary-key order, a batch at a time: at scale the table holds half a million rows,
        // and one query for all of them could outlast the statement timeout on a busy machine.
        let after: { l: string; r: string } | null = null;
        for (;;) {
          let q = db.selectFrom("match_fits").select(["left_id", "right_id", "digest"]).where("kind", "=", this.src.kind);
          if (after) {
            const { l, r } = after;
            q = q.where((eb) => eb(eb.refTuple("left_id", "right_id"), ">", eb.tuple(l, r)));
          }
          const rows = await q.orderBy("left_id").orderBy("right_id").limit(SWEEP_BATCH).execute();
          for (const r of rows) {
            if (pace.due()) await pace.pause();
            this.rows.set(key(r.left_id, r.right_id), r.digest ?? "");
          }
          if (rows.length < SWEEP_BATCH) break;
          const last = rows[rows.length - 1]!;
          after = { l: last.left_id, r: last.right_id };
        }
        return { write: [], remove: [] };
      });
    }
    const visited = new Set<string>();
    for (const side of ["left", "right"] as const) {
      const ids = this.src.ids(side);
      let i = 0;
      while (i < ids.length) {
        await this.run(db, () => {
          const slice = new Pace(SLICE_MS);
          const write: Row[] = [];
          const remove: [string, string][] = [];
          do {
            const id = ids[i++]!;
            // Removed since the pass began: its own change took its rows away.
            if (!this.src.has(side, id)) continue;
            const old = this.lists[side].get(id) ?? [];
            const list = this.src.top(side, id, this.n);
            this.lists[side].set(id, list);
            for (const t of list) {
              const [l, r] = this.pairOf(side, id, t.id);
              const k = key(l, r);
              if (visited.has(k)) continue;
              visited.add(k);
              const row = this.row(l, r);
              if (this.rows.get(k) !== row.digest) write.push(row);
            }
            const now = new Set(list.map((t) => t.id));
            for (const t of old) {
              if (now.has(t.id)) continue;
              const [l, r] = this.pairOf(side, id, t.id);
              if (!this.stored(l, r) && this.rows.has(key(l, r))) remove.push([l, r]);
            }
          } while (i < ids.length && !slice.due());
          return { write, remove };
        });
        await Pace.turn();
      }
    }
    if (sweep) {
      await this.run(db, async () => {
        const remove: [string, string][] = [];
        const pace = new Pace(SLICE_MS);
        for (const k of [...this.rows.keys()]) {
          if (pace.due()) await pace.pause();
          const [l, r] = k.split("|") as [string, string];
          if (!this.stored(l, r)) remove.push([l, r]);
        }
        return { write: [], remove };
      });
    }
  }

  private async writeRows(db: DB, write: Row[], remove: [string, string][]) {
    if (!write.length && !remove.length) return;
    const kind = this.src.kind;
    const go = async (trx: DB) => {
      for (let i = 0; i < remove.length; i += CHUNK) {
        const part = remove.slice(i, i + CHUNK);
        await trx
          .deleteFrom("match_fits")
          .where("kind", "=", kind)
          .where((eb) => eb.or(part.map(([l, r]) => eb.and([eb("left_id", "=", l), eb("right_id", "=", r)]))))
          .execute();
      }
      const now = new Date();
      for (let i = 0; i < write.length; i += CHUNK) {
        const part = write.slice(i, i + CHUNK);
        await trx
          .insertInto("match_fits")
          .values(part.map((w) => ({ kind, left_id: w.l, right_id: w.r, score: w.score10 / 10, parts: JSON.stringify(w.detail), computed_at: now, digest: w.digest })))
          .onConflict((oc) =>
            oc.columns(["kind", "left_id", "right_id"]).doUpdateSet((eb) => ({
              score: eb.ref("excluded.score"),
              parts: eb.ref("excluded.parts"),
              computed_at: eb.ref("excluded.computed_at"),
              digest: eb.ref("excluded.digest"),
            })),
          )
          .execute();
      }
    };
    if (db.isTransaction) await go(db);
    else await db.transaction().execute(go);
  }
}

export type StoredFit = { id: string; score: number; detail: FitDetail };

/**
 * The stored top k for one subject, best first (score desc, then id asc, as
 * the index ranks), scores above zero only. k is at most the stored N.
 */
export async function topFits(db: DB, kind: MatchFitKind, side: Side, id: string, k: number): Promise<StoredFit[]> {
  const lim = Math.max(0, Math.min(k, FIT_TOP_N));
  if (!lim) return [];
  const rows =
    side === "left"
      ? await db
          .selectFrom("match_fits")
          .select(["right_id as id", "score", "parts"])
          .where("kind", "=", kind)
          .where("left_id", "=", id)
          .where("score", ">", 0)
          .orderBy("score", "desc")
          .orderBy("right_id", "asc")
          .limit(lim)
          .execute()
      : await db
          .selectFrom("match_fits")
          .select(["left_id as id", "score", "parts"])
          .where("kind", "=", kind)
          .where("right_id", "=", id)
          .where("score", ">", 0)
          .orderBy("score", "desc")
          .orderBy("left_id", "asc")
          .limit(lim)
          .execute();
  return rows.map((r) => ({ id: r.id, score: Number(r.score), detail: jsonColumn(r.parts as FitDetail | string)! }));
}

/** A stored fit in the reader's language (the shape pages use). */
export function fitView(f: StoredFit, lng: "ko" | "en") {
  return {
    score: f.score,
    parts: f.detail.parts.map((p) => ({ key: p.key, points: p.points, max: p.max, reason: p.reason[lng], gate: p.gate })),
    raise: f.detail.raise[lng],
  };
}

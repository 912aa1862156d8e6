import type { DB } from "../../../db/client";
import type { MatchFitKind } from "../../../db/schema";
import { formatReason, formatSuggestion, suggestForCompany, suggestForPitch, type NeedCompanyIndex, type PitchInvestorIndex, type Part, type Ranked } from "./index";

/**
 * Match fits in the database (table `match_fits`, migration 0008): for every
 * subject on either side its top N pairs (N = 50), with everything a page
 * shows, so pages can render from a row without the in-memory index (another
 * process, a report). Left = need or pitch, right = company or investor.
 *
 * A `FitStore` mirrors what it wrote (per-subject top-N lists and each row's
 * content) and keeps the table equal to the index's lists:
 * - `full`: every list recomputed, only rows that differ written (the first
 *   call replaces the kind's rows in one batch). Used on load and when the
 *   text corpus changes (a company for needs, a pitch for investors): corpus
 *   statistics enter every pair's text score, so every pair may move.
 * - `changed(side, id)` for the other side (a need, an investor): only that
 *   subject's pairs change. Its own list is recomputed, and the other side's
 *   lists that held it or that it now enters are recomputed exactly.
 * Operations run one at a time in call order; a failed write marks the store
 * dirty and the next operation rewrites the kind from scratch.
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

type Row = { l: string; r: string; score10: number; detail: FitDetail; json: string };

export class FitStore {
  /** Per subject: its stored top-N list. */
  private lists: Record<Side, Map<string, Ranked[]>> = { left: new Map(), right: new Map() };
  /** Per stored pair: its content as written (for diffs). */
  private rows = new Map<string, string>();
  private dirty = true;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly src: FitSource,
    readonly n = FIT_TOP_N,
  ) {}

  get kind(): MatchFitKind {
    return this.src.kind;
  }

  /** Runs after every operation queued so far (reads after a refresh see its rows). */
  settled(): Promise<void> {
    return this.queue.then(
      () => undefined,
      () => undefined,
    );
  }

  private run(db: DB, op: () => { write: Row[]; remove: [string, string][]; replace: boolean }): Promise<void> {
    const next = this.queue.then(
      () => this.apply(db, op),
      () => this.apply(db, op),
    );
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async apply(db: DB, op: () => { write: Row[]; remove: [string, string][]; replace: boolean }) {
    const { write, remove, replace } = op();
    try {
      await this.writeRows(db, write, remove, replace);
    } catch (err) {
      this.dirty = true;
      throw err;
    }
    if (replace) this.rows.clear();
    for (const [l, r] of remove) this.rows.delete(key(l, r));
    for (const w of write) this.rows.set(key(w.l, w.r), w.json);
    this.dirty = false;
  }

  private row(l: string, r: string): Row {
    const score10 = this.src.score10(l, r);
    const detail = this.src.detail(l, r);
    return { l, r, score10, detail, json: JSON.stringify([score10, detail]) };
  }

  private pairOf(side: Side, subject: string, other: string): [string, string] {
    return side === "left" ? [subject, other] : [other, subject];
  }

  private stored(l: string, r: string): boolean {
    return !!this.lists.left.get(l)?.some((x) => x.id === r) || !!this.lists.right.get(r)?.some((x) => x.id === l);
  }

  /** Every list recomputed; rows that differ written (all of them on the first call or after a failure). */
  full(db: DB): Promise<void> {
    return this.run(db, () => {
      const replace = this.dirty;
      const want = new Set<string>();
      const pairs: [string, string][] = [];
      for (const side of ["left", "right"] as const) {
        const m = new Map<string, Ranked[]>();
        for (const id of this.src.ids(side)) {
          const list = this.src.top(side, id, this.n);
          m.set(id, list);
          for (const t of list) {
            const [l, r] = this.pairOf(side, id, t.id);
            const k = key(l, r);
            if (!want.has(k)) {
              want.add(k);
              pairs.push([l, r]);
            }
          }
        }
        this.lists[side] = m;
      }
      const write: Row[] = [];
      for (const [l, r] of pairs) {
        const row = this.row(l, r);
        if (replace || this.rows.get(key(l, r)) !== row.json) write.push(row);
      }
      const remove: [string, string][] = [];
      if (!replace) {
        for (const k of this.rows.keys()) {
          if (!want.has(k)) {
            const [l, r] = k.split("|") as [string, string];
            remove.push([l, r]);
          }
        }
      }
      return { write, remove, replace };
    });
  }

  /** One subject was added, changed or removed (`id` on `side`). */
  changed(db: DB, side: Side, id: string): Promise<void> {
    if (side === this.src.corpus || this.dirty) return this.full(db);
    return this.run(db, () => {
      if (this.dirty) return this.fullOp();
      const other: Side = side === "left" ? "right" : "left";
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
      // Lists of the other side that held the subject or that it now enters.
      for (const o of this.src.ids(other)) {
        const old = this.lists[other].get(o) ?? [];
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
      for (const k of this.rows.keys()) {
        const [l, r] = k.split("|") as [string, string];
        if ((side === "left" ? l : r) === id) touch(l, r);
      }
      const write: Row[] = [];
      const remove: [string, string][] = [];
      for (const [k, [l, r]] of touched) {
        if (this.stored(l, r)) {
          const row = this.row(l, r);
          if (this.rows.get(k) !== row.json) write.push(row);
        } else if (this.rows.has(k)) remove.push([l, r]);
      }
      return { write, remove, replace: false };
    });
  }

  /** `full` inside an operation already queued (after a failure). */
  private fullOp() {
    this.dirty = true;
    const lists: Record<Side, Map<string, Ranked[]>> = { left: new Map(), right: new Map() };
    const write: Row[] = [];
    const seen = new Set<string>();
    for (const side of ["left", "right"] as const) {
      for (const id of this.src.ids(side)) {
        const list = this.src.top(side, id, this.n);
        lists[side].set(id, list);
        for (const t of list) {
          const [l, r] = this.pairOf(side, id, t.id);
          if (seen.has(key(l, r))) continue;
          seen.add(key(l, r));
          write.push(this.row(l, r));
        }
      }
    }
    this.lists = lists;
    return { write, remove: [] as [string, string][], replace: true };
  }

  private async writeRows(db: DB, write: Row[], remove: [string, string][], replace: boolean) {
    if (!write.length && !remove.length && !replace) return;
    const kind = this.src.kind;
    const go = async (trx: DB) => {
      if (replace) await trx.deleteFrom("match_fits").where("kind", "=", kind).execute();
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
          .values(part.map((w) => ({ kind, left_id: w.l, right_id: w.r, score: w.score10 / 10, parts: JSON.stringify(w.detail), computed_at: now })))
          .onConflict((oc) =>
            oc.columns(["kind", "left_id", "right_id"]).doUpdateSet((eb) => ({
              score: eb.ref("excluded.score"),
              parts: eb.ref("excluded.parts"),
              computed_at: eb.ref("excluded.computed_at"),
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
  return rows.map((r) => ({ id: r.id, score: Number(r.score), detail: (typeof r.parts === "string" ? JSON.parse(r.parts) : r.parts) as FitDetail }));
}

/** A stored fit in the reader's language (the shape pages use). */
export function fitView(f: StoredFit, lng: "ko" | "en") {
  return {
    score: f.score,
    parts: f.detail.parts.map((p) => ({ key: p.key, points: p.points, max: p.max, reason: p.reason[lng], gate: p.gate })),
    raise: f.detail.raise[lng],
  };
}

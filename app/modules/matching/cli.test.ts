/**
 * Contract test of the command line (matching.md, "Command-line contract"):
 * spawns `node --import tsx scripts/match.ts` like `npm run -s match` does.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import fixture from "./__fixtures__/small.json";

const root = resolve(__dirname, "../../..");
const dir = mkdtempSync(join(tmpdir(), "match-cli-"));
let fileNo = 0;

function file(content: unknown): string {
  const p = join(dir, `in-${fileNo++}.json`);
  writeFileSync(p, typeof content === "string" ? content : JSON.stringify(content));
  return p;
}

function run(...args: string[]) {
  return runWith(undefined, ...args);
}
function runWith(stdin: string | undefined, ...args: string[]) {
  const r = spawnSync(process.execPath, ["--import", "tsx", "scripts/match.ts", ...args], {
    cwd: root,
    encoding: "utf8",
    timeout: 120_000,
    input: stdin,
    maxBuffer: 1 << 28,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

type Part = { key: string; points: number; max: number; reason: { ko: string; en: string }; gate?: string };
type Pair = { needId?: string; companyId?: string; pitchId?: string; investorId?: string; score: number; parts: Part[] };

const nc = { needs: fixture.needs, companies: fixture.companies };
const pi = { pitches: fixture.pitches, investors: fixture.investors };

function checkPair(p: Pair) {
  expect(p.score).toBeGreaterThanOrEqual(0);
  expect(p.score).toBeLessThanOrEqual(100);
  expect(p.parts.reduce((a, x) => a + Math.round(x.points * 10), 0)).toBe(Math.round(p.score * 10));
  for (const x of p.parts) {
    expect(Object.keys(x).slice(0, 4)).toEqual(["key", "points", "max", "reason"]);
    expect(x.reason.ko.length).toBeGreaterThan(0);
    expect(x.reason.en.length).toBeGreaterThan(0);
  }
}

describe("match CLI", () => {
  it("scores every pair without --top", () => {
    const r = run("score", "--input", file(nc));
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { pairs: Pair[] };
    expect(out.pairs).toHaveLength(fixture.needs.length * fixture.companies.length);
    for (const p of out.pairs) {
      expect(Object.keys(p)).toEqual(["needId", "companyId", "score", "parts"]);
      checkPair(p);
    }
  });

  it("scores every pitch ↔ investor pair without --top", () => {
    const r = run("score", "--input", file(pi));
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { pairs: Pair[] };
    expect(out.pairs).toHaveLength(fixture.pitches.length * fixture.investors.length);
    const seen = new Set(out.pairs.map((p) => `${p.pitchId}|${p.investorId}`));
    expect(seen.size).toBe(out.pairs.length);
    for (const p of out.pairs) {
      expect(Object.keys(p)).toEqual(["pitchId", "investorId", "score", "parts"]);
      checkPair(p);
    }
  });

  it("--by need without --top: every company for each need, best first, ties by id", () => {
    const twin = { name: "T", description: "흉부 CT 폐결절 판독 AI", techFields: ["medical-imaging-ai"] };
    const input = { needs: nc.needs, companies: [...nc.companies, { id: "zz-twin", ...twin }, { id: "aa-twin", ...twin }] };
    const r = run("score", "--input", file(input), "--by", "need");
    expect(r.code).toBe(0);
    const pairs = (JSON.parse(r.stdout) as { pairs: Pair[] }).pairs;
    expect(pairs).toHaveLength(nc.needs.length * input.companies.length);
    for (const [i, n] of nc.needs.entries()) {
      const group = pairs.slice(i * input.companies.length, (i + 1) * input.companies.length);
      expect(group.every((p) => p.needId === n.id)).toBe(true);
      for (let j = 1; j < group.length; j++) {
        const [a, b] = [group[j - 1]!, group[j]!];
        expect(a.score > b.score || (a.score === b.score && a.companyId! < b.companyId!)).toBe(true);
      }
      const twins = group.filter((p) => p.companyId!.endsWith("-twin")).map((p) => p.companyId);
      expect(twins).toEqual(["aa-twin", "zz-twin"]);
    }
  });

  it("reads the input from standard input with --input -", () => {
    const r = runWith(JSON.stringify(nc), "score", "--input", "-", "--top", "1", "--by", "need");
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { pairs: Pair[] }).pairs).toHaveLength(nc.needs.length);
  });

  it("streams large outputs as one valid JSON document", () => {
    // 40 × 100 pairs: megabytes of JSON, written in several pieces.
    const long = (i: number) => `${fixture.companies[i % fixture.companies.length]!.description} `.repeat(6);
    const input = {
      needs: Array.from({ length: 40 }, (_, i) => ({ ...fixture.needs[i % fixture.needs.length]!, id: `n${i}` })),
      companies: Array.from({ length: 100 }, (_, i) => ({ ...fixture.companies[i % fixture.companies.length]!, id: `c${i}`, description: long(i) })),
    };
    const r = run("score", "--input", file(input));
    expect(r.code).toBe(0);
    expect(r.stdout.length).toBeGreaterThan(1 << 20);
    expect(r.stdout.endsWith("]}\n")).toBe(true);
    const pairs = (JSON.parse(r.stdout) as { pairs: Pair[] }).pairs;
    expect(pairs).toHaveLength(40 * 100);
    checkPair(pairs[pairs.length - 1]!);
  });

  it("--top K --by need: K best companies per need, best first", () => {
    const r = run("score", "--input", file(nc), "--top", "2", "--by", "need");
    expect(r.code).toBe(0);
    const pairs = (JSON.parse(r.stdout) as { pairs: Pair[] }).pairs;
    expect(pairs).toHaveLength(fixture.needs.length * 2);
    for (let i = 0; i < pairs.length; i += 2) {
      expect(pairs[i]!.needId).toBe(pairs[i + 1]!.needId);
      expect(pairs[i]!.score).toBeGreaterThanOrEqual(pairs[i + 1]!.score);
    }
    expect(pairs.find((p) => p.needId === "n-ivd")!.companyId).toBe("c-ivd");
  });

  it("--by company ranks needs per company", () => {
    const r = run("score", "--input", file(nc), "--top", "1", "--by", "company");
    expect(r.code).toBe(0);
    const pairs = (JSON.parse(r.stdout) as { pairs: Pair[] }).pairs;
    expect(pairs.map((p) => p.companyId)).toEqual(fixture.companies.map((c) => c.id));
  });

  it("pitches and investors, both directions", () => {
    const f = file(pi);
    for (const by of ["pitch", "investor"]) {
      const r = run("score", "--input", f, "--top", "1", "--by", by);
      expect(r.code).toBe(0);
      const pairs = (JSON.parse(r.stdout) as { pairs: Pair[] }).pairs;
      for (const p of pairs) {
        expect(Object.keys(p)).toEqual(["pitchId", "investorId", "score", "parts"]);
        checkPair(p);
      }
    }
    const r = run("score", "--input", f, "--top", "1", "--by", "investor");
    const pairs = (JSON.parse(r.stdout) as { pairs: Pair[] }).pairs;
    expect(pairs.map((p) => [p.investorId, p.pitchId])).toEqual([
      ["i-1", "p-1"],
      ["i-2", "p-2"],
    ]);
  });

  it("shows a failed certification gate", () => {
    const r = run("score", "--input", file(nc), "--top", "6", "--by", "need");
    const pairs = (JSON.parse(r.stdout) as { pairs: Pair[] }).pairs;
    const gate = pairs.find((p) => p.needId === "n-ct" && p.companyId === "c-lung2")!.parts.find((x) => x.key === "gate.certifications")!;
    expect(gate.gate).toBe("fail");
    expect(gate.points).toBeLessThan(0);
  });

  it("accepts text-only input", () => {
    const r = run(
      "score",
      "--input",
      file({ needs: [{ id: 1, title: "패혈증 조기 진단", summary: "응급실" }], companies: [{ id: "a", name: "A", description: "패혈증 진단 키트" }, { id: "b", name: "B", description: "회계" }] }),
      "--top",
      "1",
      "--by",
      "need",
    );
    expect(r.code).toBe(0);
    const pairs = (JSON.parse(r.stdout) as { pairs: Pair[] }).pairs;
    // A numeric id comes back as a number.
    expect(pairs).toEqual([expect.objectContaining({ needId: 1, companyId: "a" })]);
  });

  it.each([
    ["bad JSON", () => ["score", "--input", file("{ not json")], /bad JSON/],
    ["missing file", () => ["score", "--input", join(dir, "nope.json")], /cannot read/],
    ["missing id", () => ["score", "--input", file({ needs: [{ title: "x", summary: "y" }], companies: [] })], /missing id/],
    [
      "duplicate ids",
      () => ["score", "--input", file({ needs: [], companies: [{ id: "a", name: "", description: "" }, { id: "a", name: "", description: "" }] })],
      /duplicate id "a"/,
    ],
    ["needs without companies", () => ["score", "--input", file({ needs: [] })], /together/],
    ["not an object", () => ["score", "--input", file([1, 2])], /expected a JSON object/],
    ["unknown flag", () => ["score", "--input", file(nc), "--fast"], /unknown argument/],
    ["bad --top", () => ["score", "--input", file(nc), "--top", "0"], /--top/],
    ["bad --by", () => ["score", "--input", file(nc), "--by", "hospital"], /--by/],
    ["--by need on pitch input", () => ["score", "--input", file(pi), "--by", "need"], /needs "needs" and "companies"/],
    ["no command", () => ["--input", file(nc)], /command/],
    ["no --input", () => ["score"], /--input/],
  ] as const)("fails on %s: stderr, non-zero exit, nothing on stdout", (_name, args, message) => {
    const r = run(...args());
    expect(r.code).not.toBe(0);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(message);
  });
});

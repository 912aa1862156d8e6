import { describe, expect, it } from "vitest";
import { namespaces, resources } from "./resources";

type Json = string | number | boolean | null | Json[] | { [k: string]: Json };

/** Every leaf path ("landing.how.0") with its value; arrays are walked by index. */
function leaves(value: Json, prefix = ""): Map<string, Json> {
  const out = new Map<string, Json>();
  if (Array.isArray(value)) {
    if (value.length === 0) out.set(prefix, value);
    value.forEach((v, i) => leaves(v, prefix ? `${prefix}.${i}` : String(i)).forEach((x, k) => out.set(k, x)));
  } else if (value !== null && typeof value === "object") {
    const keys = Object.keys(value);
    if (keys.length === 0) out.set(prefix, value);
    for (const k of keys) leaves(value[k], prefix ? `${prefix}.${k}` : k).forEach((x, p) => out.set(p, x));
  } else {
    out.set(prefix, value);
  }
  return out;
}

// i18next plural forms differ by language (Korean has only `_other`, English
// `_one` and `_other`): compare plural keys by their base name.
const PLURAL = /_(zero|one|two|few|many|other)$/;
const base = (k: string) => k.replace(PLURAL, "");

/** Placeholders such as {{count}} must be the same in both languages. */
function placeholders(v: Json): string[] {
  return typeof v === "string" ? [...v.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)].map((m) => m[1]).sort() : [];
}

describe("locale resources", () => {
  it("has the same namespaces in ko and en", () => {
    expect(Object.keys(resources.en).sort()).toEqual(Object.keys(resources.ko).sort());
    expect(namespaces.length).toBeGreaterThan(0);
  });

  for (const ns of namespaces) {
    describe(ns, () => {
      const ko = leaves(resources.ko[ns] as Json);
      const en = leaves(resources.en[ns] as Json);

      it("has every key in both languages", () => {
        const koBases = new Set([...ko.keys()].map(base));
        const enBases = new Set([...en.keys()].map(base));
        const onlyKo = [...ko.keys()].filter((k) => !en.has(k) && !(PLURAL.test(k) && enBases.has(base(k))));
        const onlyEn = [...en.keys()].filter((k) => !ko.has(k) && !(PLURAL.test(k) && koBases.has(base(k))));
        expect({ onlyKo, onlyEn }, `keys in one language only (${ns})`).toEqual({ onlyKo: [], onlyEn: [] });
      });

      it("has no empty values", () => {
        // An empty namespace file ({}) is a section not written yet, not an empty value.
        const isEmpty = (v: Json) => v === null || (typeof v === "string" && v.trim() === "") || (typeof v === "object" && v !== null && Object.keys(v).length === 0);
        const empty = [...[...ko].map(([k, v]) => [`ko:${k}`, k, v] as const), ...[...en].map(([k, v]) => [`en:${k}`, k, v] as const)]
          .filter(([, k, v]) => k !== "" && isEmpty(v))
          .map(([label]) => label);
        expect(empty, `empty values (${ns})`).toEqual([]);
      });

      it("uses the same {{placeholders}} in both languages", () => {
        const diff = [...ko.keys()].filter((k) => en.has(k) && placeholders(ko.get(k)!).join() !== placeholders(en.get(k)!).join());
        expect(diff, `placeholder mismatch (${ns})`).toEqual([]);
      });
    });
  }

  it("the checker itself catches a key that exists in one language only", () => {
    const ko = leaves({ a: { b: "가", c: ["하나", "둘"] } });
    const en = leaves({ a: { b: "a", c: ["one"] } });
    expect([...ko.keys()].filter((k) => !en.has(k))).toEqual(["a.c.1"]);
  });
});

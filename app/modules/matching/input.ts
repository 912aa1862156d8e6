/**
 * Validation of the command-line JSON input (pure). Lenient on optional data
 * (numeric strings, a single tag instead of a list, null for absent), strict on
 * structure and identity (missing or duplicate ids are errors).
 */
import type { CompanyInput, InvestorInput, NeedInput, PitchInput } from "./types";

export interface MatchInput {
  needs?: NeedInput[];
  companies?: CompanyInput[];
  pitches?: PitchInput[];
  investors?: InvestorInput[];
  /** Ids given as JSON numbers, per collection, so output can echo them as numbers. */
  numericIds?: Partial<Record<"needs" | "companies" | "pitches" | "investors", Set<string>>>;
}

export type ParseResult = { ok: true; value: MatchInput } | { ok: false; errors: string[] };

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => typeof x === "object" && x !== null && !Array.isArray(x);

class Reader {
  constructor(
    private readonly o: Obj,
    private readonly where: string,
    private readonly errors: string[],
  ) {}
  private err(field: string, msg: string) {
    this.errors.push(`${this.where}.${field}: ${msg}`);
  }
  id(): string {
    const v = this.o.id;
    if (typeof v === "number" && Number.isFinite(v)) return String(v);
    if (typeof v === "string" && v.trim() !== "") return v;
    this.errors.push(`${this.where}: missing id (a non-empty string or number is required)`);
    return "";
  }
  text(field: string): string | undefined {
    const v = this.o[field];
    if (v === undefined || v === null) return undefined;
    if (typeof v === "string") return v;
    if (typeof v === "number") return String(v);
    if (Array.isArray(v) && v.every((x) => typeof x === "string")) return v.join("\n");
    this.err(field, "expected a string");
    return undefined;
  }
  tags(field: string): string[] | undefined {
    const v = this.o[field];
    if (v === undefined || v === null) return undefined;
    if (typeof v === "string") return [v];
    if (Array.isArray(v) && v.every((x) => typeof x === "string")) return v as string[];
    this.err(field, "expected a list of strings");
    return undefined;
  }
  number(field: string, v: unknown = this.o[field]): number | undefined {
    if (v === undefined || v === null || v === "") return undefined;
    if (typeof v === "number" && Number.isFinite(v)) return v;
    if (typeof v === "string" && v.trim() !== "" && Number.isFinite(Number(v.replace(/,/g, "")))) return Number(v.replace(/,/g, ""));
    this.err(field, "expected a number");
    return undefined;
  }
  object(field: string): Reader | undefined {
    const v = this.o[field];
    if (v === undefined || v === null) return undefined;
    if (!isObj(v)) {
      this.err(field, "expected an object");
      return undefined;
    }
    return new Reader(v, `${this.where}.${field}`, this.errors);
  }
}

/** Drop undefined values so outputs and tests see clean objects. */
function clean<T extends object>(o: T): T {
  for (const k of Object.keys(o) as (keyof T)[]) if (o[k] === undefined) delete o[k];
  return o;
}

function list<T>(
  root: Obj,
  key: "needs" | "companies" | "pitches" | "investors",
  errors: string[],
  read: (r: Reader) => T & { id: string },
  numeric?: MatchInput["numericIds"],
): T[] | undefined {
  const v = root[key];
  if (v === undefined) return undefined;
  if (!Array.isArray(v)) {
    errors.push(`${key}: expected an array`);
    return undefined;
  }
  const seen = new Map<string, number>();
  const out: T[] = [];
  v.forEach((item, i) => {
    if (!isObj(item)) {
      errors.push(`${key}[${i}]: expected an object`);
      return;
    }
    const x = read(new Reader(item, `${key}[${i}]`, errors));
    if (typeof item.id === "number" && numeric) (numeric[key] ??= new Set()).add(x.id);
    if (x.id !== "") {
      const prev = seen.get(x.id);
      if (prev !== undefined) errors.push(`${key}[${i}]: duplicate id "${x.id}" (also ${key}[${prev}])`);
      else seen.set(x.id, i);
    }
    out.push(x);
  });
  return out;
}

export function parseMatchInput(raw: unknown): ParseResult {
  const errors: string[] = [];
  const numericIds: NonNullable<MatchInput["numericIds"]> = {};
  if (!isObj(raw)) return { ok: false, errors: ["input: expected a JSON object with needs+companies or pitches+investors"] };
  const needs = list<NeedInput>(raw, "needs", errors, (r) =>
    clean({
      id: r.id(),
      title: r.text("title") ?? "",
      summary: r.text("summary") ?? "",
      details: r.text("details"),
      clinicalAreas: r.tags("clinicalAreas"),
      techFields: r.tags("techFields"),
      collaborationTypes: r.tags("collaborationTypes"),
      trlMin: r.number("trlMin"),
      trlMax: r.number("trlMax"),
      budgetMinKrw: r.number("budgetMinKrw"),
      budgetMaxKrw: r.number("budgetMaxKrw"),
      requiredCertifications: r.tags("requiredCertifications"),
    }),
    numericIds,
  );
  const companies = list<CompanyInput>(raw, "companies", errors, (r) =>
    clean({
      id: r.id(),
      name: r.text("name") ?? "",
      description: r.text("description") ?? "",
      products: r.text("products"),
      trackRecord: r.text("trackRecord"),
      clinicalAreas: r.tags("clinicalAreas"),
      techFields: r.tags("techFields"),
      collaborationTypes: r.tags("collaborationTypes"),
      trl: r.number("trl"),
      certifications: r.tags("certifications"),
      stage: r.text("stage"),
      budgetMinKrw: r.number("budgetMinKrw"),
      budgetMaxKrw: r.number("budgetMaxKrw"),
      verifiedTestbeds: r.number("verifiedTestbeds"),
      acceptedCollaborations: r.number("acceptedCollaborations"),
      responseRate: r.number("responseRate"),
    }),
    numericIds,
  );
  const pitches = list<PitchInput>(raw, "pitches", errors, (r) => {
    const v = r.object("validation");
    return clean({
      id: r.id(),
      title: r.text("title") ?? "",
      oneLiner: r.text("oneLiner") ?? "",
      problem: r.text("problem"),
      solution: r.text("solution"),
      market: r.text("market"),
      traction: r.text("traction"),
      techFields: r.tags("techFields"),
      stage: r.text("stage"),
      askKrw: r.number("askKrw"),
      validation: v
        ? clean({
            hospitalCollaborations: v.number("hospitalCollaborations"),
            testbeds: v.number("testbeds"),
            certifications: v.tags("certifications"),
          })
        : undefined,
      eventRating: r.number("eventRating"),
    });
  }, numericIds);
  const investors = list<InvestorInput>(raw, "investors", errors, (r) =>
    clean({
      id: r.id(),
      name: r.text("name") ?? "",
      thesis: r.text("thesis") ?? "",
      techFields: r.tags("techFields"),
      stages: r.tags("stages"),
      ticketMinKrw: r.number("ticketMinKrw"),
      ticketMaxKrw: r.number("ticketMaxKrw"),
    }),
    numericIds,
  );
  if ((needs === undefined) !== (companies === undefined)) errors.push("input: needs and companies must be given together");
  if ((pitches === undefined) !== (investors === undefined)) errors.push("input: pitches and investors must be given together");
  if (!needs && !companies && !pitches && !investors) errors.push("input: expected needs+companies or pitches+investors");
  if (errors.length) return { ok: false, errors };
  return {
    ok: true,
    value: clean({ needs, companies, pitches, investors, numericIds: Object.keys(numericIds).length ? numericIds : undefined }),
  };
}

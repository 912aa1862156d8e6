/**
 * `npm run screenshots`: signs in as each demo role on a running server and
 * saves full-page PNGs of the main pages at desktop (1280 px) and phone
 * (390 px) widths, in Korean and, with `--en`, English too — for people to
 * look at before a change ships. It only reads; it changes no data.
 *
 *   npm start &                                   # the app on :3000
 *   npm run screenshots                            # → data/screenshots/*.png
 *   npm run screenshots -- --base http://localhost:3100 --only pitches,admin --en
 *
 * Pages with ids are found by following the first matching link on a list page.
 * Chromium: CHROMIUM_PATH, /usr/bin/chromium, or Playwright's own.
 */
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { chromium, type Browser, type Page } from "@playwright/test";
import { DEMO, type DemoRole } from "../e2e/fixtures";

function opt(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? fallback : (process.argv[i + 1] ?? fallback);
}
const BASE = opt("base", "http://localhost:3000");
const OUT = path.resolve(opt("out", "data/screenshots"));
const ONLY = opt("only", "").split(",").filter(Boolean);
const LANGS = process.argv.includes("--en") ? (["ko", "en"] as const) : (["ko"] as const);

type Shot = {
  name: string;
  as: DemoRole | "visitor";
  /** A path, or a list page plus the link to follow from it. */
  path: string;
  follow?: string;
};

const SHOTS: Shot[] = [
  { name: "landing", as: "visitor", path: "/" },
  { name: "needs", as: "visitor", path: "/needs" },
  { name: "need", as: "visitor", path: "/needs", follow: 'a[href^="/needs/"]:not([href$="/new"])' },
  { name: "dashboard-hospital", as: "hospital1", path: "/dashboard" },
  { name: "need-owner", as: "hospital1", path: "/dashboard", follow: 'main a[href^="/needs/"]:not([href$="/new"])' },
  { name: "dashboard-company", as: "company1", path: "/dashboard" },
  { name: "applications-company", as: "company1", path: "/applications" },
  { name: "pitches-company", as: "company1", path: "/pitches" },
  { name: "pitch-new", as: "company1", path: "/pitches/new" },
  { name: "certifications", as: "company1", path: "/certifications" },
  { name: "meetings-company", as: "company1", path: "/meetings" },
  { name: "testbed-requests-company", as: "company1", path: "/testbeds/requests" },
  { name: "dashboard-investor", as: "investor1", path: "/dashboard" },
  { name: "pitches", as: "investor1", path: "/pitches" },
  { name: "pitch", as: "investor1", path: "/pitches", follow: 'main a[href^="/pitches/"]:not([href$="/new"])' },
  { name: "pipeline", as: "investor1", path: "/pipeline" },
  { name: "meetings-investor", as: "investor1", path: "/meetings" },
  { name: "events", as: "investor1", path: "/events" },
  { name: "event", as: "investor1", path: "/events", follow: 'main a[href^="/events/"]:not([href$="/new"])' },
  { name: "testbeds", as: "company1", path: "/testbeds" },
  { name: "testbed", as: "company1", path: "/testbeds", follow: 'main a[href^="/testbeds/"]:not([href*="/requests"]):not([href$="/new"])' },
  { name: "testbed-requests-hospital", as: "hospital1", path: "/testbeds/requests" },
  { name: "dashboard-operator", as: "operator", path: "/dashboard" },
  { name: "admin", as: "operator", path: "/admin" },
  { name: "admin-funnel", as: "operator", path: "/admin/funnel" },
  { name: "admin-moderation", as: "operator", path: "/admin/moderation" },
  { name: "admin-orgs", as: "operator", path: "/admin/orgs" },
  { name: "admin-users", as: "operator", path: "/admin/users" },
  { name: "admin-programs", as: "operator", path: "/admin/programs" },
  { name: "admin-audit", as: "operator", path: "/admin/audit" },
  { name: "admin-certifications", as: "operator", path: "/admin/certifications" },
];

const VIEWPORTS = [
  { tag: "desktop", width: 1280, height: 800 },
  { tag: "phone", width: 390, height: 844 },
] as const;

async function signIn(page: Page, role: DemoRole) {
  await page.goto(`${BASE}/login`);
  const form = page.locator('form[method="post"]').filter({ has: page.locator('input[name="password"]') });
  await form.locator('input[name="email"]').fill(DEMO.users[role].email);
  await form.locator('input[name="password"]').fill(DEMO.password);
  await Promise.all([page.waitForURL((u) => !u.pathname.startsWith("/login")), form.locator('button[type="submit"]').first().click()]);
}

async function run(browser: Browser) {
  mkdirSync(OUT, { recursive: true });
  const shots = ONLY.length ? SHOTS.filter((s) => ONLY.some((o) => s.name.startsWith(o))) : SHOTS;
  const roles = [...new Set(shots.map((s) => s.as))];
  let saved = 0;
  for (const role of roles) {
    for (const lng of LANGS) {
      for (const vp of VIEWPORTS) {
        const context = await browser.newContext({ viewport: { width: vp.width, height: vp.height }, locale: lng === "en" ? "en-US" : "ko-KR" });
        const page = await context.newPage();
        const errors: string[] = [];
        page.on("pageerror", (e) => errors.push(e.message));
        if (role !== "visitor") await signIn(page, role);
        await page.goto(`${BASE}/?lng=${lng}`);
        for (const shot of shots.filter((s) => s.as === role)) {
          const response = await page.goto(`${BASE}${shot.path}`);
          if (shot.follow) {
            const href = await page.locator(shot.follow).first().getAttribute("href", { timeout: 5000 }).catch(() => null);
            if (!href) {
              console.log(`skip ${shot.name}: no link matching ${shot.follow} on ${shot.path}`);
              continue;
            }
            await page.goto(`${BASE}${href}`);
          }
          await page.waitForLoadState("networkidle");
          const file = path.join(OUT, `${shot.name}-${lng}-${vp.tag}.png`);
          await page.screenshot({ path: file, fullPage: true });
          saved++;
          console.log(`${response?.status() ?? "?"} ${file}`);
        }
        if (errors.length) console.log(`script errors as ${role} (${lng}, ${vp.tag}): ${errors.join(" | ")}`);
        await context.close();
      }
    }
  }
  console.log(`${saved} screenshots in ${OUT}`);
}

const executablePath = process.env.CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);
const browser = await chromium.launch({
  executablePath,
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
try {
  await run(browser);
} finally {
  await browser.close();
}

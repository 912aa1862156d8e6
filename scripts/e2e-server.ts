/**
 * The server Playwright starts (playwright.config.ts → webServer): the same
 * path as `npm start` (build if needed, migrate, seed, serve), on port 3100,
 * against a throw-away PGlite directory recreated on every run, so browser
 * tests always see exactly the demo data. With E2E_DATABASE_URL set, that
 * PostgreSQL database is used instead (it should be empty or disposable).
 * Rate limits are raised by configuration, not by a test-only code path.
 * Outgoing mail is dropped as files in data/e2e-mail (emptied every run).
 */
import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";

const PORT = process.env.E2E_PORT ?? "3100";
// A port other than the default gets its own directories, so two browser runs
// on one machine (E2E_PORT=3101 npx playwright test …) never share data.
const suffix = PORT === "3100" ? "" : `-${PORT}`;
const PGLITE_DIR = `data/e2e-pglite${suffix}`;
// Must match MAIL_DIR in e2e/fixtures.ts: tests read sign-up/reset mails here.
const MAIL_DIR = `data/e2e-mail${suffix}`;
const pgUrl = process.env.E2E_DATABASE_URL;

const env: Record<string, string | undefined> = {
  ...process.env,
  PORT,
  RATE_LIMIT_IP_PER_MINUTE: "10000",
  RATE_LIMIT_ACCOUNT_PER_HOUR: "1000",
  MAIL_DROP_DIR: MAIL_DIR,
};
// Settings from the developer's shell must not leak into the test server.
delete env.DATABASE_URL;
delete env.PUBLIC_URL;
delete env.SECURE_COOKIES;
delete env.SEED_FORCE;
delete env.SMTP_URL; // never send real e-mail from a test run
// NODE_ENV must be unset: start.ts builds with it when the build is stale
// (test/development give a dev JSX build that the production server cannot
// render), and "production" would make the seed refuse the demo data.
delete env.NODE_ENV;
rmSync(path.resolve(MAIL_DIR), { recursive: true, force: true });
if (pgUrl) {
  env.DATABASE_URL = pgUrl;
} else {
  rmSync(path.resolve(PGLITE_DIR), { recursive: true, force: true });
  env.PGLITE_DIR = PGLITE_DIR;
}

const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], { env: env as NodeJS.ProcessEnv, stdio: "inherit" });

// Playwright stops the web server with SIGTERM (or SIGINT on Ctrl-C): pass it
// on so the app closes PGlite cleanly, then leave with the app's exit code.
for (const sig of ["SIGTERM", "SIGINT"] as const) {
  process.on(sig, () => {
    if (child.exitCode === null) child.kill(sig);
  });
}
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 0 : 1)));

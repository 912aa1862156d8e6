/**
 * `npm run dev`: the Remix compiler in watch mode (`remix dev --manual`) with
 * our own server process, which keeps the database open across rebuilds and
 * re-imports the build when it changes.
 */
import { spawn } from "node:child_process";

const child = spawn("npx", ["remix", "dev", "--manual", "-c", "tsx scripts/dev-server.ts"], {
  stdio: "inherit",
  env: { ...process.env, NODE_ENV: "development" },
});
for (const sig of ["SIGINT", "SIGTERM"] as const) process.on(sig, () => child.kill(sig));
child.on("exit", (code) => process.exit(code ?? 0));

import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

/**
 * Unit and integration tests (`npm run test:unit`). Tests sit next to the
 * code they cover. Browser tests live in e2e/ and run under Playwright.
 */
export default defineConfig({
  resolve: {
    // Mirrors tsconfig "paths" (vite-tsconfig-paths is not a dependency).
    alias: { "~": fileURLToPath(new URL("./app", import.meta.url)) },
  },
  test: {
    environment: "node",
    globals: true,
    include: ["app/**/*.test.{ts,tsx}", "db/**/*.test.ts", "scripts/**/*.test.ts"],
    exclude: ["e2e/**", "node_modules/**", "build/**", "public/build/**", "data/**"],
    // Argon2 hashing and PGlite start-up are slow on a shared 2-core machine.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
  },
});

// ESLint flat config: typescript-eslint's fast (non-type-checked) rules and the
// two classic React hooks rules. `npm run lint` allows no warnings.
import { defineConfig } from "eslint/config";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

export default defineConfig(
  {
    ignores: ["build/", "public/build/", "node_modules/", "data/", "test-results/", "playwright-report/", ".cache/", "tmp/"],
  },
  tseslint.configs.recommended,
  {
    // React code only: Playwright fixtures call a parameter named `use`, which
    // the hooks rule would mistake for React's use().
    files: ["app/**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks },
    // v7's own preset also turns on the React Compiler rules; only the two
    // long-standing hooks rules are wanted here.
    rules: {
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "warn",
    },
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none", ignoreRestSiblings: true }],
    },
  },
  {
    // Migrations are frozen and typed against Kysely<any> on purpose: they must
    // not import the app's current schema types.
    files: ["db/migrations/**/*.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
);

import { z } from "zod";

/**
 * Environment, validated once at start-up. `.env.example` lists every key.
 * Anything that reads configuration goes through `getEnv()`.
 */
const bool = z
  .enum(["0", "1", "true", "false"])
  .transform((v) => v === "1" || v === "true");

const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  DATABASE_URL: z.string().url().optional(),
  PGLITE_DIR: z.string().default("data/pglite"),
  DB_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
  DB_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).default(3000),
  DB_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).default(10000),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).default(30),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).default(12),
  /** Login throttling: failed tries per account per hour that reach the hash check. */
  RATE_LIMIT_ACCOUNT_PER_HOUR: z.coerce.number().int().min(1).default(10),
  /** Auth POSTs per IP per minute. Tests raise this by configuration. */
  RATE_LIMIT_IP_PER_MINUTE: z.coerce.number().int().min(1).default(30),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default("MediBridge <no-reply@medibridge.kr>"),
  /** Also write every outgoing message as a JSON file here (local inspection, browser tests). */
  MAIL_DROP_DIR: z.string().optional(),
  PUBLIC_URL: z.string().url().optional(),
  /** Force Secure + __Host- cookies on (1) or off (0); default: on when PUBLIC_URL is https. */
  SECURE_COOKIES: bool.optional(),
  UPLOAD_DIR: z.string().default("data/uploads"),
  UPLOAD_MAX_BYTES: z.coerce.number().int().min(1024).default(10 * 1024 * 1024),
  LOG_REQUESTS: bool.default(false),
});

export type Env = z.infer<typeof EnvSchema>;

let cached: Env | undefined;

export function getEnv(): Env {
  if (cached) return cached;
  const parsed = EnvSchema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Invalid environment configuration:\n${problems}`);
  }
  cached = parsed.data;
  return cached;
}

/**
 * Secure + `__Host-` cookies whenever the site is served over HTTPS. A plain
 * `npm start` on http://localhost must keep working for every HTTP client, so
 * the default follows PUBLIC_URL rather than NODE_ENV (decision in README).
 */
export function secureCookies(env: Env = getEnv()): boolean {
  return env.SECURE_COOKIES ?? Boolean(env.PUBLIC_URL?.startsWith("https:"));
}

/** For tests that change process.env between cases. */
export function resetEnvCache() {
  cached = undefined;
}

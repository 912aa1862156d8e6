import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { DB } from "../../../db/client";
import { getEnv } from "~/utils/env.server";

export type Mail = { to: string; subject: string; text: string };

type Transport = { sendMail: (m: { from: string; to: string; subject: string; text: string }) => Promise<unknown> };
let transport: Promise<Transport> | undefined;

async function smtp(url: string): Promise<Transport> {
  const nodemailer = await import("nodemailer");
  return nodemailer.createTransport(url);
}

/**
 * The one way e-mail leaves MediBridge. Every message is kept in `mail_outbox`
 * (so every flow works offline and tests can read it); with SMTP_URL set it is
 * also sent, and the outcome recorded. Without SMTP it is written to the log;
 * with MAIL_DROP_DIR each message is also dropped there as a JSON file.
 */
export async function sendMail(db: DB, mail: Mail): Promise<void> {
  const env = getEnv();
  const row = await db
    .insertInto("mail_outbox")
    .values({ to_email: mail.to, subject: mail.subject, body_text: mail.text })
    .returning("id")
    .executeTakeFirstOrThrow();
  if (env.MAIL_DROP_DIR) {
    // A pickup directory (one JSON file per message) for local inspection and browser tests.
    mkdirSync(env.MAIL_DROP_DIR, { recursive: true });
    writeFileSync(path.join(env.MAIL_DROP_DIR, `${Date.now()}-${row.id}.json`), JSON.stringify({ to: mail.to, subject: mail.subject, text: mail.text }));
  }
  if (!env.SMTP_URL) {
    if (env.NODE_ENV !== "test") console.log(`[mail] (outbox only) to=${mail.to} subject=${mail.subject}\n${mail.text}\n`);
    return;
  }
  try {
    transport ??= smtp(env.SMTP_URL);
    await (await transport).sendMail({ from: env.MAIL_FROM, to: mail.to, subject: mail.subject, text: mail.text });
    await db.updateTable("mail_outbox").set({ sent_at: new Date() }).where("id", "=", row.id).execute();
  } catch (err) {
    // A mail failure must not undo the user's action; it is recorded for retry.
    await db.updateTable("mail_outbox").set({ error: String(err).slice(0, 500) }).where("id", "=", row.id).execute();
  }
}

/** Bilingual body: Korean first, English below, so the reader's language is always there. */
export function bilingual(ko: string, en: string): string {
  return `${ko}\n\n— English —\n${en}`;
}

export function absoluteUrl(request: Request, path: string): string {
  const base = getEnv().PUBLIC_URL ?? new URL(request.url).origin;
  return new URL(path, base).toString();
}

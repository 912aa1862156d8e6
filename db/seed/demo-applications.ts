import type { Transaction } from "kysely";
import type { Database } from "../schema";

/** Demo applications (natural Korean with some English). Called by seedDemo() inside its transaction, after organisations and users exist. */
export async function seedApplications(_trx: Transaction<Database>): Promise<void> {}

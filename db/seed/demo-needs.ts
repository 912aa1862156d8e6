import type { Transaction } from "kysely";
import type { Database } from "../schema";

/** Demo needs (natural Korean with some English). Called by seedDemo() inside its transaction, after organisations and users exist. */
export async function seedNeeds(_trx: Transaction<Database>): Promise<void> {}

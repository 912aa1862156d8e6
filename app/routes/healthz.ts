import { ping } from "../../db/client";
import { getDb } from "~/utils/db.server";

export async function loader() {
  const ok = await getDb()
    .then((db) => ping(db))
    .catch(() => false);
  return new Response(JSON.stringify({ ok }), {
    status: ok ? 200 : 503,
    headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store" },
  });
}

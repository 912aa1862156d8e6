import { openAppDb } from "./lib/app-db";

const handle = await openAppDb();
await handle.close();

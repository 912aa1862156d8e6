import type { LinksFunction } from "@remix-run/node";
import adminStyles from "./admin.css";

/** Every /admin route: `export const links = adminLinks;` (tabs, dashboard and chart styles). */
export const adminLinks: LinksFunction = () => [{ rel: "stylesheet", href: adminStyles }];

import { Link } from "@remix-run/react";
import { Card } from "./misc";

/** Shown instead of a form an organisation may use only once verified: why, and where to go next. */
export function UnverifiedCard({ title, body, linkTo, linkLabel, primary = false }: { title: string; body: string; linkTo: string; linkLabel: string; primary?: boolean }) {
  return (
    <Card aria-labelledby="unverified-title">
      <h2 id="unverified-title">{title}</h2>
      <p>{body}</p>
      <Link className={primary ? "btn btn-primary" : "btn"} to={linkTo}>
        {linkLabel}
      </Link>
    </Card>
  );
}

import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useRouteLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { landingCounts } from "../../db/queries/stats";
import { getDb } from "~/utils/db.server";
import { withDb } from "~/utils/http.server";
import { formatNumber } from "~/utils/format";
import { metaT } from "~/modules/i18n/meta";
import type { loader as rootLoader } from "~/root";

export const meta: MetaFunction = (args) => {
  const t = metaT(args);
  return [{ title: t("meta.landing") }, { name: "description", content: t("meta.description") }];
};

export async function loader(_: LoaderFunctionArgs) {
  const counts = await withDb(async () => landingCounts(await getDb()));
  return { counts };
}

function Audience({ id }: { id: "forHospitals" | "forCompanies" | "forInvestors" }) {
  const { t } = useTranslation();
  const points = t(`landing.${id}.points`, { returnObjects: true }) as string[];
  return (
    <section className="card audience" aria-labelledby={`${id}-title`}>
      <p className="eyebrow">{t(`landing.${id}.eyebrow`)}</p>
      <h2 id={`${id}-title`}>{t(`landing.${id}.title`)}</h2>
      <ul>
        {points.map((p) => (
          <li key={p}>{p}</li>
        ))}
      </ul>
    </section>
  );
}

export default function Landing() {
  const { counts } = useLoaderData<typeof loader>();
  const root = useRouteLoaderData<typeof rootLoader>("root");
  const { t, i18n } = useTranslation();
  const how = t("landing.how", { returnObjects: true }) as string[];
  return (
    <>
      <section className="hero">
        <h1>{t("landing.title")}</h1>
        <p className="lead">{t("landing.lead")}</p>
        <div className="btn-row">
          {root?.me ? (
            <Link className="btn btn-primary" to="/dashboard">
              {t("nav.dashboard")}
            </Link>
          ) : (
            <>
              <Link className="btn btn-primary" to="/signup">
                {t("landing.ctaSignup")}
              </Link>
              <Link className="btn" to="/login">
                {t("landing.ctaLogin")}
              </Link>
            </>
          )}
        </div>
      </section>

      <section aria-labelledby="stats-title">
        <h2 id="stats-title" className="visually-hidden">
          {t("landing.statsTitle")}
        </h2>
        <div className="stats">
          {(["hospitals", "companies", "investors", "members"] as const).map((k) => (
            <div className="stat" key={k}>
              <b>{formatNumber(counts[k], i18n.language)}</b>
              <span>{t(`landing.stats.${k}`)}</span>
            </div>
          ))}
        </div>
      </section>

      <div className="grid">
        <Audience id="forHospitals" />
        <Audience id="forCompanies" />
        <Audience id="forInvestors" />
      </div>

      <section className="card" style={{ marginTop: 24 }} aria-labelledby="how-title">
        <h2 id="how-title">{t("landing.howTitle")}</h2>
        <ol>
          {how.map((s) => (
            <li key={s}>{s}</li>
          ))}
        </ol>
      </section>
    </>
  );
}

import { useTranslation } from "react-i18next";
import type { CellValue, Table } from "~/modules/analytics/tables";
import { formatNumber } from "~/utils/format";

/** Writes a cell the way the CSV does, with thousands separators for numbers; empty as "—". */
export function formatCell(v: CellValue, lng: string): string {
  if (v === null || v === "") return "—";
  if (typeof v === "number") return formatNumber(v, lng);
  return v;
}

/**
 * One of the dashboard tables (the charts' text alternative), with its CSV
 * download link. The same Table object feeds the CSV export.
 */
export function DataTable({ table, csvHref, caption }: { table: Table; csvHref: string; caption?: string }) {
  const { t, i18n } = useTranslation("admin");
  const captionId = `table-${table.key}-caption`;
  return (
    <div className="admin-table" data-testid={`table-${table.key}`}>
      <div className="admin-table-head">
        <h3 id={captionId}>{caption ?? table.title}</h3>
        <a className="btn btn-sm" href={csvHref} download data-testid={`csv-${table.key}`}>
          {t("funnel.downloadCsv")}
        </a>
      </div>
      <div className="table-wrap" role="region" aria-labelledby={captionId} tabIndex={0}>
        <table className={table.columns.length <= 4 ? "table table-compact" : "table"}>
          <thead>
            <tr>
              {table.columns.map((c) => (
                <th key={c.key} scope="col" className={c.numeric ? "num" : undefined}>
                  {c.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.length === 0 ? (
              <tr>
                <td colSpan={table.columns.length} className="muted">
                  {t("funnel.noRows")}
                </td>
              </tr>
            ) : (
              table.rows.map((r, i) => (
                <tr key={i}>
                  {r.map((v, j) =>
                    j === 0 ? (
                      <th key={j} scope="row">
                        <span className="cell-name">{formatCell(v, i18n.language)}</span>
                      </th>
                    ) : (
                      <td key={j} className={table.columns[j]?.numeric ? "num" : undefined}>
                        {formatCell(v, i18n.language)}
                      </td>
                    ),
                  )}
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
    </div>
  );
}

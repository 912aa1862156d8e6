import { useId } from "react";

/**
 * Small server-rendered SVG charts (no charting package). Each chart is one
 * <svg role="img"> named by its <title> and <desc>; the exact numbers are in a
 * visible data table next to it (the text alternative). Positions are
 * percentages, not a scaled viewBox, so text keeps its size on a phone.
 */

export type BarItem = { label: string; value: number; display: string; note?: string };

/** Horizontal bars: one row per item (label and value above its bar, a note under it). */
export function HBarChart({ title, desc, items, max }: { title: string; desc: string; items: BarItem[]; max?: number }) {
  const id = useId();
  const top = Math.max(max ?? 0, ...items.map((i) => i.value), 1);
  // Label and value on the first line, the bar, then the note (conversion, median) under it,
  // so nothing overlaps in a narrow card.
  const row = 62;
  return (
    <svg className="chart chart-hbar" role="img" aria-labelledby={`${id}-t ${id}-d`} width="100%" height={items.length * row}>
      <title id={`${id}-t`}>{title}</title>
      <desc id={`${id}-d`}>{desc}</desc>
      {items.map((it, i) => {
        const y = i * row;
        const pct = Math.max(0, Math.min(100, (it.value / top) * 100));
        return (
          <g key={`${it.label}-${i}`}>
            <text x="0" y={y + 14} className="chart-label">
              {it.label}
            </text>
            <text x="100%" y={y + 14} textAnchor="end" className="chart-value">
              {it.display}
            </text>
            <rect x="0" y={y + 20} width="100%" height="14" rx="4" className="chart-track" />
            {it.value > 0 ? <rect x="0" y={y + 20} width={`${Math.max(pct, 0.8)}%`} height="14" rx="4" className={`chart-bar chart-c${i % 4}`} /> : null}
            {it.note ? (
              <text x="0" y={y + 48} className="chart-note">
                {it.note}
              </text>
            ) : null}
          </g>
        );
      })}
    </svg>
  );
}

export type Series = { name: string; values: number[]; tone: 0 | 1 | 2 | 3 };

/**
 * Vertical bars by category (months), one bar per series in each group, with
 * a legend in HTML. `format` writes a value for the tallest-bar scale label.
 */
export function ColumnChart({
  title,
  desc,
  categories,
  sublabels,
  series,
  format,
  axisLabel,
}: {
  title: string;
  desc: string;
  categories: string[];
  /** A second tick line (the year under January), or null. */
  sublabels?: (string | null)[];
  series: Series[];
  format: (n: number) => string;
  /** What the ticks are ("월" / "month"), shown with the legend. */
  axisLabel?: string;
}) {
  const id = useId();
  const top = Math.max(1, ...series.flatMap((s) => s.values));
  const plotTop = 22;
  const plotH = 150;
  const base = plotTop + plotH;
  const colW = 100 / Math.max(1, categories.length);
  const barW = (colW * 0.72) / Math.max(1, series.length);
  return (
    <figure className="chart-figure">
      <svg className="chart chart-col" role="img" aria-labelledby={`${id}-t ${id}-d`} width="100%" height={base + 40}>
        <title id={`${id}-t`}>{title}</title>
        <desc id={`${id}-d`}>{desc}</desc>
        <text x="0" y="12" className="chart-note">
          {format(top)}
        </text>
        <line x1="0" x2="100%" y1={plotTop} y2={plotTop} className="chart-grid" />
        <line x1="0" x2="100%" y1={plotTop + plotH / 2} y2={plotTop + plotH / 2} className="chart-grid" />
        <line x1="0" x2="100%" y1={base} y2={base} className="chart-axis" />
        {categories.map((c, ci) => {
          const x0 = ci * colW + colW * 0.14;
          return (
            <g key={`${c}-${ci}`}>
              {series.map((s, si) => {
                const v = s.values[ci] ?? 0;
                const h = (v / top) * plotH;
                return v > 0 ? <rect key={s.name} x={`${x0 + si * barW}%`} y={base - h} width={`${barW}%`} height={h} className={`chart-bar chart-c${s.tone}`} /> : null;
              })}
              <text x={`${ci * colW + colW / 2}%`} y={base + 16} textAnchor="middle" className="chart-tick">
                {c}
              </text>
              {sublabels?.[ci] ? (
                <text x={`${ci * colW + colW / 2}%`} y={base + 32} textAnchor="middle" className="chart-tick">
                  {sublabels[ci]}
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
      <figcaption className="chart-legend">
        {axisLabel ? <span className="muted">{axisLabel}</span> : null}
        {series.map((s) => (
          <span key={s.name}>
            <span className={`chart-swatch chart-c${s.tone}`} aria-hidden="true" /> {s.name}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}

import type { Tally } from './report-data.js';

/** Text for HTML and SVG. */
export function escapeHtml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
}

const PALETTE = ['#3b6fb6', '#e08a2c', '#4c9a5f', '#c2464a', '#7d5fb2', '#8a6d3b', '#d16ba5', '#6b7b8c'];

/** A colour per series index, repeating after the palette. */
export function colour(index: number): string {
  return PALETTE[index % PALETTE.length] ?? '#3b6fb6';
}

const fmt = (n: number): string => (Number.isInteger(n) ? String(n) : n.toFixed(Math.abs(n) < 1 ? 3 : 2));

export interface BarChartOptions {
  /** The largest value the axis shows; default the largest value. */
  readonly max?: number;
  /** Appended to each value label, e.g. `/ 50`. */
  readonly suffix?: (label: string, value: number) => string;
}

/**
 * Horizontal bars, one per entry, labelled on the left and with their value on the right. A bar
 * of value 0 keeps a 1 px sliver, so an empty category is still seen as drawn and not missing.
 */
export function barChart(name: string, tally: Tally, options: BarChartOptions = {}): string {
  const labelWidth = Math.min(170, 12 + 7 * Math.max(4, ...tally.map(([label]) => label.length)));
  const barWidth = 240;
  const rowHeight = 26;
  const width = labelWidth + barWidth + 90;
  const height = Math.max(1, tally.length) * rowHeight + 8;
  const max = Math.max(options.max ?? 0, ...tally.map(([, v]) => v), 1);
  const rows = tally.map(([label, value], i) => {
    const y = 4 + i * rowHeight;
    const w = Math.max(1, (value / max) * barWidth);
    const text = `${fmt(value)}${options.suffix ? options.suffix(label, value) : ''}`;
    return (
      `<text x="${labelWidth - 8}" y="${y + 17}" text-anchor="end">${escapeHtml(label)}</text>` +
      `<rect class="bar" x="${labelWidth}" y="${y + 3}" width="${w.toFixed(1)}" height="${rowHeight - 8}" fill="${colour(i)}"><title>${escapeHtml(`${label}: ${text}`)}</title></rect>` +
      `<text x="${(labelWidth + w + 6).toFixed(1)}" y="${y + 17}">${escapeHtml(text)}</text>`
    );
  });
  return `<svg class="chart" data-chart="${escapeHtml(name)}" role="img" aria-label="${escapeHtml(name)}" viewBox="0 0 ${width} ${height}" data-width="${width}" style="max-width:${width}px">${rows.join('')}</svg>`;
}

/** Equal-width bins over [min, max] of the values. */
export function bins(values: readonly number[], count: number): { readonly from: number; readonly to: number; readonly n: number }[] {
  if (values.length === 0) return [];
  const min = Math.min(...values);
  const max = Math.max(...values);
  const span = max - min || 1;
  const result = Array.from({ length: count }, (_, i) => ({ from: min + (span * i) / count, to: min + (span * (i + 1)) / count, n: 0 }));
  for (const v of values) {
    const bin = result[Math.min(count - 1, Math.floor(((v - min) / span) * count))];
    if (bin) bin.n += 1;
  }
  return result;
}

/** A histogram of `values` with an x axis (min, max) and the tallest bin's count. */
export function histogram(name: string, values: readonly number[], binCount = 20): string {
  const width = 500;
  const height = 220;
  const plot = { left: 44, right: 12, top: 12, bottom: 36 };
  const data = bins(values, binCount);
  const tallest = Math.max(1, ...data.map((b) => b.n));
  const innerW = width - plot.left - plot.right;
  const innerH = height - plot.top - plot.bottom;
  const barW = innerW / Math.max(1, data.length);
  const rects = data.map((b, i) => {
    const h = Math.max(b.n > 0 ? 1 : 0, (b.n / tallest) * innerH);
    const x = plot.left + i * barW;
    return `<rect class="bar" x="${(x + 1).toFixed(1)}" y="${(plot.top + innerH - h).toFixed(1)}" width="${Math.max(1, barW - 2).toFixed(1)}" height="${h.toFixed(1)}" fill="${colour(0)}"><title>${fmt(b.from)} – ${fmt(b.to)}: ${b.n}</title></rect>`;
  });
  const first = data[0];
  const last = data.at(-1);
  const axis =
    `<path class="axis" d="M${plot.left} ${plot.top} V${plot.top + innerH} H${width - plot.right}" stroke="#555" fill="none"/>` +
    `<text x="${plot.left}" y="${height - 14}">${first ? fmt(first.from) : ''}</text>` +
    `<text x="${width - plot.right}" y="${height - 14}" text-anchor="end">${last ? fmt(last.to) : ''}</text>` +
    `<text x="${plot.left - 6}" y="${plot.top + 10}" text-anchor="end">${tallest}</text>` +
    `<text x="${plot.left - 6}" y="${plot.top + innerH}" text-anchor="end">0</text>`;
  return `<svg class="chart" data-chart="${escapeHtml(name)}" role="img" aria-label="${escapeHtml(name)}" viewBox="0 0 ${width} ${height}" data-width="${width}" style="max-width:${width}px">${axis}${rects.join('')}</svg>`;
}

/** One horizontal bar per group, split into coloured segments by share, with a legend. */
export function stackedBars(name: string, groups: readonly { readonly label: string; readonly tally: Tally }[]): string {
  const keys = [...new Set(groups.flatMap((g) => g.tally.map(([k]) => k)))];
  const labelWidth = 150;
  const barWidth = 460;
  const rowHeight = 30;
  const legendRows = Math.ceil(keys.length / 3);
  const width = labelWidth + barWidth + 20;
  const height = groups.length * rowHeight + 10 + legendRows * 20;
  const rows = groups.map((g, i) => {
    const total = g.tally.reduce((n, [, v]) => n + v, 0) || 1;
    let x = labelWidth;
    const y = 6 + i * rowHeight;
    const segments = g.tally.map(([key, v]) => {
      const w = (v / total) * barWidth;
      const rect = `<rect class="bar" x="${x.toFixed(1)}" y="${y}" width="${Math.max(1, w).toFixed(1)}" height="${rowHeight - 10}" fill="${colour(keys.indexOf(key))}"><title>${escapeHtml(`${g.label} · ${key}: ${v} (${Math.round((v / total) * 100)}%)`)}</title></rect>`;
      x += w;
      return rect;
    });
    return `<text x="${labelWidth - 8}" y="${y + 15}" text-anchor="end">${escapeHtml(g.label)}</text>${segments.join('')}`;
  });
  const legend = keys.map((key, i) => {
    const lx = labelWidth + (i % 3) * 160;
    const ly = groups.length * rowHeight + 14 + Math.floor(i / 3) * 20;
    return `<rect x="${lx}" y="${ly}" width="12" height="12" fill="${colour(i)}"/><text x="${lx + 18}" y="${ly + 11}">${escapeHtml(key)}</text>`;
  });
  return `<svg class="chart" data-chart="${escapeHtml(name)}" role="img" aria-label="${escapeHtml(name)}" viewBox="0 0 ${width} ${height}" data-width="${width}" style="max-width:${width}px">${rows.join('')}${legend.join('')}</svg>`;
}

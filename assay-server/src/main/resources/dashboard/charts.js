// Hand-written SVG charts. Each chart is an <svg role="img"> with a title and description for screen
// readers, a <title> tooltip on every mark, and a data table next to it for those who would rather read.
import {h, s} from './dom.js';

let chartCount = 0;

function frame(width, height, title, description, className) {
  const id = `chart-${++chartCount}`;
  return s('svg', {
    class: `chart ${className}`,
    viewBox: `0 0 ${width} ${height}`,
    role: 'img',
    'aria-labelledby': `${id}-title ${id}-desc`,
    preserveAspectRatio: 'xMinYMin meet',
  },
  s('title', {id: `${id}-title`}, title),
  s('desc', {id: `${id}-desc`}, description));
}

function niceMax(value) {
  if (value <= 4) {
    return Math.max(1, Math.ceil(value));
  }
  const magnitude = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 2.5, 5, 10]) {
    if (step * magnitude >= value) {
      return step * magnitude;
    }
  }
  return value;
}

const round = (value) => Math.round(value * 10) / 10;

/**
 * Findings by severity over time: one stacked area per severity (critical at the bottom), a point per
 * day and severity, and a y axis with three gridlines. history = [{date, critical, high, medium, low}].
 */
export function stackedAreaChart(history, {severities = ['critical', 'high', 'medium', 'low']} = {}) {
  const width = 720;
  const height = 260;
  const margin = {top: 12, right: 16, bottom: 32, left: 44};
  const plotWidth = width - margin.left - margin.right;
  const plotHeight = height - margin.top - margin.bottom;
  const days = (history ?? []).filter((day) => day && typeof day === 'object');
  const description = days.length === 0
    ? 'No history yet.'
    : `Open findings per day from ${days[0].date} to ${days[days.length - 1].date}, stacked by severity.`;
  const svg = frame(width, height, 'Findings by severity over time', description, 'history');
  if (days.length === 0) {
    svg.append(s('text', {x: width / 2, y: height / 2, 'text-anchor': 'middle', class: 'empty'}, 'No history yet'));
    return svg;
  }
  const totals = days.map((day) => severities.reduce((sum, severity) => sum + count(day[severity]), 0));
  const max = niceMax(Math.max(...totals));
  const x = (index) => margin.left + (days.length === 1 ? plotWidth / 2 : (index * plotWidth) / (days.length - 1));
  const y = (value) => margin.top + plotHeight - (value / max) * plotHeight;

  const grid = s('g', {class: 'grid'});
  for (const tick of [0, max / 2, max]) {
    grid.append(
      s('line', {x1: margin.left, x2: width - margin.right, y1: round(y(tick)), y2: round(y(tick))}),
      s('text', {x: margin.left - 6, y: round(y(tick)) + 4, 'text-anchor': 'end'}, formatTick(tick)));
  }
  const labels = s('g', {class: 'x-labels'});
  const labelled = new Set([0, Math.floor((days.length - 1) / 2), days.length - 1]);
  for (const index of labelled) {
    // The first and last labels align with the plot's edges instead of running past them.
    const anchor = days.length === 1 ? 'middle' : index === 0 ? 'start' : index === days.length - 1 ? 'end' : 'middle';
    labels.append(s('text', {x: round(x(index)), y: height - 10, 'text-anchor': anchor}, String(days[index].date)));
  }
  svg.append(grid, labels);

  const baseline = days.map(() => 0);
  const layers = s('g', {class: 'layers'});
  const points = s('g', {class: 'points'});
  for (const severity of severities) {
    const lower = baseline.slice();
    const upper = days.map((day, index) => lower[index] + count(day[severity]));
    const top = upper.map((value, index) => `${round(x(index))},${round(y(value))}`);
    const bottom = lower.map((value, index) => `${round(x(index))},${round(y(value))}`).reverse();
    const area = days.length === 1
      ? `M${round(x(0)) - 4},${round(y(lower[0]))}h8V${round(y(upper[0]))}h-8Z`
      : `M${top.join('L')}L${bottom.join('L')}Z`;
    layers.append(s('path', {class: `area sev-${severity}`, d: area, 'data-severity': severity},
      s('title', {}, severity)));
    days.forEach((day, index) => {
      points.append(s('circle', {
        class: `point sev-${severity}`,
        cx: round(x(index)),
        cy: round(y(upper[index])),
        r: 3,
        'data-severity': severity,
        'data-date': day.date,
        'data-value': count(day[severity]),
      }, s('title', {}, `${day.date}: ${count(day[severity])} ${severity}`)));
    });
    upper.forEach((value, index) => {
      baseline[index] = value;
    });
  }
  svg.append(layers, points);
  return svg;
}

/**
 * Horizontal bars, in the order given: items = [{label, value, text, href}], text being what is written
 * after the bar (the value by default). Each bar and its label link to href when present.
 */
export function barChart(items, {title, description}) {
  const rowHeight = 26;
  const width = 720;
  const labelWidth = 330;
  const valueWidth = 150;
  const rows = items ?? [];
  const height = Math.max(rowHeight, rows.length * rowHeight) + 8;
  const svg = frame(width, height, title, description, 'bars');
  if (rows.length === 0) {
    svg.append(s('text', {x: width / 2, y: height / 2 + 4, 'text-anchor': 'middle', class: 'empty'}, 'Nothing to show'));
    return svg;
  }
  const max = Math.max(1, ...rows.map((row) => count(row.value)));
  const barSpace = width - labelWidth - valueWidth;
  rows.forEach((row, index) => {
    const top = 4 + index * rowHeight;
    const barWidth = Math.max(2, (count(row.value) / max) * barSpace);
    const text = row.text ?? String(row.value);
    const tooltip = `${row.label}: ${text}`;
    const mark = s('g', {class: 'bar-row', 'data-label': row.label, 'data-value': count(row.value)},
      s('title', {}, tooltip),
      s('text', {class: 'bar-label', x: labelWidth - 8, y: top + rowHeight / 2 + 4, 'text-anchor': 'end'},
        truncate(String(row.label), 44)),
      s('rect', {class: 'bar', x: labelWidth, y: top + 4, width: round(barWidth), height: rowHeight - 8, rx: 2}),
      s('text', {class: 'bar-value', x: labelWidth + barWidth + 6, y: top + rowHeight / 2 + 4}, text));
    svg.append(row.href ? s('a', {href: row.href}, mark) : mark);
  });
  return svg;
}

/** One stacked column per entry: entries = [{label, href, counts: {critical, ...}}]. */
export function severityColumns(entries, {title, description, severities = ['critical', 'high', 'medium', 'low']}) {
  const width = 720;
  const height = 200;
  const margin = {top: 10, right: 10, bottom: 36, left: 40};
  const list = entries ?? [];
  const svg = frame(width, height, title, description, 'columns');
  if (list.length === 0) {
    svg.append(s('text', {x: width / 2, y: height / 2, 'text-anchor': 'middle', class: 'empty'}, 'Nothing to show'));
    return svg;
  }
  const plotHeight = height - margin.top - margin.bottom;
  const slot = (width - margin.left - margin.right) / list.length;
  const columnWidth = Math.min(48, slot * 0.7);
  const max = niceMax(Math.max(...list.map((entry) =>
    severities.reduce((sum, severity) => sum + count(entry.counts?.[severity]), 0))));
  const y = (value) => margin.top + plotHeight - (value / max) * plotHeight;
  for (const tick of [0, max]) {
    svg.append(s('text', {class: 'tick', x: margin.left - 6, y: round(y(tick)) + 4, 'text-anchor': 'end'}, formatTick(tick)));
  }
  list.forEach((entry, index) => {
    const left = margin.left + index * slot + (slot - columnWidth) / 2;
    const column = s('g', {class: 'column', 'data-label': entry.label});
    let stacked = 0;
    for (const severity of severities) {
      const value = count(entry.counts?.[severity]);
      if (value > 0) {
        column.append(s('rect', {
          class: `segment sev-${severity}`,
          x: round(left),
          y: round(y(stacked + value)),
          width: round(columnWidth),
          height: round(y(stacked) - y(stacked + value)),
          'data-severity': severity,
        }, s('title', {}, `${entry.label}: ${value} ${severity}`)));
      }
      stacked += value;
    }
    column.append(s('text', {class: 'column-label', x: round(left + columnWidth / 2), y: height - 18, 'text-anchor': 'middle'},
      truncate(String(entry.label), 12)));
    svg.append(entry.href ? s('a', {href: entry.href}, column) : column);
  });
  return svg;
}

/** The numbers behind a chart, for readers and screen readers. */
export function chartData(summary, table) {
  return h('details', {class: 'chart-data'}, h('summary', {}, summary), table);
}

function count(value) {
  const number = Number(value);
  return Number.isFinite(number) && number > 0 ? number : 0;
}

function formatTick(value) {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

function truncate(text, length) {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}

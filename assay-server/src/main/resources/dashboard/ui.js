// Shared pieces of the pages: links to routes, severity badges, number and date formats.
import {messageOf} from './api.js';
import {h} from './dom.js';

export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'unknown'];

const RANK = {critical: 0, high: 1, medium: 2, low: 3, unknown: 4};

export function severityRank(severity) {
  return RANK[String(severity).toLowerCase()] ?? RANK.unknown;
}

/** A known severity name, or 'unknown' (class names are built from it). */
export function severityName(severity) {
  const name = String(severity ?? 'unknown').toLowerCase();
  return name in RANK ? name : 'unknown';
}

export const href = {
  overview: () => '#/',
  project: (project) => `#/projects/${encodeURIComponent(project)}`,
  version: (project, version) =>
    `#/projects/${encodeURIComponent(project)}/versions/${encodeURIComponent(version)}`,
  vulnerability: (id) => `#/vulnerabilities/${encodeURIComponent(id)}`,
  impact: (purl, range) => {
    const search = new URLSearchParams({purl});
    if (range) {
      search.append('range', range);
    }
    return `#/impact?${search}`;
  },
};

export function link(target, ...children) {
  return h('a', {href: target}, ...children);
}

export function severityBadge(severity) {
  const name = severityName(severity);
  return h('span', {class: `badge sev-${name}`, 'data-severity': name}, name);
}

/** Badges for {critical: 1, high: 2, ...}, zero counts dimmed. */
export function severityCounts(counts) {
  return h('span', {class: 'counts'}, SEVERITIES
    .filter((severity) => severity !== 'unknown' || (counts?.unknown ?? 0) > 0)
    .map((severity) => {
      const count = Number(counts?.[severity] ?? 0);
      return h('span', {
        class: `count sev-${severity}${count === 0 ? ' zero' : ''}`,
        title: `${count} ${severity}`,
        'data-severity': severity,
      }, `${count} ${severity[0].toUpperCase()}`);
    }));
}

export function kevBadge() {
  return h('span', {class: 'badge kev', title: 'Listed in CISA Known Exploited Vulnerabilities'}, 'KEV');
}

export function formatEpss(epss) {
  if (epss === null || epss === undefined || Number.isNaN(Number(epss))) {
    return '—';
  }
  return `${(Number(epss) * 100).toFixed(1)}%`;
}

/** "1 version", "3 versions" */
export function plural(count, noun) {
  const number = Number(count ?? 0);
  return `${formatNumber(number)} ${noun}${number === 1 ? '' : 's'}`;
}

export function formatNumber(value) {
  return Number(value ?? 0).toLocaleString('en');
}

/** 2026-12-04 09:30 UTC, or the raw text when it is not a date. */
export function formatTime(iso) {
  if (!iso) {
    return '—';
  }
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) {
    return String(iso);
  }
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

export function formatHours(hours) {
  const value = Number(hours);
  if (!Number.isFinite(value)) {
    return 'unknown age';
  }
  if (value < 48) {
    return `${value.toFixed(1)} hours`;
  }
  return `${(value / 24).toFixed(1)} days`;
}

/** sha256:0123456789ab…, the full digest in the tooltip. */
export function digest(value) {
  const text = String(value);
  const short = text.length > 19 ? `${text.slice(0, 19)}…` : text;
  return h('code', {class: 'digest', title: text}, short);
}

export function chips(values, className = 'chip') {
  return (values ?? []).map((value) => h('span', {class: className}, value));
}

/** A dependency path root › … › leaf; further paths behind a disclosure. */
export function dependencyPaths(paths) {
  const list = (paths ?? []).filter((path) => Array.isArray(path) && path.length > 0);
  if (list.length === 0) {
    return h('span', {class: 'muted'}, '—');
  }
  const render = (path) => h('span', {class: 'path'},
    path.flatMap((purl, index) => index === 0 ? [h('code', {}, purl)] : [' › ', h('code', {}, purl)]));
  if (list.length === 1) {
    return render(list[0]);
  }
  return h('span', {},
    render(list[0]),
    h('details', {class: 'more-paths'},
      h('summary', {}, `${list.length - 1} more path${list.length > 2 ? 's' : ''}`),
      h('ul', {}, list.slice(1).map((path) => h('li', {}, render(path))))));
}

/** pkg:type/ns/name@1.0?q=1#sub -> pkg:type/ns/name (the scope a portfolio-wide decision names). */
export function purlWithoutVersion(purl) {
  let text = String(purl ?? '');
  for (const separator of ['#', '?']) {
    const index = text.indexOf(separator);
    if (index >= 0) {
      text = text.slice(0, index);
    }
  }
  const at = text.indexOf('@', text.lastIndexOf('/') + 1);
  return at >= 0 ? text.slice(0, at) : text;
}

/** Says which part of a page could not be loaded, and why, while the rest of the page shows. */
export function unavailable(id, what, error) {
  return h('p', {class: 'error', role: 'alert', id}, `${what} could not be loaded (${messageOf(error)}).`);
}

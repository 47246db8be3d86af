// The portfolio overview: totals, findings over time, KEV-listed findings, the most widespread vulnerable
// components, the advisory database's age, and the projects.
import {api, settled} from './api.js';
import {barChart, chartData, stackedAreaChart} from './charts.js';
import {h, table} from './dom.js';
import {
  SEVERITIES, formatHours, formatNumber, formatTime, href, kevBadge, link, plural, severityCounts, unavailable,
} from './ui.js';

export async function overviewPage() {
  const [overview, projects] = await settled([api('/api/v1/overview'), api('/api/v1/projects')]);
  return {
    title: 'Portfolio overview',
    route: 'overview',
    content: [
      h('h1', {tabindex: '-1'}, 'Portfolio overview'),
      overview.error ? unavailable('overview-error', 'The portfolio summary', overview.error) : summary(overview.value),
      projects.error ? unavailable('projects-error', 'The list of projects', projects.error)
        : projectTable(projects.value.projects ?? []),
    ],
  };
}

function summary(overview) {
  return [
    advisoryStatus(overview.advisories),
    h('p', {class: 'summary'},
      `${plural(overview.projects, 'project')} · ${plural(overview.versions, 'version')} · `
      + `${plural(overview.components, 'component')}`),
    severityTotals(overview.findings),
    history(overview.history ?? []),
    kevTable(overview.kev ?? []),
    topComponents(overview.topComponents ?? []),
  ];
}


/** The advisory database's age, with a warning that cannot be missed when it is stale. */
export function advisoryStatus(advisories) {
  if (!advisories || !advisories.builtAt) {
    return h('p', {class: 'warning stale', role: 'alert', id: 'advisories'},
      h('strong', {}, 'No advisory database: '), 'findings cannot be trusted until one is loaded.');
  }
  const age = `built ${formatTime(advisories.builtAt)}, ${formatHours(advisories.ageHours)} ago`;
  if (advisories.stale) {
    return h('p', {class: 'warning stale', role: 'alert', id: 'advisories'},
      h('strong', {}, 'Stale advisory database: '),
      `${age}. New vulnerabilities are missing from these findings until it is updated (assay db update).`);
  }
  return h('p', {class: 'fresh', id: 'advisories'}, `Advisory database ${age}.`);
}

function severityTotals(findings) {
  return h('section', {'aria-labelledby': 'totals-title'},
    h('h2', {id: 'totals-title'}, 'Open findings by severity'),
    h('ul', {class: 'totals', id: 'severity-totals'}, SEVERITIES.map((severity) =>
      h('li', {class: `total sev-${severity}`, 'data-severity': severity},
        h('span', {class: 'total-count'}, formatNumber(findings?.[severity] ?? 0)),
        h('span', {class: 'total-label'}, severity)))));
}

function history(days) {
  return h('section', {'aria-labelledby': 'history-title'},
    h('h2', {id: 'history-title'}, 'Findings by severity over time'),
    h('figure', {id: 'history-chart'},
      stackedAreaChart(days),
      h('figcaption', {class: 'legend'}, ['critical', 'high', 'medium', 'low'].map((severity) =>
        h('span', {class: `key sev-${severity}`}, severity)))),
    chartData('Data', table({
      columns: ['Date', 'Critical', 'High', 'Medium', 'Low'],
      rows: days.map((day) => [day.date, day.critical ?? 0, day.high ?? 0, day.medium ?? 0, day.low ?? 0]),
      empty: 'no history yet',
    })));
}

function kevTable(kev) {
  return h('section', {'aria-labelledby': 'kev-title', id: 'kev'},
    h('h2', {id: 'kev-title'}, kevBadge(), ' Known exploited vulnerabilities in the portfolio'),
    table({
      caption: 'Findings listed in CISA KEV',
      columns: ['Vulnerability', 'Project', 'Version', 'Component'],
      rows: kev.map((row) => [
        link(href.vulnerability(row.vulnerability), row.vulnerability),
        link(href.project(row.project), row.project),
        link(href.version(row.project, row.version), row.version),
        h('code', {}, row.purl),
      ]),
      empty: 'none',
    }));
}

function topComponents(components) {
  return h('section', {'aria-labelledby': 'top-title'},
    h('h2', {id: 'top-title'}, 'Most widespread vulnerable components'),
    h('figure', {id: 'top-components'}, barChart(components.map((component) => ({
      label: component.purl,
      value: component.versions,
      text: `${plural(component.versions, 'version')} · ${plural(component.findings, 'finding')}`,
      href: href.impact(component.purl),
    })), {
      title: 'Most widespread vulnerable components',
      description: 'Project versions containing each vulnerable component; each bar links to its impact.',
    })),
    chartData('Data', table({
      columns: ['Component', 'Project versions', 'Findings'],
      rows: components.map((component) => [
        link(href.impact(component.purl), component.purl), component.versions, component.findings]),
      empty: 'none',
    })));
}

function projectTable(projects) {
  return h('section', {'aria-labelledby': 'projects-title', id: 'projects'},
    h('h2', {id: 'projects-title'}, 'Projects'),
    table({
      caption: plural(projects.length, 'project'),
      columns: ['Project', 'Versions', 'Latest version', 'Updated', 'Open findings'],
      rows: projects.map((project) => [
        link(href.project(project.name), project.name),
        project.versions,
        project.latestVersion ? link(href.version(project.name, project.latestVersion), project.latestVersion) : '—',
        formatTime(project.updatedAt),
        severityCounts(project.findings),
      ]),
      empty: 'no SBOM uploaded yet (POST /api/v1/sboms?project=NAME&version=V)',
    }));
}

// A project: its versions with tags, image digests and severity counts.
import {api, path} from './api.js';
import {severityColumns} from './charts.js';
import {h, table} from './dom.js';
import {chips, digest, formatNumber, formatTime, href, link, severityCounts} from './ui.js';

export async function projectPage(name) {
  const project = await api(path`/api/v1/projects/${name}`);
  const versions = project.versions ?? [];
  return {
    title: `${project.name} · Assay`,
    route: 'project',
    content: [
      breadcrumbs(project.name),
      h('h1', {tabindex: '-1'}, 'Project ', h('span', {class: 'name'}, project.name)),
      h('section', {'aria-labelledby': 'versions-chart-title'},
        h('h2', {id: 'versions-chart-title'}, 'Open findings per version'),
        h('figure', {id: 'versions-chart'}, severityColumns(versions.map((version) => ({
          label: version.version,
          href: href.version(project.name, version.version),
          counts: version.findings,
        })), {
          title: `Open findings per version of ${project.name}`,
          description: 'One column per version, stacked by severity; each column links to its version.',
        }))),
      h('section', {'aria-labelledby': 'versions-title'},
        h('h2', {id: 'versions-title'}, 'Versions'),
        table({
          caption: `${versions.length} version${versions.length === 1 ? '' : 's'} of ${project.name}`,
          columns: ['Version', 'Tags', 'Components', 'Image digests', 'Updated', 'Open findings'],
          rows: versions.map((version) => [
            link(href.version(project.name, version.version), version.version),
            chips(version.tags),
            formatNumber(version.components),
            (version.imageDigests ?? []).length ? h('span', {class: 'digests'}, version.imageDigests.map(digest)) : '—',
            formatTime(version.updatedAt),
            severityCounts(version.findings),
          ]),
          empty: 'no versions',
        })),
    ],
  };
}

export function breadcrumbs(project, version) {
  return h('nav', {'aria-label': 'Breadcrumb', class: 'breadcrumbs'},
    h('ol', {},
      h('li', {}, link(href.overview(), 'Overview')),
      h('li', {}, version === undefined
        ? h('span', {'aria-current': 'page'}, project)
        : link(href.project(project), project)),
      version === undefined ? null : h('li', {}, h('span', {'aria-current': 'page'}, version))));
}

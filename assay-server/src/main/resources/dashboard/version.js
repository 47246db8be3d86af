// A project version: findings (with paths, KEV, EPSS and analysis) and their triage, components with a
// filter, and the version's decisions as VEX documents.
import {ApiError, api, messageOf, path, query, settled} from './api.js';
import {h, replace, table} from './dom.js';
import {breadcrumbs} from './project.js';
import {
  chips, dependencyPaths, digest, formatEpss, formatNumber, formatTime, href, kevBadge, link,
  purlWithoutVersion, severityBadge, severityCounts, severityRank, unavailable,
} from './ui.js';

const PAGE_SIZE = 100;

export const STATES = ['not_affected', 'affected', 'fixed', 'under_investigation'];

export const JUSTIFICATIONS = [
  'component_not_present',
  'vulnerable_code_not_present',
  'vulnerable_code_not_in_execute_path',
  'vulnerable_code_cannot_be_controlled_by_adversary',
  'inline_mitigations_already_exist',
];

export async function versionPage(project, version, {rerender, notify}) {
  const base = path`/api/v1/projects/${project}/versions/${version}`;
  const [findings, components, projectInfo] = await settled([
    api(`${base}/findings`),
    api(`${base}/components${query({offset: 0, limit: PAGE_SIZE})}`),
    api(path`/api/v1/projects/${project}`),
  ]);
  const info = (projectInfo.value?.versions ?? []).find((entry) => entry.version === version);
  const list = (findings.value?.findings ?? []).slice().sort(byImportance);
  const open = list.filter((finding) => !finding.suppressed);
  const counts = {};
  for (const finding of open) {
    const severity = String(finding.severity ?? 'unknown').toLowerCase();
    counts[severity] = (counts[severity] ?? 0) + 1;
  }
  const triage = h('section', {id: 'triage', 'aria-labelledby': 'triage-title', hidden: true});
  const context = {project, version, triage, rerender, notify};
  return {
    title: `${project} ${version} · Assay`,
    route: 'version',
    content: [
      breadcrumbs(project, version),
      h('h1', {tabindex: '-1'}, h('span', {class: 'name'}, project), ' ', h('span', {class: 'version'}, version)),
      h('dl', {class: 'facts'},
        h('dt', {}, 'Open findings'), h('dd', {id: 'open-counts'}, severityCounts(counts)),
        h('dt', {}, 'Suppressed'), h('dd', {}, String(list.length - open.length)),
        h('dt', {}, 'Components'), h('dd', {}, components.value ? formatNumber(components.value.total) : '—'),
        h('dt', {}, 'Tags'), h('dd', {}, info?.tags?.length ? chips(info.tags) : '—'),
        h('dt', {}, 'Image digests'), h('dd', {}, info?.imageDigests?.length ? info.imageDigests.map(digest) : '—'),
        h('dt', {}, 'Updated'), h('dd', {}, formatTime(info?.updatedAt))),
      vexExport(base, project, version, notify),
      findings.error
        ? h('section', {id: 'findings'}, h('h2', {}, 'Findings'), unavailable('findings-error', 'The findings', findings.error))
        : findingsSection(list, context),
      triage,
      components.error
        ? h('section', {id: 'components'}, h('h2', {}, 'Components'),
          unavailable('components-error', 'The components', components.error))
        : componentsSection(base, components.value),
    ],
  };
}

function byImportance(left, right) {
  return Number(Boolean(left.suppressed)) - Number(Boolean(right.suppressed))
    || severityRank(left.severity) - severityRank(right.severity)
    || Number(Boolean(right.kev)) - Number(Boolean(left.kev))
    || Number(right.epss ?? 0) - Number(left.epss ?? 0)
    || String(left.vulnerability).localeCompare(String(right.vulnerability));
}

function vexExport(base, project, version, notify) {
  const download = (format, extension) => async (event) => {
    event.preventDefault();
    try {
      const blob = await api(`${base}/vex${query({format})}`, {blob: true});
      // A same-origin blob: URL, so the download is the document the API returned and nothing else.
      const url = URL.createObjectURL(blob);
      const anchor = document.createElement('a');
      anchor.href = url;
      anchor.download = `${fileName(project)}-${fileName(version)}.${extension}`;
      document.body.append(anchor);
      anchor.click();
      anchor.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      notify(`Downloaded the ${format === 'openvex' ? 'OpenVEX' : 'CycloneDX VEX'} document.`);
    } catch (error) {
      notify(messageOf(error), true);
    }
  };
  return h('section', {class: 'vex', 'aria-labelledby': 'vex-title'},
    h('h2', {id: 'vex-title'}, 'Export decisions'),
    h('p', {},
      h('a', {href: `${base}/vex${query({format: 'openvex'})}`, id: 'vex-openvex', class: 'button',
        onclick: download('openvex', 'openvex.json')}, 'OpenVEX'),
      ' ',
      h('a', {href: `${base}/vex${query({format: 'cyclonedx'})}`, id: 'vex-cyclonedx', class: 'button',
        onclick: download('cyclonedx', 'vex.cdx.json')}, 'CycloneDX VEX')));
}

function fileName(text) {
  return String(text).replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 80);
}

function findingsSection(list, context) {
  const hideSuppressed = h('input', {type: 'checkbox', id: 'hide-suppressed'});
  const container = h('div', {id: 'findings-table'});
  const render = () => replace(container, findingsTable(
    hideSuppressed.checked ? list.filter((finding) => !finding.suppressed) : list, context));
  hideSuppressed.addEventListener('change', render);
  render();
  return h('section', {'aria-labelledby': 'findings-title', id: 'findings'},
    h('h2', {id: 'findings-title'}, 'Findings'),
    h('p', {class: 'controls'}, hideSuppressed, ' ', h('label', {for: 'hide-suppressed'}, 'Hide suppressed findings')),
    container);
}

function findingsTable(list, context) {
  return table({
    caption: `${list.length} finding${list.length === 1 ? '' : 's'}`,
    columns: ['Vulnerability', 'Severity', 'EPSS', 'Component', 'Dependency path', 'Fixed in', 'Analysis', ''],
    rows: list.map((finding) => [
      h('span', {},
        link(href.vulnerability(finding.vulnerability), finding.vulnerability),
        finding.kev ? [' ', kevBadge()] : null,
        (finding.aliases ?? []).length ? h('span', {class: 'aliases'}, finding.aliases.join(', ')) : null,
        finding.summary ? h('span', {class: 'summary-text'}, finding.summary) : null),
      h('span', {}, severityBadge(finding.severity),
        finding.cvss !== null && finding.cvss !== undefined ? h('span', {class: 'cvss'}, ` ${Number(finding.cvss).toFixed(1)}`) : null),
      formatEpss(finding.epss),
      h('span', {class: 'component', title: finding.component?.purl ?? ''},
        h('span', {class: 'component-name'}, finding.component?.name ?? finding.component?.purl ?? '?'),
        ' ', h('span', {class: 'muted'}, finding.component?.version ?? '')),
      dependencyPaths(finding.paths),
      (finding.fixedVersions ?? []).length ? finding.fixedVersions.join(', ') : '—',
      analysis(finding),
      h('button', {type: 'button', class: 'triage-button', 'data-finding': finding.id,
        onclick: () => openTriage(finding, context)}, 'Triage'),
    ]),
    empty: 'no findings',
    rowAttributes: (index) => ({
      class: list[index].suppressed ? 'finding suppressed' : 'finding',
      'data-finding': list[index].id,
      'data-vulnerability': list[index].vulnerability,
    }),
  });
}

function analysis(finding) {
  const decision = finding.analysis;
  return h('span', {class: 'analysis'},
    finding.suppressed ? h('span', {class: 'badge suppressed-badge'}, 'Suppressed') : null,
    decision ? [
      h('span', {class: 'state', 'data-state': decision.state}, readable(decision.state)),
      decision.justification ? h('span', {class: 'justification'}, readable(decision.justification)) : null,
      decision.comment ? h('span', {class: 'comment'}, decision.comment) : null,
      h('span', {class: 'muted'},
        [decision.author, formatTime(decision.at), decision.scope ? `scope: ${decision.scope}` : null]
          .filter(Boolean).join(' · ')),
    ] : h('span', {class: 'muted'}, 'not analysed'));
}

export function readable(token) {
  return String(token ?? '').replaceAll('_', ' ');
}

function openTriage(finding, context) {
  const {triage} = context;
  const purl = purlWithoutVersion(finding.component?.purl);
  const choice = (value, label, checked) => {
    const id = `scope-${value}`;
    return h('div', {class: 'choice'},
      h('input', {type: 'radio', name: 'scope', id, value, checked}),
      ' ', h('label', {for: id}, label));
  };
  const state = h('select', {id: 'triage-state', name: 'state', required: true},
    STATES.map((value) => h('option', {value}, readable(value))));
  const justification = h('select', {id: 'triage-justification', name: 'justification'},
    h('option', {value: ''}, '(choose one)'),
    JUSTIFICATIONS.map((value) => h('option', {value}, readable(value))));
  const range = h('input', {id: 'triage-range', name: 'range', type: 'text', autocomplete: 'off', spellcheck: 'false',
    placeholder: 'vers:… (empty: every version)'});
  const comment = h('textarea', {id: 'triage-comment', name: 'comment', rows: 3, maxlength: 4000});
  const error = h('p', {class: 'error', id: 'triage-error', role: 'alert', hidden: true});
  const syncFields = () => {
    // VEX requires a justification for not_affected, and only there.
    const needsJustification = state.value === 'not_affected';
    justification.disabled = !needsJustification;
    justification.required = needsJustification;
    range.disabled = form.elements.scope.value !== 'purl';
  };
  const form = h('form', {id: 'triage-form', novalidate: false},
    h('fieldset', {},
      h('legend', {}, 'Scope of the decision'),
      choice('finding', `This finding only (${finding.vulnerability} in ${context.project} ${context.version})`, true),
      choice('project', `Every version of project ${context.project}`, false),
      choice('purl', `Every project with ${purl}`, false),
      h('div', {class: 'field'}, h('label', {for: 'triage-range'}, 'Version range (portfolio-wide scope only)'), range)),
    h('div', {class: 'field'}, h('label', {for: 'triage-state'}, 'Analysis state'), state),
    h('div', {class: 'field'}, h('label', {for: 'triage-justification'}, 'Justification'), justification),
    h('div', {class: 'field'}, h('label', {for: 'triage-comment'}, 'Comment'), comment),
    error,
    h('p', {},
      h('button', {type: 'submit', id: 'triage-submit'}, 'Record decision'), ' ',
      h('button', {type: 'button', class: 'link', onclick: () => {
        triage.hidden = true;
        replace(triage);
      }}, 'Cancel')));
  form.addEventListener('change', syncFields);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.hidden = true;
    const scope = form.elements.scope.value;
    const body = {vulnerability: finding.vulnerability, scope, state: state.value};
    if (scope === 'finding') {
      body.findingId = finding.id;
    } else if (scope === 'project') {
      body.project = context.project;
    } else {
      body.purl = purl;
      if (range.value.trim()) {
        body.range = range.value.trim();
      }
    }
    if (state.value === 'not_affected') {
      if (!justification.value) {
        replace(error, 'Choose a justification: VEX requires one for not_affected.');
        error.hidden = false;
        justification.focus();
        return;
      }
      body.justification = justification.value;
    }
    if (comment.value.trim()) {
      body.comment = comment.value.trim();
    }
    const submit = form.querySelector('button[type=submit]');
    submit.disabled = true;
    try {
      await api('/api/v1/triage', {method: 'POST', body});
      context.notify(`Recorded ${readable(body.state)} for ${finding.vulnerability} (scope: ${scope}).`);
      context.rerender();
    } catch (failure) {
      submit.disabled = false;
      replace(error, failure instanceof ApiError && failure.status === 403
        ? `This API key may not triage (403: ${failure.message}). Use a key with the triage scope.`
        : messageOf(failure));
      error.hidden = false;
    }
  });
  const history = h('section', {id: 'triage-history', 'aria-labelledby': 'triage-history-title'},
    h('h3', {id: 'triage-history-title'}, 'Earlier decisions'), h('p', {class: 'muted'}, 'Loading…'));
  replace(triage,
    h('h2', {id: 'triage-title'}, 'Triage ', h('span', {class: 'name'}, finding.vulnerability), ' in ',
      h('span', {class: 'name'}, `${finding.component?.name ?? purl} ${finding.component?.version ?? ''}`.trim())),
    form,
    history);
  loadHistory(finding, history);
  syncFields();
  triage.hidden = false;
  state.focus();
}

async function loadHistory(finding, section) {
  const heading = section.querySelector('h3');
  try {
    const result = await api(path`/api/v1/findings/${finding.id}/history`);
    const entries = result.history ?? [];
    replace(section, heading, entries.length === 0
      ? h('p', {class: 'muted'}, 'No earlier decisions.')
      : h('ol', {class: 'history'}, entries.map((entry) => h('li', {},
        h('span', {class: 'state'}, readable(entry.state)),
        entry.justification ? h('span', {class: 'justification'}, readable(entry.justification)) : null,
        entry.comment ? h('span', {class: 'comment'}, entry.comment) : null,
        h('span', {class: 'muted'}, [entry.author, formatTime(entry.at), entry.scope ? `scope: ${entry.scope}` : null]
          .filter(Boolean).join(' · '))))));
  } catch (error) {
    replace(section, heading, unavailable('triage-history-error', 'The history of this finding', error));
  }
}

function componentsSection(base, first) {
  const filter = h('input', {id: 'component-filter', type: 'search', autocomplete: 'off', spellcheck: 'false',
    placeholder: 'name or purl'});
  const status = h('p', {class: 'muted', id: 'components-status', 'aria-live': 'polite'});
  const container = h('div', {id: 'components-table'});
  const previous = h('button', {type: 'button', id: 'components-previous'}, 'Previous');
  const next = h('button', {type: 'button', id: 'components-next'}, 'Next');
  let offset = 0;
  let request = 0;
  const show = (result) => {
    const components = result.components ?? [];
    replace(status, components.length === 0
      ? `No components${filter.value ? ` match “${filter.value}”` : ''}.`
      : `Components ${offset + 1}–${offset + components.length} of ${formatNumber(result.total)}`);
    previous.disabled = offset === 0;
    next.disabled = offset + components.length >= Number(result.total ?? 0);
    replace(container, table({
      caption: 'Components',
      columns: ['Name', 'Version', 'Type', 'Scope', 'Licenses', 'Direct', 'Package URL'],
      rows: components.map((component) => [
        h('span', {class: 'component-name'}, component.name),
        component.version ?? '',
        component.type ?? '',
        component.scope ?? '',
        (component.licenses ?? []).join(', '),
        component.direct ? 'direct' : 'transitive',
        h('code', {}, component.purl),
      ]),
      empty: 'none',
    }));
  };
  const load = async () => {
    const mine = ++request;
    try {
      const result = await api(`${base}/components${query({offset, limit: PAGE_SIZE, q: filter.value.trim()})}`);
      if (mine === request) {
        show(result);
      }
    } catch (error) {
      if (mine === request) {
        replace(status, messageOf(error));
      }
    }
  };
  let timer;
  filter.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      offset = 0;
      load();
    }, 250);
  });
  previous.addEventListener('click', () => {
    offset = Math.max(0, offset - PAGE_SIZE);
    load();
  });
  next.addEventListener('click', () => {
    offset += PAGE_SIZE;
    load();
  });
  show(first);
  return h('section', {'aria-labelledby': 'components-title', id: 'components'},
    h('h2', {id: 'components-title'}, 'Components'),
    h('p', {class: 'controls'}, h('label', {for: 'component-filter'}, 'Filter components'), ' ', filter),
    status, container, h('p', {class: 'pager'}, previous, ' ', next));
}

// The dashboard's entry point: routes on the URL fragment (#/projects/p/versions/v), asks for the API key
// when the server refuses the one it has, and renders one page at a time into <main>.
import {ApiError, apiKey, forgetApiKey, messageOf, setApiKey} from './api.js';
import {h, replace} from './dom.js';
import {overviewPage} from './overview.js';
import {projectPage} from './project.js';
import {href} from './ui.js';
import {versionPage} from './version.js';
import {impactPage, vulnerabilityPage} from './vulnerability.js';

const main = document.getElementById('main');
const notice = document.getElementById('notice');
const keyPrompt = document.getElementById('key-prompt');
const keyMessage = document.getElementById('key-message');
const keyForm = document.getElementById('key-form');
const keyInput = document.getElementById('key-input');
const forgetButton = document.getElementById('forget-key');
const searchForm = document.getElementById('search-form');
const searchInput = document.getElementById('search-input');

const DEFAULT_KEY_MESSAGE = keyMessage.textContent;

/** [pattern over the decoded path segments, page]; the first match wins. */
const ROUTES = [
  [[], () => overviewPage()],
  [['projects', null], ([, project]) => projectPage(project)],
  [['projects', null, 'versions', null], ([, project, , version], context) => versionPage(project, version, context)],
  [['vulnerabilities', null], ([, id]) => vulnerabilityPage(id)],
  [['impact'], (segments, context) => impactPage(context.parameters)],
];

let navigation = 0;

function parseLocation() {
  const fragment = location.hash.startsWith('#/') ? location.hash.slice(2) : '';
  const questionMark = fragment.indexOf('?');
  const pathPart = questionMark >= 0 ? fragment.slice(0, questionMark) : fragment;
  const parameters = new URLSearchParams(questionMark >= 0 ? fragment.slice(questionMark + 1) : '');
  const segments = pathPart.split('/').filter((segment) => segment !== '').map((segment) => decodeURIComponent(segment));
  return {segments, parameters};
}

function match(segments) {
  for (const [pattern, page] of ROUTES) {
    if (pattern.length === segments.length
      && pattern.every((expected, index) => expected === null || expected === segments[index])) {
      return page;
    }
  }
  return null;
}

async function render() {
  const mine = ++navigation;
  document.body.dataset.state = 'loading';
  main.setAttribute('aria-busy', 'true');
  if (!apiKey()) {
    showKeyPrompt();
    return;
  }
  keyPrompt.hidden = true;
  main.hidden = false;
  forgetButton.hidden = false;
  let location;
  try {
    location = parseLocation();
  } catch {
    showPage(mine, notFound('That address is not a valid dashboard link.'));
    return;
  }
  const page = match(location.segments);
  if (!page) {
    showPage(mine, notFound('No page here.'));
    return;
  }
  const context = {parameters: location.parameters, rerender: () => render(), notify};
  try {
    showPage(mine, await page(location.segments, context));
  } catch (error) {
    if (mine !== navigation) {
      return;
    }
    if (error instanceof ApiError && error.status === 401) {
      forgetApiKey();
      showKeyPrompt(`The server refused the API key (401: ${error.message}). Enter a valid key.`);
      return;
    }
    showPage(mine, errorPage(error), 'error');
  }
}

function showPage(mine, page, state = 'ready') {
  if (mine !== navigation) {
    return;
  }
  document.title = page.title ?? 'Assay';
  replace(main, ...page.content);
  main.removeAttribute('aria-busy');
  document.body.dataset.route = page.route ?? 'none';
  document.body.dataset.state = state;
  main.querySelector('h1')?.focus({preventScroll: true});
}

function errorPage(error) {
  if (error instanceof ApiError && error.status === 403) {
    return {
      title: 'Not allowed · Assay',
      route: 'error',
      content: [
        h('h1', {tabindex: '-1'}, 'Not allowed'),
        h('p', {class: 'error', role: 'alert', id: 'page-error'},
          `This API key lacks the scope this page needs (403: ${error.message}). `,
          'Ask an administrator for a key with the read scope, or ',
          h('button', {type: 'button', class: 'link', onclick: changeKey}, 'enter another key'), '.'),
      ],
    };
  }
  if (error instanceof ApiError && error.status === 404) {
    return notFound(error.message);
  }
  return {
    title: 'Error · Assay',
    route: 'error',
    content: [
      h('h1', {tabindex: '-1'}, 'Something went wrong'),
      h('p', {class: 'error', role: 'alert', id: 'page-error'}, messageOf(error)),
      h('p', {}, h('button', {type: 'button', onclick: () => render()}, 'Try again')),
    ],
  };
}

function notFound(message) {
  return {
    title: 'Not found · Assay',
    route: 'not-found',
    content: [
      h('h1', {tabindex: '-1'}, 'Not found'),
      h('p', {class: 'error', role: 'alert', id: 'page-error'}, message),
      h('p', {}, h('a', {href: href.overview()}, 'Back to the overview')),
    ],
  };
}

function showKeyPrompt(message) {
  navigation++;
  replace(keyMessage, message ?? DEFAULT_KEY_MESSAGE);
  keyMessage.classList.toggle('error', Boolean(message));
  keyMessage.setAttribute('role', message ? 'alert' : 'note');
  replace(main);
  main.hidden = true;
  forgetButton.hidden = true;
  keyPrompt.hidden = false;
  document.body.dataset.route = 'key';
  document.body.dataset.state = 'key';
  keyInput.value = '';
  keyInput.focus();
}

function changeKey() {
  forgetApiKey();
  showKeyPrompt();
}

let noticeTimer;

function notify(message, isError = false) {
  clearTimeout(noticeTimer);
  replace(notice, message);
  notice.classList.toggle('error', isError);
  noticeTimer = setTimeout(() => replace(notice), 8000);
}

keyForm.addEventListener('submit', (event) => {
  event.preventDefault();
  const key = keyInput.value.trim();
  if (!key) {
    return;
  }
  setApiKey(key);
  keyInput.value = '';
  render();
});

forgetButton.addEventListener('click', changeKey);

searchForm.addEventListener('submit', (event) => {
  event.preventDefault();
  const text = searchInput.value.trim();
  if (!text) {
    return;
  }
  // "pkg:maven/g/a vers:maven/<2.17.1" searches by package and range; anything else is a vulnerability id.
  const [first, ...rest] = text.split(/\s+/);
  location.hash = first.startsWith('pkg:') ? href.impact(first, rest.join(' ')) : href.vulnerability(first);
});

window.addEventListener('hashchange', () => {
  // In-page anchors (the skip link's #main) are not routes.
  if (location.hash === '' || location.hash.startsWith('#/')) {
    render();
  }
});

render();

// DOM construction without an HTML parser. Everything the API returns is attacker-controlled (component
// names, summaries and comments come from uploaded SBOMs and advisories), so text only ever becomes a
// text node and attributes are set one by one. The page's Content-Security-Policy requires Trusted Types,
// so assigning a string of markup to an element would fail loudly instead of rendering it.

const SVG_NS = 'http://www.w3.org/2000/svg';

/** An HTML element: h('a', {href: '#/', class: 'x', onclick: fn}, 'text', child, [more]). */
export function h(tag, attributes, ...children) {
  return build(document.createElement(tag), attributes, children);
}

/** An SVG element, same arguments as h. */
export function s(tag, attributes, ...children) {
  return build(document.createElementNS(SVG_NS, tag), attributes, children);
}

function build(element, attributes, children) {
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (value === null || value === undefined || value === false) {
      continue;
    }
    if (name.startsWith('on')) {
      if (typeof value !== 'function') {
        throw new TypeError(`${name} must be a function`);
      }
      element.addEventListener(name.slice(2), value);
    } else if (name === 'href') {
      element.setAttribute('href', safeHref(value));
    } else {
      element.setAttribute(name, value === true ? '' : String(value));
    }
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) {
      continue;
    }
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Links stay inside the dashboard: fragment routes and same-origin paths only, never javascript: or //host. */
export function safeHref(value) {
  const text = String(value);
  if (text.startsWith('#') || (text.startsWith('/') && !text.startsWith('//'))) {
    return text;
  }
  return '#/';
}

/** Replaces an element's children. */
export function replace(element, ...children) {
  element.replaceChildren();
  append(element, children);
  return element;
}

/** A table with a caption and column headers; rows are arrays of cells (strings or nodes). */
export function table({caption, columns, rows, empty = 'None.', className = 'data', rowAttributes}) {
  if (rows.length === 0) {
    return h('p', {class: 'empty'}, caption ? `${caption}: ${empty}` : empty);
  }
  return h('table', {class: className},
    caption ? h('caption', {}, caption) : null,
    h('thead', {}, h('tr', {}, columns.map((column) => h('th', {scope: 'col'}, column)))),
    h('tbody', {}, rows.map((cells, index) =>
      h('tr', rowAttributes ? rowAttributes(index) : {}, cells.map((cell) => h('td', {}, cell))))));
}

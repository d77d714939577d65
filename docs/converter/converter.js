// The converter page: no framework, only the library's public API (restli-protocol.js is the
// browser bundle scripts/build.mjs writes next to this file).
import {
  convertUrl,
  decodeQuery,
  detectVersion,
  loadResources,
  RestliError,
} from './restli-protocol.js';

const $ = (id) => document.getElementById(id);

/** The query of a URL (between `?` and `#`), still encoded; '' when there is none. */
function queryOf(url) {
  const hash = url.indexOf('#');
  const end = hash === -1 ? url.length : hash;
  const q = url.indexOf('?');
  return q === -1 || q > end ? '' : url.slice(q + 1, end);
}
const urls = $('urls');
const to = $('to');
const from = $('from');
const results = $('results');
/** Parsed IDL files, by file name. */
const idls = new Map();

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  for (const c of children) node.append(c);
  return node;
}

/** A decoded value as a nested list: maps by key, lists by index, strings quoted. */
function tree(value) {
  if (Array.isArray(value)) {
    if (value.length === 0) return el('span', { class: 't' }, 'empty list');
    return el(
      'ul',
      {},
      ...value.map((v, i) => el('li', {}, el('span', { class: 'k' }, `[${i}] `), tree(v))),
    );
  }
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value);
    if (keys.length === 0) return el('span', { class: 't' }, 'empty map');
    return el(
      'ul',
      {},
      ...keys.map((k) => el('li', {}, el('span', { class: 'k' }, `${k}: `), tree(value[k]))),
    );
  }
  return el('span', { class: 's' }, JSON.stringify(String(value)));
}

/** An error: its code and its message, whose last lines are the input with a caret. */
function errorView(error) {
  const known = error instanceof RestliError;
  return el(
    'div',
    { class: 'error', 'data-code': known ? error.code : 'INTERNAL' },
    el(
      'strong',
      {},
      known ? `${error.name} [${error.code}]` : `Unexpected ${error?.name ?? 'error'}`,
    ),
    el('pre', {}, known ? error.message : String(error)),
  );
}

function convertOne(url) {
  const item = el('li', { class: 'result' });
  item.append(el('div', { class: 'url from' }, url));
  const options = { to: to.value };
  if (from.value) options.from = from.value;
  if (idls.size > 0) options.resources = [...idls.values()];
  let result;
  try {
    result = convertUrl(url, options);
  } catch (e) {
    item.append(errorView(e));
    return item;
  }
  const detected = options.from
    ? `given as ${result.from}`
    : `detected ${detectVersion(url).version}`;
  item.append(
    el('div', { class: 'url out' }, result.url),
    el(
      'div',
      {},
      el('span', { class: 'version', 'data-from': result.from }, `from ${result.from}`),
      el('span', { class: 'version' }, `to ${result.to}`),
      el('span', { class: 'detected' }, ` (${detected})`),
    ),
  );
  if (result.warnings.length > 0) {
    item.append(
      el(
        'ul',
        { class: 'warnings' },
        ...result.warnings.map((w) =>
          el(
            'li',
            { 'data-code': w.code },
            el('strong', {}, w.code),
            ` (${w.where}): ${w.message}`,
          ),
        ),
      ),
    );
  }
  // Each parameter of the translated URL, decoded as the target version reads it.
  const query = queryOf(result.url);
  if (query !== '') {
    try {
      const params = decodeQuery(query, { version: result.to });
      const details = el('details', { open: '' }, el('summary', {}, 'Parameters, decoded'));
      details.append(el('div', { class: 'tree params' }, tree(params)));
      item.append(details);
    } catch (e) {
      item.append(errorView(e));
    }
  }
  return item;
}

function render() {
  const lines = urls.value
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
  results.replaceChildren(...lines.map(convertOne));
  document.body.dataset.rendered = String(lines.length);
}

async function addFiles(files) {
  const status = $('idl-status');
  const problems = [];
  for (const file of files) {
    try {
      const idl = JSON.parse(await file.text());
      loadResources([idl]); // validates it: a bad file is reported here, not on every URL
      idls.set(file.name, idl);
    } catch (e) {
      problems.push(`${file.name}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  status.textContent =
    `${idls.size === 0 ? 'No IDL.' : `IDL: ${[...idls.keys()].join(', ')}.`}` +
    (problems.length > 0 ? ` Not loaded: ${problems.join('; ')}` : '');
  render();
}

urls.addEventListener('input', render);
to.addEventListener('change', render);
from.addEventListener('change', render);
$('idl').addEventListener('change', (e) => addFiles(e.target.files));
const drop = $('drop');
drop.addEventListener('dragover', (e) => {
  e.preventDefault();
  drop.classList.add('over');
});
drop.addEventListener('dragleave', () => drop.classList.remove('over'));
drop.addEventListener('drop', (e) => {
  e.preventDefault();
  drop.classList.remove('over');
  addFiles(e.dataTransfer.files);
});
if (urls.value === '') {
  urls.value = [
    '/people?ids=1&ids=2',
    'https://api.linkedin.com/v2/people/id=ABC123/certifications/42?fields=id,name',
    '/people?ids=List(1,2)&f=(a:b)',
    '/people?q=%zz',
  ].join('\n');
}
render();

// The console's page: reads /connector/api/overview every few seconds and draws it. Plain DOM,
// text set with textContent only (never HTML from data), so no build step and nothing to escape.
'use strict';

const API = 'api/';
const REFRESH_MS = 5000;
const SVG = 'http://www.w3.org/2000/svg';

let me = null;
let timer = null;
let openDetail = null;

function $(selector) {
  return document.querySelector(selector);
}

function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (name === 'class') node.className = value;
    else if (name.startsWith('data-')) node.setAttribute(name, value);
    else if (name === 'onclick') node.addEventListener('click', value);
    else node[name] = value;
  }
  for (const child of children) {
    node.append(child instanceof Node ? child : document.createTextNode(child == null ? '' : String(child)));
  }
  return node;
}

// Every request says it comes from the page: the server refuses a change by session cookie without it.
async function api(method, path, body) {
  const response = await fetch(API + path, {
    method,
    credentials: 'same-origin',
    headers: Object.assign({'X-Connector-Console': '1'}, body === undefined ? {} : {'Content-Type': 'application/json'}),
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  const data = text ? JSON.parse(text) : null;
  if (response.status === 401) {
    showLogin();
    throw new Error(data && data.error || 'Log in first');
  }
  if (!response.ok) {
    throw new Error(data && data.error || (method + ' ' + path + ': HTTP ' + response.status));
  }
  return data;
}

function showError(message) {
  const banner = $('#error');
  banner.textContent = message || '';
  banner.hidden = !message;
}

function showLogin() {
  me = null;
  clearTimeout(timer);
  $('#console').hidden = true;
  $('#login').hidden = false;
  $('#logout').hidden = true;
  $('#who').textContent = '';
  $('#login-user').focus();
}

function showConsole(who) {
  me = who;
  $('#login').hidden = true;
  $('#console').hidden = false;
  $('#logout').hidden = false;
  $('#who').textContent = who.user + ' (' + who.roles.join(', ') + ')';
  document.body.classList.toggle('may-manage', who.may_manage);
  refresh();
}

async function login(event) {
  event.preventDefault();
  const error = $('#login-error');
  error.hidden = true;
  try {
    const who = await api('POST', 'login', {user: $('#login-user').value, password: $('#login-password').value});
    $('#login-password').value = '';
    showConsole(who);
  } catch (e) {
    error.textContent = e.message;
    error.hidden = false;
  }
}

async function logout() {
  await api('POST', 'logout').catch(() => {});
  showLogin();
}

async function refresh() {
  clearTimeout(timer);
  try {
    const [overview, checkpoints, backends] = await Promise.all([
      api('GET', 'overview'), api('GET', 'checkpoints'), api('GET', 'backends')]);
    drawChannels(overview.states, overview.channels);
    drawChart(overview.activity);
    drawImports(overview.imports);
    drawFailed(overview.failed);
    drawCheckpoints(checkpoints);
    await drawBackends(backends);
    $('#updated').textContent = 'Updated ' + overview.at.replace('T', ' ') + ' UTC';
    showError(null);
  } catch (e) {
    if (!me) return;
    showError('Cannot refresh: ' + e.message);
  }
  if (me) timer = setTimeout(refresh, REFRESH_MS);
}

function drawChannels(states, channels) {
  const head = $('#channels thead tr');
  head.replaceChildren(el('th', {}, 'Channel'), ...states.map(s => el('th', {class: 'number'}, s)));
  const totals = Object.fromEntries(states.map(s => [s, 0]));
  const rows = Object.entries(channels).map(([channel, counts]) => el('tr', {'data-channel': channel},
    el('td', {}, channel),
    ...states.map(state => {
      totals[state] += counts[state];
      return cell(state, counts[state]);
    })));
  $('#channels tbody').replaceChildren(...rows);
  $('#totals').replaceChildren(el('th', {}, 'All'), ...states.map(state => cell(state, totals[state])));
}

function cell(state, count) {
  return el('td', {class: 'number state-' + state + (count === 0 ? ' zero' : ''), 'data-state': state}, count);
}

function drawChart(minutes) {
  const width = 600, height = 160, left = 30, bottom = 16, top = 6;
  const max = Math.max(1, ...minutes.map(m => m.done + m.failed));
  const slot = (width - left) / minutes.length;
  const scale = (height - bottom - top) / max;
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  svg.setAttribute('preserveAspectRatio', 'none');
  const line = (y) => {
    const l = document.createElementNS(SVG, 'line');
    l.setAttribute('x1', left); l.setAttribute('x2', width); l.setAttribute('y1', y); l.setAttribute('y2', y);
    svg.append(l);
  };
  const text = (x, y, value, anchor) => {
    const t = document.createElementNS(SVG, 'text');
    t.setAttribute('x', x); t.setAttribute('y', y); t.setAttribute('text-anchor', anchor || 'start');
    t.textContent = value;
    svg.append(t);
  };
  line(height - bottom);
  line(top);
  text(left - 4, top + 8, max, 'end');
  text(left - 4, height - bottom, 0, 'end');
  text(left, height - 3, '-60 min');
  text(width, height - 3, 'now', 'end');
  let done = 0, failed = 0;
  minutes.forEach((m, i) => {
    done += m.done;
    failed += m.failed;
    const x = left + i * slot + 1;
    const bar = (cls, value, base) => {
      if (!value) return;
      const r = document.createElementNS(SVG, 'rect');
      r.setAttribute('class', cls);
      r.setAttribute('x', x); r.setAttribute('width', Math.max(1, slot - 2));
      r.setAttribute('y', height - bottom - (base + value) * scale); r.setAttribute('height', value * scale);
      const tip = document.createElementNS(SVG, 'title');
      tip.textContent = `${m.minute.replace('T', ' ')} UTC: ${m.done} done, ${m.failed} failed`;
      r.append(tip);
      svg.append(r);
    };
    bar('done', m.done, 0);
    bar('failed', m.failed, m.done);
  });
  $('#chart').replaceChildren(svg);
  $('#chart-totals').textContent = `${done} done, ${failed} failed in the hour`;
}

function drawImports(imports) {
  $('#imports-empty').hidden = imports.length > 0;
  $('#imports').replaceChildren(...imports.map(i => {
    const ended = i.done + i.failed + i.cancelled;
    const bar = el('progress', {max: Math.max(1, ended + i.to_go), value: ended});
    return el('div', {class: 'import', 'data-backend': i.backend},
      el('div', {}, el('strong', {}, i.backend), ' ', i.description,
        el('span', {class: 'muted'}, ' since ' + i.started_at.replace('T', ' ').substring(0, 19) + ' UTC')),
      bar,
      el('div', {class: i.failed ? 'problem' : 'muted'}, (i.finished ? 'Finished: ' : '') + i.progress));
  }));
}

function drawFailed(jobs) {
  $('#failed-empty').hidden = jobs.length > 0;
  $('#failed').hidden = jobs.length === 0;
  $('#failed-count').textContent = jobs.length ? jobs.length : '';
  const rows = [];
  for (const job of jobs) {
    const actions = el('td', {class: 'actions'},
      el('button', {type: 'button', class: 'secondary details', onclick: () => toggleDetail(job.uuid)}, 'Details'));
    if (me && me.may_manage) {
      actions.append(el('button', {type: 'button', class: 'retry', 'data-uuid': job.uuid,
        onclick: (e) => act(e.target, 'POST', 'jobs/' + job.uuid + '/retry')}, 'Retry'));
    }
    rows.push(el('tr', {'data-uuid': job.uuid},
      el('td', {}, (job.ended_at || '').replace('T', ' ').substring(0, 19)),
      el('td', {}, job.function),
      el('td', {}, job.backend || ''),
      el('td', {}, job.description || ''),
      el('td', {class: 'error'}, job.error_message || job.error_class || ''),
      actions));
    if (openDetail && openDetail.uuid === job.uuid) rows.push(openDetail.row);
  }
  $('#failed tbody').replaceChildren(...rows);
}

async function toggleDetail(uuid) {
  if (openDetail && openDetail.uuid === uuid) {
    openDetail = null;
  } else {
    try {
      const job = await api('GET', 'jobs/' + encodeURIComponent(uuid));
      const history = job.history.map(h => `${h.at.replace('T', ' ')}  ${h.state}${h.worker ? ' on ' + h.worker : ''}${h.note ? ': ' + h.note : ''}`);
      openDetail = {uuid, row: el('tr', {class: 'detail', 'data-detail': uuid}, el('td', {colSpan: 6},
        el('div', {class: 'muted'}, 'Job ' + uuid + ', arguments ' + JSON.stringify(job.args)),
        el('pre', {}, history.join('\n') + '\n\n' + (job.error_trace || '')))) };
    } catch (e) {
      showError(e.message);
      return;
    }
  }
  refresh();
}

function drawCheckpoints(checkpoints) {
  $('#checkpoints-empty').hidden = checkpoints.length > 0;
  $('#checkpoints').hidden = checkpoints.length === 0;
  $('#checkpoints-count').textContent = checkpoints.length ? checkpoints.length : '';
  $('#checkpoints tbody').replaceChildren(...checkpoints.map(c => el('tr', {'data-checkpoint': c.id},
    el('td', {}, c.id), el('td', {}, c.backend || c.backend_id), el('td', {}, c.model), el('td', {}, c.record_id == null ? '' : c.record_id),
    el('td', {}, c.message), el('td', {}, String(c.create_date || '').replace('T', ' ').substring(0, 19)),
    el('td', {class: 'actions'}, me && me.may_manage ? el('button', {type: 'button', class: 'review',
      onclick: (e) => act(e.target, 'POST', 'checkpoints/' + c.id + '/review')}, 'Reviewed') : ''))));
}

const offeredImports = new Map();
const chosenImports = new Map(); // kept across refreshes, which rebuild the table

async function drawBackends(backends) {
  $('#backends-empty').hidden = backends.length > 0;
  $('#backends').hidden = backends.length === 0;
  const rows = [];
  for (const b of backends) {
    const actions = el('td', {class: 'actions'});
    if (me && me.may_manage && b.status === 'ok') {
      if (!offeredImports.has(b.name)) {
        offeredImports.set(b.name, await api('GET', 'backends/' + encodeURIComponent(b.name) + '/imports').catch(() => []));
      }
      const offered = offeredImports.get(b.name);
      if (offered.length) {
        const select = el('select', {class: 'import-name', title: 'Import to start'},
          ...offered.map(o => el('option', {value: o.name, title: o.description}, o.name)));
        if (chosenImports.has(b.name)) select.value = chosenImports.get(b.name);
        select.addEventListener('change', () => chosenImports.set(b.name, select.value));
        actions.append(select, el('button', {type: 'button', class: 'start-import', 'data-backend': b.name,
          onclick: (e) => act(e.target, 'POST', 'backends/' + encodeURIComponent(b.name) + '/imports/'
            + encodeURIComponent(select.value), {})}, 'Start import'));
      }
    }
    rows.push(el('tr', {'data-backend': b.name},
      el('td', {}, b.name), el('td', {}, b.backend || ''), el('td', {}, b.location),
      el('td', {class: b.status === 'ok' ? '' : 'problem'}, b.status), actions));
  }
  $('#backends tbody').replaceChildren(...rows);
}

async function act(button, method, path, body) {
  button.disabled = true;
  try {
    await api(method, path, body);
    showError(null);
  } catch (e) {
    showError(e.message);
  }
  refresh();
}

document.addEventListener('DOMContentLoaded', async () => {
  $('#login-form').addEventListener('submit', login);
  $('#logout').addEventListener('click', logout);
  try {
    showConsole(await api('GET', 'me'));
  } catch (e) {
    showLogin();
  }
});

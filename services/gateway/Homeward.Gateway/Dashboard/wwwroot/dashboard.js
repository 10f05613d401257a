'use strict';

// Staff sign in with the authorization code flow and PKCE (client "dashboard"), as in the Swagger UI; the token is
// kept for this tab only. Every figure comes from the gateway's KPI composition, which applies the caller's scopes
// and division.
const clientId = 'dashboard';
const scopes = 'registry.read jobmatching.read subsidy.read training.read';
const redirectUri = `${location.origin}/dashboard/`;
const tokenKey = 'homeward.dashboard.token';
const pendingKey = 'homeward.dashboard.pending';
const svgNs = 'http://www.w3.org/2000/svg';

const statusNames = {
  seekingWork: 'Seeking work', employedLocally: 'Employed locally', employedElsewhere: 'Employed elsewhere',
  selfEmployed: 'Self-employed', inTraining: 'In training', notInLabourForce: 'Not in the labor force',
};

const educationNames = {
  none: 'No schooling', primary: 'Primary', juniorHigh: 'Junior high', seniorHigh: 'Senior high',
  secondaryVocational: 'Secondary vocational', juniorCollege: 'Junior college', bachelor: 'Bachelor', postgraduate: 'Postgraduate',
};

const $ = (id) => document.getElementById(id);

function base64Url(bytes) {
  return btoa(String.fromCharCode(...new Uint8Array(bytes))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

async function startSignIn() {
  const verifier = base64Url(crypto.getRandomValues(new Uint8Array(32)));
  const state = base64Url(crypto.getRandomValues(new Uint8Array(16)));
  const challenge = base64Url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  sessionStorage.setItem(pendingKey, JSON.stringify({ verifier, state, search: location.search }));
  const query = new URLSearchParams({
    response_type: 'code', client_id: clientId, redirect_uri: redirectUri, scope: scopes, state,
    code_challenge: challenge, code_challenge_method: 'S256',
  });
  location.assign(`/connect/authorize?${query}`);
}

// Back from the sign-in: exchanges the code for a token, then restores the filters the page had before.
async function finishSignIn(params) {
  const pending = JSON.parse(sessionStorage.getItem(pendingKey) ?? 'null');
  sessionStorage.removeItem(pendingKey);
  if (!pending || pending.state !== params.get('state')) {
    throw new Error('The sign-in answer does not belong to this page; sign in again.');
  }
  const response = await fetch('/connect/token', {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code', code: params.get('code'), redirect_uri: redirectUri,
      client_id: clientId, code_verifier: pending.verifier,
    }),
  });
  if (!response.ok) {
    throw new Error(`The sign-in failed (${response.status}).`);
  }
  sessionStorage.setItem(tokenKey, (await response.json()).access_token);
  history.replaceState(null, '', `/dashboard/${pending.search ?? ''}`);
}

class SignInNeeded extends Error {}

async function composedKpis(query) {
  const token = sessionStorage.getItem(tokenKey);
  if (!token) {
    throw new SignInNeeded();
  }
  const response = await fetch(`/api/gateway/v1/kpis?${query}`, { headers: { Authorization: `Bearer ${token}` } });
  if (response.status === 401) {
    sessionStorage.removeItem(tokenKey);
    throw new SignInNeeded();
  }
  const body = await response.json();
  if (!response.ok) {
    throw new Error(body.detail ?? body.title ?? `The figures could not be read (${response.status}).`);
  }
  return body;
}

const number = new Intl.NumberFormat('zh-CN');
const formats = {
  count: (v) => (v == null ? '—' : number.format(v)),
  rate: (v) => (v == null ? '—' : `${(v * 100).toFixed(1)}%`),
  yuan: (v) => (v == null ? '—' : `¥${number.format(Math.round(v))}`),
  days: (v) => (v == null ? '—' : `${number.format(v)} d`),
};

function element(tag, attributes = {}, text) {
  const node = tag.startsWith('svg:') ? document.createElementNS(svgNs, tag.slice(4)) : document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    node.setAttribute(name, value);
  }
  if (text !== undefined) {
    node.textContent = text;
  }
  return node;
}

function tile(kpi, label, value, format) {
  const box = element('div', { class: 'tile' });
  box.append(element('div', { class: 'value', 'data-kpi': kpi }, formats[format](value)), element('div', { class: 'label' }, label));
  return box;
}

function none(container, text = 'No figures for this part.') {
  container.replaceChildren(element('p', { class: 'none' }, text));
}

// Horizontal bars, one row an item: [{ label, value, kpi, second }].
function bars(container, items, format = 'count') {
  if (!items.length) {
    none(container);
    return;
  }
  const row = 26;
  const labelWidth = 150;
  const width = 380;
  const max = Math.max(1, ...items.map((i) => i.value ?? 0));
  const svg = element('svg:svg', { viewBox: `0 0 ${width} ${items.length * row + 4}`, role: 'img' });
  items.forEach((item, index) => {
    const y = index * row + 4;
    const length = ((item.value ?? 0) / max) * (width - labelWidth - 60);
    svg.append(
      element('svg:text', { x: 0, y: y + 15 }, item.label),
      element('svg:rect', { class: `bar${item.second ? ' second' : ''}`, x: labelWidth, y, width: Math.max(length, 1), height: row - 8, rx: 3 }),
      element('svg:text', { x: labelWidth + length + 6, y: y + 15, 'data-kpi': item.kpi ?? '' }, formats[format](item.value)));
  });
  container.replaceChildren(svg);
}

// Vertical grouped bars by month: [{ label, values: [a, b] }].
function groupedColumns(container, groups, seriesNames) {
  const width = 720;
  const height = 180;
  const bottom = 24;
  const max = Math.max(1, ...groups.flatMap((g) => g.values.map((v) => v ?? 0)));
  const slot = width / groups.length;
  const column = Math.min(28, slot / 3);
  const svg = element('svg:svg', { viewBox: `0 0 ${width} ${height}`, role: 'img' });
  svg.append(element('svg:line', { class: 'axis', x1: 0, x2: width, y1: height - bottom, y2: height - bottom }));
  groups.forEach((group, index) => {
    const x = index * slot + slot / 2 - column;
    group.values.forEach((value, series) => {
      const h = ((value ?? 0) / max) * (height - bottom - 24);
      const left = x + series * column;
      svg.append(
        element('svg:rect', { class: `bar${series ? ' second' : ''}`, x: left, y: height - bottom - h, width: column - 2, height: Math.max(h, 1), rx: 2 }),
        element('svg:text', { x: left, y: height - bottom - h - 4 }, value == null ? '—' : number.format(value)));
    });
    svg.append(element('svg:text', { x: index * slot + slot / 2 - 22, y: height - 6 }, group.label));
  });
  const legend = element('div', { class: 'legend' });
  seriesNames.forEach((name, series) => {
    const entry = element('span');
    entry.append(element('i', { class: series ? 'second' : '' }), name);
    legend.append(entry);
  });
  container.replaceChildren(svg, legend);
}

// Numbers of a part the page has no dedicated chart for, so that no figure a service reports is hidden.
function figures(container, part, prefix) {
  const items = [];
  const walk = (value, path) => {
    if (typeof value === 'number') {
      items.push({ label: path.join(' · '), value, kpi: `${prefix}.${path.join('.')}` });
    } else if (value && typeof value === 'object' && !Array.isArray(value)) {
      Object.entries(value).forEach(([key, inner]) => walk(inner, [...path, key]));
    }
  };
  walk(part, []);
  bars(container, items.slice(0, 12));
}

function render(answer) {
  const registry = answer.parts.registry;
  const matching = answer.parts['job-matching'];
  const subsidy = answer.parts.subsidy;
  const training = answer.parts.training;

  const headline = $('headline');
  headline.replaceChildren();
  if (registry) {
    headline.append(
      tile('registry.registered.total', 'Workers on record', registry.registered.total, 'count'),
      tile('registry.registered.inPeriod', 'Registered in the period', registry.registered.inPeriod, 'count'),
      tile('registry.certificates.withoutShare', 'Without a skill certificate', registry.certificates.withoutShare, 'rate'),
      tile('registry.accuracy.rate', 'Record accuracy', registry.accuracy.rate, 'rate'));
  }
  if (matching) {
    headline.append(
      tile('job-matching.workersRecommended', 'Workers recommended a job', matching.workersRecommended, 'count'),
      tile('job-matching.employmentRate', 'Employed among recommended', matching.employmentRate, 'rate'),
      tile('job-matching.placements.localShare', 'Placed locally', matching.placements.localShare, 'rate'),
      tile('job-matching.placements.meanMonthlyWage', 'Mean monthly wage', matching.placements.meanMonthlyWage, 'yuan'));
  }

  if (matching) {
    bars($('placement-funnel'), [
      { label: 'Recommended', value: matching.workersRecommended, kpi: 'job-matching.funnel.recommended' },
      { label: 'Placed among them', value: matching.workersPlacedAmongRecommended, kpi: 'job-matching.funnel.placed', second: true },
    ]);
    bars($('local-cross'), [
      { label: 'Local', value: matching.placements.local, kpi: 'job-matching.placements.local' },
      { label: 'Cross-region', value: matching.placements.crossRegion, kpi: 'job-matching.placements.crossRegion', second: true },
    ]);
  } else {
    none($('placement-funnel'), 'Job matching did not answer.');
    none($('local-cross'), 'Job matching did not answer.');
  }

  if (registry) {
    bars($('by-status'), Object.entries(registry.byStatus).map(([status, value]) =>
      ({ label: statusNames[status] ?? status, value, kpi: `registry.byStatus.${status}` })));
    bars($('education'), Object.entries(registry.education.byLevel).map(([level, value]) =>
      ({ label: educationNames[level] ?? level, value, kpi: `registry.education.byLevel.${level}` })));
  } else {
    none($('by-status'), 'The registry did not answer.');
    none($('education'), 'The registry did not answer.');
  }

  if (subsidy?.registeredWorkers !== undefined) {
    headline.append(
      tile('subsidy.disbursedSum', 'Subsidies paid out', subsidy.disbursedSum, 'yuan'),
      tile('subsidy.businessesPaid', 'Businesses paid', subsidy.businessesPaid, 'count'),
      tile('subsidy.loansSum', 'Guaranteed loans', subsidy.loansSum, 'yuan'),
      tile('subsidy.jobsDriven', 'Jobs the loans drive', subsidy.jobsDriven, 'count'),
      tile('subsidy.medianHoursToDecision', 'Median hours to a decision', subsidy.medianHoursToDecision, 'count'));
    bars($('policy-funnel'), [
      { label: 'Registered workers', value: subsidy.registeredWorkers, kpi: 'subsidy.registeredWorkers' },
      { label: 'Told of a policy', value: subsidy.workersAware, kpi: 'subsidy.workersAware', second: true },
      { label: 'Benefiting', value: subsidy.workersBenefiting, kpi: 'subsidy.workersBenefiting' },
      { label: 'Decisions made', value: subsidy.applicationsDecided, kpi: 'subsidy.applicationsDecided', second: true },
      { label: 'Payments', value: subsidy.disbursements, kpi: 'subsidy.disbursements' },
      { label: 'Overdue applications', value: subsidy.overdueApplications, kpi: 'subsidy.overdueApplications', second: true },
    ]);
  } else if (subsidy) {
    figures($('policy-funnel'), subsidy, 'subsidy');
  } else {
    none($('policy-funnel'), 'Subsidy did not answer.');
  }

  if (training?.outcomes) {
    headline.append(
      tile('training.sessionsHeld', 'Training sessions held', training.sessionsHeld, 'count'),
      tile('training.enrollments', 'Trainees (person-times)', training.enrollments, 'count'),
      tile('training.outcomes.completionRate', 'Trainees completing', training.outcomes.completionRate, 'rate'),
      tile('training.outcomes.employmentRate', 'Employed after training', training.outcomes.employmentRate, 'rate'));
    const outcomes = training.outcomes;
    bars($('training'), [
      { label: 'Seated', value: outcomes.seated, kpi: 'training.outcomes.seated' },
      { label: 'Completed', value: outcomes.completed, kpi: 'training.outcomes.completed', second: true },
      { label: 'Certified', value: outcomes.certified, kpi: 'training.outcomes.certified' },
      { label: 'Employed after', value: outcomes.employed, kpi: 'training.outcomes.employed', second: true },
      { label: 'Employed in the trade', value: outcomes.employedInTrade, kpi: 'training.outcomes.employedInTrade' },
    ]);
  } else if (training) {
    figures($('training'), training, 'training');
  } else {
    none($('training'), 'Training did not answer.');
  }

  const missing = $('missing');
  missing.hidden = answer.missing.length === 0;
  missing.replaceChildren(element('strong', {}, 'Not in this view: '));
  answer.missing.forEach((part, index) =>
    missing.append(`${index ? ' · ' : ''}${part.service}: ${part.reason}`));
}

function isoDate(date) {
  return date.toISOString().slice(0, 10);
}

async function renderTrend(to) {
  const months = [];
  const end = to ? new Date(`${to}T00:00:00Z`) : new Date();
  for (let back = 5; back >= 0; back -= 1) {
    const first = new Date(Date.UTC(end.getUTCFullYear(), end.getUTCMonth() - back, 1));
    const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0));
    months.push({ label: isoDate(first).slice(0, 7), from: isoDate(first), to: isoDate(last) });
  }
  const division = $('division').value.trim();
  const answers = await Promise.all(months.map((month) =>
    composedKpis(new URLSearchParams({ ...(division ? { division } : {}), from: month.from, to: month.to }))));
  groupedColumns($('trend'), months.map((month, index) => ({
    label: month.label,
    values: [answers[index].parts.registry?.registered.inPeriod, answers[index].parts['job-matching']?.placements.total],
  })), ['Registered', 'Placed']);
}

async function show() {
  const params = new URLSearchParams(location.search);
  const query = new URLSearchParams();
  for (const name of ['division', 'from', 'to']) {
    const value = params.get(name);
    $(name).value = value ?? '';
    if (value) {
      query.set(name, value);
    }
  }
  $('status').textContent = 'Gathering the figures…';
  const answer = await composedKpis(query);
  render(answer);
  $('board').hidden = false;
  await renderTrend(params.get('to'));
  const where = answer.division ?? 'your division';
  $('status').textContent = `Figures for ${where}${answer.complete ? '' : ' (partial: see below)'}, as of ${new Date().toLocaleString('zh-CN')}.`;
  document.body.dataset.ready = 'true';
}

async function main() {
  $('filters').addEventListener('submit', (event) => {
    event.preventDefault();
    const query = new URLSearchParams();
    for (const name of ['division', 'from', 'to']) {
      if ($(name).value) {
        query.set(name, $(name).value);
      }
    }
    location.assign(`/dashboard/?${query}`);
  });
  $('sign-out').addEventListener('click', () => {
    sessionStorage.removeItem(tokenKey);
    location.assign('/dashboard/');
  });
  try {
    const params = new URLSearchParams(location.search);
    if (params.has('code')) {
      await finishSignIn(params);
    }
    await show();
  } catch (error) {
    if (error instanceof SignInNeeded) {
      await startSignIn();
      return;
    }
    $('status').textContent = error.message;
    document.body.dataset.ready = 'error';
  }
}

main();

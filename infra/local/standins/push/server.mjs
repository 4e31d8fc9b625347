// Push stand-in for Expo's push API: POST /--/api/v2/push/send (≤ 100 messages a request, one ticket each,
// DeviceNotRegistered for tokens marked unregistered), POST /--/api/v2/push/getReceipts, a per-second limit per
// access token answering 429, and an outage switch answering 503 — all configurable through /_admin. Received
// notifications are kept in memory for tests. See README.md in this folder.
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';

const port = Number(process.env.WORKERS_PUSH_PORT ?? 4590);
const defaultToken = process.env.WORKERS_PUSH_ACCESS_TOKEN ?? 'local-push-token';
const defaults = {
  perSecond: Number(process.env.WORKERS_PUSH_PER_SECOND ?? 600), // Expo: about 600 notifications/s per project
  maxBatch: Number(process.env.WORKERS_PUSH_MAX_BATCH ?? 100), // Expo: at most 100 messages per request
};
const maxKept = Number(process.env.WORKERS_PUSH_MAX_KEPT ?? 100000);

// One project per access token: its limits, its outage switch, the notifications counted in the last second.
const projects = new Map();
const project = (token) => {
  if (!projects.has(token)) projects.set(token, { ...defaults, outageUntil: 0, outageStatus: 503, sent: [] });
  return projects.get(token);
};
project(defaultToken);

const messages = [];
const requests = [];
const receipts = new Map();
const unregistered = new Set();
// Tokens Expo accepts ("ok" ticket) but cannot deliver to: their receipts carry this error (a device uninstalled
// the app since its last send shows up in the receipt, not the ticket).
const undeliverable = new Map();

const expoError = (code, message) => ({ errors: [{ code, message }] });

const keep = (list, entry) => {
  list.push(entry);
  if (list.length > maxKept) list.shift();
};

function pushSend(req, body) {
  const token = (req.headers.authorization ?? '').replace(/^Bearer\s+/i, '');
  if (!projects.has(token)) return [401, expoError('UNAUTHORIZED', 'The bearer token is invalid.')];
  const p = project(token);
  const now = Date.now();
  if (now < p.outageUntil) {
    return [p.outageStatus, expoError('INTERNAL_SERVER_ERROR', 'The service is unavailable.'), { 'retry-after': String(Math.ceil((p.outageUntil - now) / 1000)) }];
  }
  const list = Array.isArray(body) ? body : [body];
  const tokens = list.map((m) => m?.to);
  const record = { at: new Date(now).toISOString(), accessToken: token, count: list.length, tokens, status: 200 };
  if (list.length > p.maxBatch) {
    keep(requests, { ...record, status: 400 });
    return [400, expoError('PUSH_TOO_MANY_NOTIFICATIONS', `You are trying to send more than ${p.maxBatch} push notifications in one request.`)];
  }
  if (tokens.some((t) => typeof t !== 'string')) {
    keep(requests, { ...record, status: 400 });
    return [400, expoError('VALIDATION_ERROR', '"to" must be a push token string.')];
  }
  p.sent = p.sent.filter((t) => now - t < 1000);
  if (p.sent.length + list.length > p.perSecond) {
    keep(requests, { ...record, status: 429 });
    return [429, expoError('TOO_MANY_REQUESTS', `The project exceeded ${p.perSecond} notifications per second.`), { 'retry-after': '1' }];
  }
  for (let i = 0; i < list.length; i++) p.sent.push(now);
  keep(requests, record);
  const data = list.map((message) => {
    if (!/^(Exponent|Expo)PushToken\[.+\]$/.test(message.to) || unregistered.has(message.to)) {
      return {
        status: 'error',
        message: `"${message.to}" is not a registered push notification recipient`,
        details: { error: 'DeviceNotRegistered', expoPushToken: message.to },
      };
    }
    const id = randomUUID();
    const error = undeliverable.get(message.to);
    receipts.set(id, error
      ? { status: 'error', message: `"${message.to}" is not a registered push notification recipient`, details: { error } }
      : { status: 'ok' });
    while (receipts.size > maxKept) receipts.delete(receipts.keys().next().value);
    keep(messages, { id, receivedAt: record.at, accessToken: token, ...message });
    return { status: 'ok', id };
  });
  return [200, { data }];
}

function getReceipts(_req, body) {
  const ids = Array.isArray(body?.ids) ? body.ids : [];
  if (ids.length > 1000) return [400, expoError('VALIDATION_ERROR', 'At most 1000 receipt ids per request.')];
  return [200, { data: Object.fromEntries(ids.filter((id) => receipts.has(id)).map((id) => [id, receipts.get(id)])) }];
}

const byPrefix = (list, url, field) => {
  const prefix = url.searchParams.get('prefix');
  return prefix ? list.filter(field(prefix)) : list;
};

const routes = {
  'POST /--/api/v2/push/send': pushSend,
  'POST /--/api/v2/push/getReceipts': getReceipts,
  'GET /_admin/health': () => [200, { ok: true, messages: messages.length }],
  'GET /_admin/messages': (_req, _body, url) => [200, { messages: byPrefix(messages, url, (p) => (m) => m.to.startsWith(p)) }],
  'GET /_admin/requests': (_req, _body, url) => [200, { requests: byPrefix(requests, url, (p) => (r) => r.tokens.some((t) => typeof t === 'string' && t.startsWith(p))) }],
  'DELETE /_admin/messages': () => {
    messages.length = 0;
    requests.length = 0;
    return [200, {}];
  },
  'POST /_admin/unregistered': (_req, body) => {
    for (const token of body.tokens ?? []) unregistered.add(token);
    return [200, { unregistered: unregistered.size }];
  },
  // {tokens, error}: sends to these tokens get an "ok" ticket, but their receipts the error (DeviceNotRegistered).
  'POST /_admin/undeliverable': (_req, body) => {
    for (const token of body.tokens ?? []) undeliverable.set(token, body.error ?? 'DeviceNotRegistered');
    return [200, { undeliverable: undeliverable.size }];
  },
  // Registers an access token (a project) or changes its limits: {accessToken, perSecond, maxBatch}.
  'POST /_admin/projects': (_req, body) => {
    const p = project(body.accessToken ?? defaultToken);
    if (body.perSecond !== undefined) p.perSecond = Number(body.perSecond);
    if (body.maxBatch !== undefined) p.maxBatch = Number(body.maxBatch);
    return [200, { accessToken: body.accessToken ?? defaultToken, perSecond: p.perSecond, maxBatch: p.maxBatch }];
  },
  // {accessToken, seconds, status}: answer status (503) to that project's sends for seconds; seconds 0 ends it.
  'POST /_admin/outage': (_req, body) => {
    const p = project(body.accessToken ?? defaultToken);
    p.outageUntil = Date.now() + Number(body.seconds ?? 0) * 1000;
    p.outageStatus = Number(body.status ?? 503);
    return [200, { until: new Date(p.outageUntil).toISOString() }];
  },
};

const server = createServer(async (req, res) => {
  const url = new URL(req.url, 'http://localhost');
  const route = routes[`${req.method} ${url.pathname}`];
  let status = 404, body = expoError('NOT_FOUND', `no route ${req.method} ${url.pathname}`), headers = {};
  if (route) {
    try {
      let text = '';
      for await (const chunk of req) text += chunk;
      [status, body, headers = {}] = route(req, text ? JSON.parse(text) : {}, url);
    } catch (error) {
      [status, body] = [400, expoError('VALIDATION_ERROR', error.message)];
    }
  }
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
});

server.keepAliveTimeout = 65000;
server.listen(port, '127.0.0.1');
console.log(`push stand-in: Expo push API on http://127.0.0.1:${port}`);

process.on('SIGTERM', () => {
  server.close(() => process.exit(0));
  server.closeAllConnections();
  setTimeout(() => process.exit(0), 500).unref();
});

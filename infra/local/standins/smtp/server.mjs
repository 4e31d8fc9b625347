// SMTP stand-in for Amazon SES's SMTP interface: STARTTLS with a self-signed certificate (written to
// $STANDIN_STATE/smtp-cert.pem for the worker to trust), AUTH PLAIN/LOGIN required, and the answers SES gives
// when it throttles (454) or refuses (5xx) — on command, through an HTTP admin API. Received mails are kept in
// memory for tests. See README.md in this folder.
import { X509Certificate } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';
import { simpleParser } from 'mailparser';
import selfsigned from 'selfsigned';

const smtpPort = Number(process.env.WORKERS_SMTP_PORT ?? 4587);
const adminPort = Number(process.env.WORKERS_SMTP_ADMIN_PORT ?? 4588);
const stateDir = process.env.STANDIN_STATE ?? '.';
const username = process.env.WORKERS_SMTP_USERNAME ?? 'workers';
const password = process.env.WORKERS_SMTP_PASSWORD ?? 'workers';
const maxKept = Number(process.env.WORKERS_SMTP_MAX_KEPT ?? 100000);

const messages = [];
const refusals = [];
let rules = [];
let nextId = 1;

// A rule matches a recipient when it names no recipients, names this address, or names "@its.domain".
const matches = (rule, address) => {
  if (rule.until !== null && Date.now() >= rule.until) return false;
  if (!rule.recipients) return true;
  const lower = address.toLowerCase();
  return rule.recipients.some((r) => (r.startsWith('@') ? lower.endsWith(r) : lower === r));
};

const refusal = (phase, addresses) => {
  const rule = rules.find((r) => r.phase === phase && addresses.some((a) => matches(r, a)));
  if (!rule) return null;
  refusals.push({ at: new Date().toISOString(), phase, recipients: addresses, code: rule.code, message: rule.message });
  if (refusals.length > maxKept) refusals.shift();
  const error = new Error(rule.message);
  error.responseCode = rule.code;
  return error;
};

// The certificate and key are kept in the state directory and reused: a worker that loaded the certificate to
// trust keeps trusting the stand-in across `stack.sh restart-standins`.
const certFile = join(stateDir, 'smtp-cert.pem');
const keyFile = join(stateDir, 'smtp-key.pem');
const stillValid = (pem) => new Date(new X509Certificate(pem).validTo) > new Date(Date.now() + 86400000);
const kept = existsSync(certFile) && existsSync(keyFile) ? readFileSync(certFile, 'utf8') : null;
const pems = kept && stillValid(kept)
  ? { cert: kept, private: readFileSync(keyFile, 'utf8') }
  : await selfsigned.generate([{ name: 'commonName', value: 'localhost' }], {
    keySize: 2048,
    algorithm: 'sha256',
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames: [{ type: 2, value: 'localhost' }, { type: 7, ip: '127.0.0.1' }] },
    ],
  });
writeFileSync(keyFile, pems.private, { mode: 0o600 });
writeFileSync(certFile, pems.cert);

const smtp = new SMTPServer({
  name: 'smtp-standin.local',
  banner: 'Workers SMTP stand-in (SES-like)',
  key: pems.private,
  cert: pems.cert,
  secure: false, // STARTTLS on a plain port, as SES's 587
  authMethods: ['PLAIN', 'LOGIN'],
  allowInsecureAuth: false, // AUTH only after STARTTLS, as SES
  size: 10 * 1024 * 1024, // SES's limit for a message
  logger: false,
  disabledCommands: [],
  onAuth(auth, _session, callback) {
    if (auth.username === username && auth.password === password) return callback(null, { user: auth.username });
    const error = new Error('Authentication Credentials Invalid');
    error.responseCode = 535;
    return callback(error);
  },
  onRcptTo(address, _session, callback) {
    callback(refusal('rcpt', [address.address]));
  },
  onData(stream, session, callback) {
    const recipients = session.envelope.rcptTo.map((r) => r.address);
    simpleParser(stream, { skipImageLinks: true, skipTextToHtml: true })
      .then((mail) => {
        const refused = refusal('data', recipients);
        if (refused) return callback(refused);
        const id = nextId++;
        messages.push({
          id,
          receivedAt: new Date().toISOString(),
          envelope: { from: session.envelope.mailFrom ? session.envelope.mailFrom.address : null, to: recipients },
          user: session.user,
          secure: session.secure,
          messageId: mail.messageId ?? null,
          subject: mail.subject ?? null,
          from: mail.from?.text ?? null,
          to: mail.to?.text ?? null,
          replyTo: mail.replyTo?.text ?? null,
          headers: Object.fromEntries(mail.headerLines.map((h) => [h.key, h.line.slice(h.line.indexOf(':') + 1).trim()])),
          text: mail.text ?? null,
          html: typeof mail.html === 'string' ? mail.html : null,
        });
        if (messages.length > maxKept) messages.shift();
        callback(null, `Ok ${id}`);
      })
      .catch((error) => callback(error));
  },
});
smtp.on('error', (error) => console.error('smtp:', error.message));

const filterTo = (list, url) => {
  const to = url.searchParams.get('to')?.toLowerCase();
  if (!to) return list;
  const rule = { until: null, recipients: [to] };
  return list.filter((m) => (m.envelope?.to ?? m.recipients).some((a) => matches(rule, a)));
};

const readJson = async (req) => {
  let text = '';
  for await (const chunk of req) text += chunk;
  return text ? JSON.parse(text) : {};
};

const send = (res, status, body) => {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
};

const routes = {
  'GET /_admin/health': () => [200, { ok: true, messages: messages.length, rules: rules.length }],
  'GET /_admin/messages': (url) => [200, { messages: filterTo(messages, url) }],
  'DELETE /_admin/messages': (url) => {
    const gone = new Set(filterTo(messages, url));
    const kept = messages.filter((m) => !gone.has(m));
    messages.splice(0, messages.length, ...kept);
    return [200, { deleted: gone.size }];
  },
  'GET /_admin/refusals': (url) => [200, { refusals: filterTo(refusals, url) }],
  'GET /_admin/rules': () => [200, { rules }],
  'POST /_admin/rules': (_url, body) => {
    const code = Number(body.code ?? 454);
    if (!(code >= 400 && code < 600)) return [400, { error: 'code must be a 4xx or 5xx SMTP reply code' }];
    const phase = body.phase ?? 'rcpt';
    if (phase !== 'rcpt' && phase !== 'data') return [400, { error: "phase must be 'rcpt' or 'data'" }];
    const rule = {
      id: nextId++,
      code,
      message: body.message ?? (code < 500 ? 'Throttling failure: Maximum sending rate exceeded.' : 'Message rejected: Email address is not verified.'),
      recipients: Array.isArray(body.recipients) ? body.recipients.map((r) => String(r).toLowerCase()) : null,
      phase,
      until: body.seconds ? Date.now() + Number(body.seconds) * 1000 : null,
    };
    rules.push(rule);
    return [201, rule];
  },
  'DELETE /_admin/rules': (url) => {
    const id = Number(url.searchParams.get('id'));
    const before = rules.length;
    rules = id ? rules.filter((r) => r.id !== id) : [];
    return [200, { deleted: before - rules.length }];
  },
};

const admin = createServer(async (req, res) => {
  const url = new URL(req.url, 'http://localhost');
  const route = routes[`${req.method} ${url.pathname}`];
  if (!route) return send(res, 404, { error: `no route ${req.method} ${url.pathname}` });
  try {
    const [status, body] = route(url, req.method === 'POST' ? await readJson(req) : {});
    send(res, status, body);
  } catch (error) {
    send(res, 400, { error: error.message });
  }
});

smtp.listen(smtpPort, '127.0.0.1');
admin.listen(adminPort, '127.0.0.1');
console.log(`smtp stand-in: SMTP on 127.0.0.1:${smtpPort} (STARTTLS, AUTH), admin on http://127.0.0.1:${adminPort}`);

process.on('SIGTERM', () => {
  admin.close();
  smtp.close(() => process.exit(0));
  smtp.connections?.forEach?.((c) => c.close?.());
  setTimeout(() => process.exit(0), 500).unref();
});

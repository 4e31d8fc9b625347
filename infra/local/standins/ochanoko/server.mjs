// A stand-in for the Ochanoko shop API (see README.md beside this file): per-shop bearer tokens with scopes,
// orders (cancelled with POST /v1/orders/{id}/cancel) and products, PUT /v1/products refusing more than OCHANOKO_MAX_PUT_ITEMS items, a token bucket per shop
// answering 429 with Retry-After, and a switch that answers 503 for a while. Admin endpoints under /_admin/ seed
// shops and read back what was written. Node's own http module only: nothing to install.
import http from 'node:http';
import { appendFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';

const port = Number(process.env.WORKERS_OCHANOKO_PORT ?? 4580);
const maxPutItems = Number(process.env.OCHANOKO_MAX_PUT_ITEMS ?? 1000);
const maxListLimit = Number(process.env.OCHANOKO_MAX_LIST_LIMIT ?? 1000);
const defaultRate = Number(process.env.OCHANOKO_RATE_PER_SECOND ?? 1);
const defaultBurst = Number(process.env.OCHANOKO_BURST ?? 1);
const stateDir = process.env.STANDIN_STATE;
const writeLogFile = stateDir ? path.join(stateDir, 'ochanoko-writes.log') : null;
if (stateDir) mkdirSync(stateDir, { recursive: true });

const SCOPES = ['read_orders', 'write_orders', 'read_products', 'write_products'];
let shops = new Map();   // shop name → shop
let tokens = new Map();  // bearer token → { shop, scopes }
let globalOutageUntil = 0;

function newShop(name, { rate = defaultRate, burst = defaultBurst } = {}) {
  return {
    name, rate, burst, tokens: burst, refilledAt: performance.now(), outageUntil: 0, outageRetryAfter: null,
    products: new Map(), orders: new Map(), writes: [], cancellations: [],
    counters: { requests: 0, unauthorized: 0, forbidden: 0, rateLimited: 0, unavailable: 0, oversizeRefused: 0, puts: 0, itemsWritten: 0 },
  };
}

// The token bucket: `rate` tokens a second up to `burst`; a request takes one or waits Retry-After seconds.
function takeToken(shop) {
  const now = performance.now();
  shop.tokens = Math.min(shop.burst, shop.tokens + ((now - shop.refilledAt) / 1000) * shop.rate);
  shop.refilledAt = now;
  if (shop.tokens >= 1) {
    shop.tokens -= 1;
    return 0;
  }
  return (1 - shop.tokens) / shop.rate;
}

function send(res, status, body, headers = {}) {
  const text = body === undefined ? '' : JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(text);
}

async function readJson(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text) return {};
  try { return JSON.parse(text); } catch { return undefined; }
}

function authorize(req, res, scope) {
  const header = req.headers.authorization ?? '';
  const grant = header.startsWith('Bearer ') ? tokens.get(header.slice(7)) : undefined;
  const shop = grant && shops.get(grant.shop);
  if (!shop) {
    send(res, 401, { error: 'unauthorized', message: 'unknown or missing bearer token' });
    return null;
  }
  shop.counters.requests++;
  if (!grant.scopes.includes(scope)) {
    shop.counters.forbidden++;
    send(res, 403, { error: 'forbidden', message: `the token lacks the ${scope} scope` });
    return null;
  }
  const until = Math.max(shop.outageUntil, globalOutageUntil);
  if (Date.now() < until) {
    shop.counters.unavailable++;
    const headers = shop.outageRetryAfter ? { 'retry-after': String(shop.outageRetryAfter) } : {};
    send(res, 503, { error: 'unavailable', message: 'the service is temporarily unavailable' }, headers);
    return null;
  }
  const wait = takeToken(shop);
  if (wait > 0) {
    shop.counters.rateLimited++;
    send(res, 429, { error: 'rate_limited', message: `at most ${shop.rate} request(s)/s, burst ${shop.burst}` },
      { 'retry-after': String(Math.max(1, Math.ceil(wait))) });
    return null;
  }
  return shop;
}

function putProducts(shop, body, res) {
  if (!body || !Array.isArray(body.data)) return send(res, 400, { error: 'bad_request', message: 'expected {"data":[...]}' });
  if (body.data.length > maxPutItems) {
    shop.counters.oversizeRefused++;
    return send(res, 413, { error: 'too_many_items', message: `at most ${maxPutItems} items per request, got ${body.data.length}` });
  }
  const errors = [];
  let written = 0;
  for (const item of body.data) {
    const product = shop.products.get(String(item?.id));
    const value = (v) => Number.isInteger(v) && v >= 0;
    if (!product) { errors.push({ id: item?.id ?? null, message: 'product not found' }); continue; }
    if (item.stock === undefined && item.price === undefined) { errors.push({ id: item.id, message: 'neither stock nor price given' }); continue; }
    if ((item.stock !== undefined && !value(item.stock)) || (item.price !== undefined && !value(item.price))) {
      errors.push({ id: item.id, message: 'stock and price must be whole numbers >= 0' });
      continue;
    }
    if (item.stock !== undefined) product.stock = item.stock;
    if (item.price !== undefined) product.price = item.price;
    written++;
  }
  shop.counters.puts++;
  shop.counters.itemsWritten += written;
  const entry = { at: new Date().toISOString(), items: body.data.length, written, errors: errors.length };
  shop.writes.push(entry);
  if (writeLogFile) appendFileSync(writeLogFile, JSON.stringify({ shop: shop.name, ...entry }) + '\n');
  send(res, 200, { data: { updated: written }, errors });
}

// Cancels an order with its payment. Idempotent: a cancelled order answers 200 again. A paid order is refused
// (409): the platform took the money, so only a refund can undo it. Every accepted call is logged.
function cancelOrder(shop, id, res) {
  const order = shop.orders.get(id);
  if (!order) return send(res, 404, { error: 'not_found', message: 'order not found' });
  if (order.paid && !order.cancelled) {
    return send(res, 409, { error: 'conflict', message: `order ${id} is paid (at ${order.paid_at}); refund it instead of cancelling` });
  }
  const already = Boolean(order.cancelled);
  order.cancelled = true;
  order.cancelled_at ??= new Date().toISOString();
  shop.cancellations.push({ id, at: new Date().toISOString(), already });
  send(res, 200, { data: order });
}

async function api(req, res, url) {
  const parts = url.pathname.split('/').filter(Boolean); // ['v1', 'products', id?]
  if (parts[1] === 'orders' && parts.length === 4 && parts[3] === 'cancel' && req.method === 'POST') {
    const shop = authorize(req, res, 'write_orders');
    if (!shop) return;
    return cancelOrder(shop, decodeURIComponent(parts[2]), res);
  }
  if (parts[1] === 'orders' && parts.length === 3 && req.method === 'GET') {
    const shop = authorize(req, res, 'read_orders');
    if (!shop) return;
    const order = shop.orders.get(decodeURIComponent(parts[2]));
    return order ? send(res, 200, { data: order }) : send(res, 404, { error: 'not_found', message: 'order not found' });
  }
  if (parts[1] === 'products' && parts.length === 3 && req.method === 'GET') {
    const shop = authorize(req, res, 'read_products');
    if (!shop) return;
    const product = shop.products.get(decodeURIComponent(parts[2]));
    return product ? send(res, 200, { data: product }) : send(res, 404, { error: 'not_found', message: 'product not found' });
  }
  if (parts[1] === 'products' && parts.length === 2 && req.method === 'GET') {
    const limit = Number(url.searchParams.get('limit') ?? 100);
    const offset = Number(url.searchParams.get('offset') ?? 0);
    if (!(limit >= 1 && limit <= maxListLimit) || !(offset >= 0)) {
      return send(res, 400, { error: 'bad_request', message: `limit must be 1..${maxListLimit}` });
    }
    const shop = authorize(req, res, 'read_products');
    if (!shop) return;
    const all = [...shop.products.values()];
    return send(res, 200, { data: all.slice(offset, offset + limit), total: all.length });
  }
  if (parts[1] === 'products' && parts.length === 2 && req.method === 'PUT') {
    const body = await readJson(req);
    const shop = authorize(req, res, 'write_products');
    if (!shop) return;
    return putProducts(shop, body, res);
  }
  send(res, 404, { error: 'not_found', message: `no route ${req.method} ${url.pathname}` });
}

function product(p) {
  return {
    id: String(p.id), model_number: p.model_number ?? null, name: p.name ?? `product ${p.id}`, price: p.price ?? 0,
    stock: p.stock ?? 0, stock_unlimited: p.stock_unlimited ?? false, stock_variation: p.stock_variation ?? null, hidden: p.hidden ?? false,
  };
}

async function admin(req, res, url) {
  const parts = url.pathname.split('/').filter(Boolean); // ['_admin', ...]
  const body = req.method === 'POST' ? await readJson(req) : {};
  if (body === undefined) return send(res, 400, { error: 'bad_request', message: 'invalid JSON' });
  if (parts[1] === 'health') return send(res, 200, { ok: true, shops: shops.size });
  if (parts[1] === 'reset' && req.method === 'POST') {
    shops = new Map(); tokens = new Map(); globalOutageUntil = 0;
    return send(res, 200, { ok: true });
  }
  if (parts[1] === 'outage' && req.method === 'POST') {
    globalOutageUntil = Date.now() + Number(body.seconds ?? 0) * 1000;
    return send(res, 200, { until: new Date(globalOutageUntil).toISOString() });
  }
  if (parts[1] !== 'shops' || !parts[2]) return send(res, 404, { error: 'not_found' });
  const name = decodeURIComponent(parts[2]);
  if (parts.length === 3 && req.method === 'POST') {
    // Creates or replaces the shop with its tokens ({token, scopes}) and its rate limit.
    const old = shops.get(name);
    if (old) for (const [t, g] of tokens) if (g.shop === name) tokens.delete(t);
    const shop = newShop(name, { rate: body.rate ?? defaultRate, burst: body.burst ?? defaultBurst });
    shops.set(name, shop);
    for (const t of body.tokens ?? []) tokens.set(t.token, { shop: name, scopes: t.scopes ?? SCOPES });
    return send(res, 200, { shop: name, rate: shop.rate, burst: shop.burst });
  }
  const shop = shops.get(name);
  if (!shop) return send(res, 404, { error: 'not_found', message: `no shop ${name}` });
  const what = parts[3];
  if (what === 'products' && req.method === 'POST') {
    for (const p of body.products ?? []) shop.products.set(String(p.id), product(p));
    return send(res, 200, { products: shop.products.size });
  }
  if (what === 'products') return send(res, 200, { data: [...shop.products.values()] });
  if (what === 'orders' && parts.length === 4 && req.method === 'POST') {
    for (const o of body.orders ?? []) shop.orders.set(String(o.id), o);
    return send(res, 200, { orders: shop.orders.size });
  }
  if (what === 'orders' && parts.length === 6 && parts[5] === 'paid' && req.method === 'POST') {
    // The customer paid at the platform: a later cancel is refused with 409.
    const order = shop.orders.get(decodeURIComponent(parts[4]));
    if (!order) return send(res, 404, { error: 'not_found', message: 'order not found' });
    order.paid = true;
    order.paid_at ??= new Date().toISOString();
    return send(res, 200, { data: order });
  }
  if (what === 'cancellations') return send(res, 200, { data: shop.cancellations });
  if (what === 'writes') return send(res, 200, { data: shop.writes });
  if (what === 'counters') return send(res, 200, shop.counters);
  if (what === 'outage' && req.method === 'POST') {
    shop.outageUntil = Date.now() + Number(body.seconds ?? 0) * 1000;
    shop.outageRetryAfter = body.retryAfter ?? null;
    return send(res, 200, { until: new Date(shop.outageUntil).toISOString() });
  }
  if (what === 'limit' && req.method === 'POST') {
    shop.rate = body.rate ?? shop.rate; shop.burst = body.burst ?? shop.burst; shop.tokens = shop.burst;
    return send(res, 200, { rate: shop.rate, burst: shop.burst });
  }
  send(res, 404, { error: 'not_found' });
}

const server = http.createServer((req, res) => {
  const url = new URL(req.url, 'http://localhost');
  const handler = url.pathname.startsWith('/_admin/') ? admin : url.pathname.startsWith('/v1/') ? api : null;
  if (!handler) return send(res, 404, { error: 'not_found' });
  handler(req, res, url).catch((err) => send(res, 500, { error: 'internal', message: String(err) }));
});
server.keepAliveTimeout = 65_000;
server.listen(port, '127.0.0.1', () => console.log(`ochanoko stand-in on http://127.0.0.1:${port}`));
for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => { server.close(); server.closeAllConnections(); process.exit(0); });

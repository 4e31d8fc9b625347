#!/usr/bin/env node
// Proves a bundle renders: loads it into a jsdom window with <div id="root">, waits for React to commit, optionally
// clicks an element and waits for the DOM to change, and prints one JSON line:
//   {"text":"<root textContent>","html":"<root innerHTML>","afterClick":"<text after click>"|null,"errors":[...]}
// Usage: node tools/render-check.mjs <bundle.js> [--click <css selector>] [--wait-ms <bound, default 5000>]
// Waits are bounded MutationObserver waits, not sleeps: they end as soon as React touches the DOM.
import { readFileSync } from 'node:fs';
import { JSDOM, VirtualConsole } from 'jsdom';

function parseArgs(argv) {
  const args = { bundle: null, click: null, waitMs: 5000 };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--click') args.click = argv[++i];
    else if (argv[i] === '--wait-ms') args.waitMs = Number(argv[++i]);
    else if (!args.bundle) args.bundle = argv[i];
    else throw new Error(`Unexpected argument ${argv[i]}`);
  }
  if (!args.bundle) throw new Error('Usage: render-check.mjs <bundle.js> [--click <css selector>] [--wait-ms <ms>]');
  return args;
}

/** Resolves on the first mutation under `target` (or at once when `ready()` already holds), or after `boundMs`. */
function waitForMutation(window, target, boundMs, ready = () => false) {
  return new Promise((resolve) => {
    if (ready()) { resolve(true); return; }
    const observer = new window.MutationObserver(() => {
      observer.disconnect();
      clearTimeout(timer);
      resolve(true);
    });
    const timer = setTimeout(() => { observer.disconnect(); resolve(false); }, boundMs);
    observer.observe(target, { childList: true, subtree: true, characterData: true, attributes: true });
  });
}

/** Lets React finish the commit it started (passive effects run in a later task) before reading the DOM. */
function settle(window) {
  return new Promise((resolve) => window.setTimeout(resolve, 0));
}

const defaultPage = '<!DOCTYPE html><html><head></head><body><div id="root"></div></body></html>';

/** `page` lets a test start from other markup (e.g. without #root, which the bundle must then create). */
export async function renderCheck(bundleText, { click = null, waitMs = 5000, page = defaultPage } = {}) {
  const errors = [];
  const virtualConsole = new VirtualConsole();
  virtualConsole.on('jsdomError', (error) => errors.push(String(error?.message ?? error)));
  virtualConsole.on('error', (...args) => errors.push(args.map(String).join(' ')));
  const dom = new JSDOM(page, {
    runScripts: 'dangerously',
    pretendToBeVisual: true,
    virtualConsole,
  });
  const { window } = dom;
  window.addEventListener('error', (event) => errors.push(String(event.error?.message ?? event.message)));
  const { document } = window;
  const hasContent = () => (document.getElementById('root')?.childNodes.length ?? 0) > 0;
  // Watch the whole body: the bundle creates #root itself when the page has none.
  const rendered = waitForMutation(window, document.body, waitMs, hasContent);
  const script = document.createElement('script');
  script.textContent = bundleText;
  document.body.appendChild(script);
  if (!(await rendered) || !hasContent()) {
    await waitForMutation(window, document.body, waitMs, hasContent);
  }
  if (!hasContent()) errors.push(`Nothing rendered into #root within ${waitMs} ms`);
  await settle(window);
  const root = document.getElementById('root') ?? document.body;
  const text = root.textContent;
  const html = root.innerHTML;
  let afterClick = null;
  if (click) {
    const element = window.document.querySelector(click);
    if (!element) {
      errors.push(`No element matches ${click}`);
    } else {
      const changed = waitForMutation(window, root, waitMs);
      element.dispatchEvent(new window.MouseEvent('click', { bubbles: true, cancelable: true }));
      if (!(await changed)) errors.push(`The DOM did not change within ${waitMs} ms of clicking ${click}`);
      await settle(window);
      afterClick = root.textContent;
    }
  }
  window.close();
  return { text, html, afterClick, errors };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = parseArgs(process.argv.slice(2));
  const result = await renderCheck(readFileSync(args.bundle, 'utf8'), args);
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

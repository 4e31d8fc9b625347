// The virtual entry wrapped around App.jsx: the mount contract of PROTOCOL.md. Both engines bundle this text.

/** Specifier the entry uses for the user's module; each engine maps it to App.jsx served from memory. */
export const APP_SPECIFIER = 'workers:App.jsx';

export const ENTRY_SOURCE = `import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import App from '${APP_SPECIFIER}';

function mount(element) {
  const root = createRoot(element);
  root.render(createElement(App));
  return root;
}

function rootElement() {
  let element = document.getElementById('root');
  if (!element) {
    element = document.createElement('div');
    element.id = 'root';
    document.body.appendChild(element);
  }
  return element;
}

globalThis.WorkersPreview = { mount };
if (typeof document !== 'undefined') {
  if (document.body) mount(rootElement());
  else document.addEventListener('DOMContentLoaded', () => mount(rootElement()), { once: true });
}
`;

/** Imports the entry itself makes (checked by the engines instead of the user-facing policy). */
export const ENTRY_IMPORTS = Object.freeze(['react', 'react-dom/client']);

/**
 * Web clients: they receive the identity and hash (or JWT) from the server and pass them to
 * the messenger. Nothing here computes a hash or sees a secret. The server snippets answer with
 * the vendor's own field names, so most calls can spread the server's answer as it is.
 */
import { responseFields } from '../common';
import { stop } from '../template';
import type { SnippetContext, SnippetDefinition } from '../types';

const access = (obj: string, key: string) => (/^[A-Za-z_$][\w$]*$/.test(key) ? `${obj}.${key}` : `${obj}['${key}']`);

/**
 * The vendor's client call with the server's answer in `obj`. Intercom's `settings` style sets
 * window.intercomSettings before the loader runs; `boot` is for apps that load it first.
 */
export function webCall(c: SnippetContext, obj: string, style: 'settings' | 'boot'): string {
  const v = c.vendor;
  const id = access(obj, v.userIdField ?? 'user_id');
  const hash = access(obj, v.hashField);
  const email = access(obj, 'email');
  switch (v.id) {
    case 'intercom':
      return style === 'settings'
        ? `window.intercomSettings = { app_id: '${stop(1, 'APP_ID')}', ...${obj} };`
        : `window.Intercom('boot', { app_id: '${stop(1, 'APP_ID')}', ...${obj} });`;
    case 'crisp':
      return `window.$crisp.push(['set', '${v.emailField ?? 'user:email'}', [${email}, ${hash}]]);`;
    case 'chatwoot':
      return `window.addEventListener('chatwoot:ready', () => {\n  window.$chatwoot.setUser(${id}, { email: ${email}, ${v.hashField}: ${hash} });\n});`;
    case 'helpscout':
      return `window.Beacon('identify', { ...${obj} });`;
    case 'tawkto':
      return `window.Tawk_API = window.Tawk_API || {};\nwindow.Tawk_API.onLoad = () => {\n  window.Tawk_API.login({ ...${obj} }, (error) => {\n    if (error) console.error('tawk.to login failed', error);\n  });\n};`;
    case 'front':
      return `window.FrontChat('init', { chatId: '${stop(1, 'CHAT_ID')}', useDefaultLauncher: true, ...${obj} });`;
    case 'pylon':
      return `window.pylon = { chat_settings: { app_id: '${stop(1, 'APP_ID')}', ...${obj} } };`;
    case 'plain':
      return `window.Plain.init({ appId: '${stop(1, 'APP_ID')}', customerDetails: { ...${obj} } });`;
    case 'gleap':
      return `window.Gleap.identify(String(${id}), { email: ${email} }, ${hash});`;
    case 'featurebase':
      return `window.Featurebase('identify', { organization: '${stop(1, 'ORGANIZATION')}', ...${obj} });`;
    case 'novu':
      return `const novu = new Novu({ applicationIdentifier: '${stop(1, 'APPLICATION_IDENTIFIER')}', ...${obj} });`;
    case 'zendesk':
      return `window.zE('messenger', 'loginUser', (callback) => callback(${obj}.${v.hashField}));`;
  }
}

/** Indents every non-empty line of `text` by `pad`. */
export const indentBy = (text: string, pad: string) => text.split('\n').map((l) => (l ? pad + l : l)).join('\n');

const HMAC_CLIENT_VENDORS = ['intercom', 'crisp', 'chatwoot', 'helpscout', 'tawkto', 'front', 'pylon', 'plain', 'gleap', 'featurebase', 'novu'] as const;

const script: SnippetDefinition = {
  id: 'web',
  title: 'Script tag that passes the server-rendered identity and hash to the messenger',
  language: 'html',
  framework: 'HTML',
  kind: 'client',
  scheme: 'hmac',
  vendors: HMAC_CLIENT_VENDORS,
  template: (c) => `<script>
  // Rendered into the page by the server for the signed-in user: the hash is computed there,
  // with the secret, never in the browser. Leave this out for visitors who are not signed in.
  const identity = {
${responseFields(c).map((f, i) => `    '${f.key}': '${stop(i + 2, `{{ ${f.key} }}`)}',`).join('\n')}
  };
${indentBy(webCall(c, 'identity', 'settings'), '  ')}
</script>${stop(0)}
`,
};

const fetchIdentity = (path: string) =>
  `fetch('${stop(2, path)}', { credentials: 'same-origin' }).then((response) => (response.ok ? response.json() : null))`;

const react: SnippetDefinition = {
  id: 'react',
  title: 'React hook that fetches the identity from the server and boots the messenger',
  language: 'javascriptreact',
  framework: 'React',
  kind: 'client',
  scheme: 'hmac',
  vendors: HMAC_CLIENT_VENDORS,
  template: (c) => `import { useEffect } from 'react';

/** Identifies the signed-in user to the messenger with the hash the server computed. */
export function useMessengerIdentity() {
  useEffect(() => {
    let cancelled = false;
    // A 401 means nobody is signed in: the messenger stays anonymous, with no hash.
    ${fetchIdentity('/api/messenger/identity')}.then((identity) => {
      if (cancelled || !identity) return;
${indentBy(webCall(c, 'identity', 'boot'), '      ')}
    });
    return () => {
      cancelled = true;
    };
  }, []);${stop(0)}
}
`,
};

const nextClient: SnippetDefinition = {
  id: 'nextjs-client',
  title: 'Next.js client component that boots the messenger with server-provided props',
  language: 'typescriptreact',
  framework: 'Next.js client component',
  kind: 'client',
  scheme: 'hmac',
  vendors: HMAC_CLIENT_VENDORS,
  template: (c) => `'use client';

import { useEffect } from 'react';

/**
 * \`identity\` comes from a server component or the server action: the hash is computed on the
 * server. Never import the secret here, nor give it a NEXT_PUBLIC_ name.
 */
export function ${stop(2, 'MessengerIdentity')}({ identity }: { identity: Record<string, string | null> | null }) {
  useEffect(() => {
    if (!identity) return;
${indentBy(webCall(c, 'identity', 'boot'), '    ')}
  }, [identity]);${stop(0)}
  return null;
}
`,
};

const vue: SnippetDefinition = {
  id: 'vue',
  title: 'Vue component that fetches the identity from the server and boots the messenger',
  language: 'vue',
  framework: 'Vue',
  kind: 'client',
  scheme: 'hmac',
  vendors: HMAC_CLIENT_VENDORS,
  template: (c) => `<script setup>
import { onMounted } from 'vue';

onMounted(async () => {
  const response = await fetch('${stop(2, '/api/messenger/identity')}', { credentials: 'same-origin' });
  // Not signed in: the messenger stays anonymous, with no hash.
  if (!response.ok) return;
  const identity = await response.json();
${indentBy(webCall(c, 'identity', 'boot'), '  ')}${stop(0)}
});
</script>
`,
};

/** The vendor's web call that hands over the JWT fetched from the server (Zendesk: inside its callback). */
export function jwtCall(c: SnippetContext): string {
  const field = c.vendor.jwt?.field ?? 'jwt';
  switch (c.vendor.id) {
    case 'zendesk':
      // Zendesk asks for a fresh token whenever it needs one, so fetch inside the callback.
      return `window.zE('messenger', 'loginUser', (callback) => {
  ${fetchIdentity('/api/messenger/jwt')}.then((body) => body && callback(body.${field}));
});`;
    case 'featurebase':
      return `${fetchIdentity('/api/messenger/jwt')}.then((body) => {
  if (body) window.Featurebase('identify', { organization: '${stop(1, 'ORGANIZATION')}', ${field}: body.${field} });
});`;
    default:
      return `${fetchIdentity('/api/messenger/jwt')}.then((body) => {
  if (body) window.Intercom('boot', { app_id: '${stop(1, 'APP_ID')}', ${field}: body.${field} });
});`;
  }
}

const webJwt: SnippetDefinition = {
  id: 'web-jwt',
  title: 'Browser code that passes the server-signed JWT to the messenger',
  language: 'javascript',
  framework: 'Browser',
  kind: 'client',
  scheme: 'jwt',
  template: (c) => `// The token is signed on the server (see the jwt-* server snippets); the browser only passes it on.
${jwtCall(c)}${stop(0)}
`,
};

export const WEB_CLIENT_SNIPPETS: readonly SnippetDefinition[] = [script, react, nextClient, vue, webJwt];

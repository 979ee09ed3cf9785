/**
 * Web frameworks on the JWT path: the component asks the app's own server for a token it signed
 * (the jwt-* server snippets) and hands it to the messenger. Nothing here signs or holds a
 * secret; attributes the server signed into the token are not repeated in clear. The vendor
 * call itself comes from `jwtCall`, which reads the field names from the vendor files.
 */
import { stop } from '../template';
import type { SnippetDefinition } from '../types';
import { indentBy, jwtCall } from './web';

const SIGNED_ON_SERVER = 'The token is signed by your server for the signed-in user; the browser only passes it on.';

const react: SnippetDefinition = {
  id: 'react-jwt',
  title: 'React hook that fetches the server-signed JWT and hands it to the messenger',
  language: 'javascriptreact',
  framework: 'React',
  kind: 'client',
  scheme: 'jwt',
  template: (c) => `import { useEffect } from 'react';

/** ${SIGNED_ON_SERVER} */
export function useMessengerJwt() {
  useEffect(() => {
    // A 401 means nobody is signed in: the messenger stays anonymous, with no token.
${indentBy(jwtCall(c), '    ')}
  }, []);${stop(0)}
}
`,
};

const nextClient: SnippetDefinition = {
  id: 'nextjs-client-jwt',
  title: 'Next.js client component that fetches the server-signed JWT and hands it to the messenger',
  language: 'typescriptreact',
  framework: 'Next.js client component',
  kind: 'client',
  scheme: 'jwt',
  template: (c) => `'use client';

import { useEffect } from 'react';

/**
 * ${SIGNED_ON_SERVER}
 * Sign it in a route handler; never import the secret here, nor give it a NEXT_PUBLIC_ name.
 */
export function ${stop(3, 'MessengerJwt')}() {
  useEffect(() => {
${indentBy(jwtCall(c), '    ')}
  }, []);${stop(0)}
  return null;
}
`,
};

const vue: SnippetDefinition = {
  id: 'vue-jwt',
  title: 'Vue component that fetches the server-signed JWT and hands it to the messenger',
  language: 'vue',
  framework: 'Vue',
  kind: 'client',
  scheme: 'jwt',
  template: (c) => `<script setup>
import { onMounted } from 'vue';

// ${SIGNED_ON_SERVER}
onMounted(() => {
${indentBy(jwtCall(c), '  ')}${stop(0)}
});
</script>
`,
};

export const WEB_JWT_CLIENT_SNIPPETS: readonly SnippetDefinition[] = [react, nextClient, vue];

/**
 * Where each snippet belongs in a project: the frameworks it is written for (the picker offers
 * a project's own first) and, where the framework has a conventional file for such code that
 * the snippet fills whole, that file's path (the picker offers to create it). A JWT snippet
 * (`jwt-…`, `…-jwt`) is placed as its HMAC twin, in a file of its own name.
 */
import type { VendorId } from '../vendors';
import type { FrameworkId, Layout } from '../workspace';

const FRAMEWORKS: Readonly<Record<string, readonly FrameworkId[]>> = {
  express: ['express'], nestjs: ['nestjs'], 'nextjs-route': ['nextjs-app'], 'nextjs-server-action': ['nextjs-app'],
  django: ['django'], flask: ['flask'], fastapi: ['fastapi'], rails: ['rails'], laravel: ['laravel'],
  go: ['go'], spring: ['spring'], ktor: ['ktor'],
  react: ['react'], 'nextjs-client': ['nextjs-app', 'nextjs-pages'], vue: ['vue'], 'react-native': ['react-native'], flutter: ['flutter'],
  'ios-swift': ['ios'], 'ios-objc': ['ios'], 'android-kotlin': ['android'], 'android-java': ['android'],
};

/** The HMAC twin's id: `jwt-nextjs-route` and `react-jwt` are placed as `nextjs-route` and `react`. */
const twin = (id: string): string => id.replace(/^jwt-/, '').replace(/-jwt$/, '');
const isJwt = (id: string): boolean => twin(id) !== id;

/** The frameworks a snippet is written for (none for plain runtimes such as Deno). */
export function snippetFrameworks(id: string): readonly FrameworkId[] {
  return FRAMEWORKS[twin(id)] ?? [];
}

/**
 * The project path of the file a server snippet fills whole, by its framework's convention,
 * or undefined when the snippet goes inside an existing file (an Express route needs the
 * app it is added to) or the layout does not say where.
 */
export function snippetFile(id: string, vendor: VendorId, layout: Layout): string | undefined {
  const jwt = isJwt(id);
  switch (twin(id)) {
    case 'nextjs-route': return layout.appDir === undefined ? undefined : `${layout.appDir}/api/${vendor}/${jwt ? 'jwt' : 'user-hash'}/route.ts`;
    case 'nextjs-server-action': return layout.appDir === undefined ? undefined : `${layout.appDir}/actions/${vendor}-${jwt ? 'jwt' : 'identity'}.ts`;
    case 'rails': return `app/helpers/messenger_${jwt ? 'jwt' : 'identity'}_helper.rb`;
    case 'django': return layout.djangoApp === undefined ? undefined : `${layout.djangoApp}/messenger_${jwt ? 'jwt' : 'identity'}.py`;
    default: return undefined;
  }
}

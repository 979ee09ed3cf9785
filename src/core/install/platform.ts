/**
 * Which platforms a file ships to. Intercom issues a separate secret per platform and enforces
 * verification per platform, so the verdict is per platform too.
 */
import type { Lang } from '../engine/lang';
import type { Side } from '../engine/types';
import type { Platform } from '../vendors';

/** Where a file's messenger calls run. */
export interface FilePlatforms {
  /** Web settings objects and calls are looked for. */
  readonly web: boolean;
  /** Mobile SDK calls are looked for and reported once per platform listed. */
  readonly mobile: readonly Platform[];
}

const NONE: FilePlatforms = { web: false, mobile: [] };
const BOTH_STORES: readonly Platform[] = ['ios', 'android'];
/** JavaScript that is built into an app rather than served to a browser. */
const APP_JS = /from\s{1,5}['"](?:react-native|@intercom\/intercom-react-native|@capacitor-community\/intercom|expo(?:-[a-z-]{1,40})?)['"]|require\(\s{0,5}['"](?:react-native|@intercom\/intercom-react-native)['"]\)|cordova-plugin-intercom/;

/**
 * The platforms of a file: Swift and Objective-C are iOS; Kotlin and Java are Android when the
 * engine classifies them as client code (Android imports or an app path), else server code with
 * no messenger; Dart (Flutter) and React Native or Capacitor JavaScript are both stores; other
 * JavaScript, HTML templates and PHP pages are web.
 */
export function platformsOf(lang: Lang, side: Side, text: string): FilePlatforms {
  switch (lang) {
    case 'swift': case 'objc': return { web: false, mobile: ['ios'] };
    case 'java': case 'kotlin': return side === 'client' ? { web: false, mobile: ['android'] } : NONE;
    case 'dart': return { web: false, mobile: BOTH_STORES };
    case 'js': return APP_JS.test(text.slice(0, 5000)) ? { web: false, mobile: BOTH_STORES } : { web: true, mobile: [] };
    case 'html': case 'php': return { web: true, mobile: [] };
    default: return NONE;
  }
}

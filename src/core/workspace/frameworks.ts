/** Which frameworks a project uses, from its dependencies and its paths. */
import type { Dependency } from './manifests';
import type { FrameworkId, FrameworkUse, Layout } from './types';

/** A framework known by one dependency (a Gradle plugin id counts as one). */
const BY_DEPENDENCY: readonly { id: FrameworkId; name: string; matches: (d: Dependency) => boolean }[] = [
  { id: 'nestjs', name: 'NestJS', matches: (d) => d.ecosystem === 'npm' && d.name === '@nestjs/core' },
  { id: 'express', name: 'Express', matches: (d) => d.ecosystem === 'npm' && d.name === 'express' },
  { id: 'react-native', name: 'React Native', matches: (d) => d.ecosystem === 'npm' && d.name === 'react-native' },
  { id: 'react', name: 'React', matches: (d) => d.ecosystem === 'npm' && d.name === 'react' },
  { id: 'vue', name: 'Vue', matches: (d) => d.ecosystem === 'npm' && d.name === 'vue' },
  { id: 'django', name: 'Django', matches: (d) => d.ecosystem === 'pypi' && d.name === 'django' },
  { id: 'flask', name: 'Flask', matches: (d) => d.ecosystem === 'pypi' && d.name === 'flask' },
  { id: 'fastapi', name: 'FastAPI', matches: (d) => d.ecosystem === 'pypi' && d.name === 'fastapi' },
  { id: 'rails', name: 'Rails', matches: (d) => d.ecosystem === 'gem' && d.name === 'rails' },
  { id: 'laravel', name: 'Laravel', matches: (d) => d.ecosystem === 'composer' && d.name === 'laravel/framework' },
  { id: 'spring', name: 'Spring Boot', matches: (d) => d.ecosystem === 'gradle' && d.name.startsWith('org.springframework.boot') },
  { id: 'ktor', name: 'Ktor', matches: (d) => d.ecosystem === 'gradle' && d.name.startsWith('io.ktor') },
  { id: 'android', name: 'Android', matches: (d) => d.ecosystem === 'gradle' && d.name === 'com.android.application' },
  { id: 'flutter', name: 'Flutter', matches: (d) => d.ecosystem === 'pub' && d.name === 'flutter' },
];

const SOURCE = String.raw`\.(?:[cm]?[jt]sx?)$`;
const APP_ROUTER = new RegExp(String.raw`^(src/)?app/(?:.*/)?(?:page|route|layout)${SOURCE}`);
const PAGES_ROUTER = new RegExp(String.raw`^(src/)?pages/.+${SOURCE}`);

/** The frameworks found, server frameworks first as manifests list them, and the layout they imply. */
export function findFrameworks(deps: readonly Dependency[], paths: readonly string[]): { frameworks: FrameworkUse[]; layout: Layout } {
  const frameworks: FrameworkUse[] = [];
  let layout: Layout = {};
  const add = (id: FrameworkId, name: string, evidence: string) => {
    if (!frameworks.some((f) => f.id === id)) frameworks.push({ id, name, evidence });
  };
  const next = deps.find((d) => d.ecosystem === 'npm' && d.name === 'next');
  if (next) {
    const app = paths.map((p) => APP_ROUTER.exec(p)).find((m) => m !== null);
    const pages = paths.map((p) => PAGES_ROUTER.exec(p)).find((m) => m !== null);
    // A new Next.js project starts on the app router; an old one that has pages keeps them.
    if (app || !pages) {
      add('nextjs-app', 'Next.js (app router)', app ? app[0] : `${next.manifest}: next`);
      layout = { ...layout, appDir: `${app?.[1] ?? (paths.some((p) => p.startsWith('src/')) ? 'src/' : '')}app` };
    }
    if (pages) {
      add('nextjs-pages', 'Next.js (pages router)', pages[0]);
      layout = { ...layout, pagesDir: `${pages[1] ?? ''}pages` };
    }
  }
  for (const d of deps) {
    for (const f of BY_DEPENDENCY) if (f.matches(d)) add(f.id, f.name, `${d.manifest}: ${d.name}`);
  }
  const goMod = paths.find((p) => p === 'go.mod');
  if (goMod) add('go', 'Go', goMod);
  const podfile = paths.find((p) => /(?:^|\/)Podfile$/.test(p));
  if (podfile && !frameworks.some((f) => f.id === 'flutter' || f.id === 'react-native')) add('ios', 'iOS', podfile);
  if (frameworks.some((f) => f.id === 'django')) {
    const views = paths.find((p) => /^[\w-]+\/views\.py$/.test(p));
    if (views) layout = { ...layout, djangoApp: views.slice(0, views.indexOf('/')) };
  }
  return { frameworks, layout };
}

/**
 * The project model: the JavaScript and TypeScript modules of a project read together, from
 * their syntax facts. It says where each module runs (client, server or unknown, with the
 * reason), following directives, framework conventions and the import graph, and finds what
 * no single file shows: secrets handed from server components to client components, server-only
 * secret modules bundled into client code, and the server hashing another identifier than the
 * client sends. Pure: the host reads the files and extracts the facts. Enter only through this file.
 */
import { extraNameMatcher, isSecretName } from '../engine/index';
import type { ImportFact } from '../syntax/index';
import { exposedImports, identifierMismatch, secretProps, signedInClear } from './findings';
import { Resolver } from './resolve';
import { decideSides, detectFrameworks, ownVerdict, type OwnVerdict } from './sides';
import type { ProjectFile, ProjectModel, ProjectOptions } from './types';

export { GRAPH_BUDGET, reportFinding, withProjectFindings } from './report';
export { pickModuleFacts } from './types';
export type { ModuleFacts, ProjectFile, ProjectFinding, ProjectModel, ProjectOptions, SideVerdict } from './types';

/** Builds the model of `files` (every JS/TS module of one project, paths relative to its root). */
export function buildProject(files: readonly ProjectFile[], options: ProjectOptions): ProjectModel {
  const extra = extraNameMatcher(options.config.secretNamePatterns);
  const isSecret = (name: string) => isSecretName(name, extra);
  const resolver = new Resolver(new Set(files.map((f) => f.path)));
  const edges = new Map<string, { target: string; fact: ImportFact }[]>();
  const imports = new Map<string, string[]>();
  for (const f of files) {
    const list: { target: string; fact: ImportFact }[] = [];
    for (const fact of f.facts.imports) {
      if (fact.typeOnly || fact.kind === 'python') continue;
      const target = resolver.resolve(f.path, fact.source);
      if (target !== undefined && target !== f.path) list.push({ target, fact });
    }
    edges.set(f.path, list);
    imports.set(f.path, [...new Set(list.map((e) => e.target))]);
  }
  const frameworks = detectFrameworks(files, options.otherPaths);
  const own = new Map<string, OwnVerdict>(files.map((f) => [f.path, ownVerdict(f, options, frameworks, isSecret)]));
  const { sides, exposures } = decideSides(files, own, edges, frameworks, options.complete !== false);
  const findings = [
    ...secretProps(files, sides, own, resolver, isSecret),
    ...exposedImports(exposures),
    ...identifierMismatch(files, sides, isSecret),
    ...signedInClear(files, sides, isSecret),
  ];
  return { sides, imports, findings };
}

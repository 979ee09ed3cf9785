/**
 * The project model for the editor's questions: which frameworks and messenger SDKs a project
 * uses, the environment variables its code reads, where its framework keeps things and its
 * auth helper. The host reads the files (`filesToRead` names them); everything here is pure.
 */
import type { VendorId } from '../vendors';

/** The frameworks the model recognises; snippets name the ones they are written for. */
export type FrameworkId =
  | 'nextjs-app' | 'nextjs-pages' | 'express' | 'nestjs' | 'django' | 'flask' | 'fastapi' | 'rails'
  | 'laravel' | 'spring' | 'ktor' | 'go' | 'react' | 'vue' | 'react-native' | 'flutter' | 'ios' | 'android';

/** One environment variable read by the project's code. */
export interface EnvUse {
  readonly path: string;
  readonly name: string;
}

/** What the host gives the model. Paths are posix, relative to the project's root. */
export interface WorkspaceInput {
  /** Every file of the project the host listed (conventions look at paths alone). */
  readonly paths: readonly string[];
  /** The text of the files `filesToRead(paths)` named; one that could not be read is absent. */
  readonly texts: ReadonlyMap<string, string>;
  /** Environment variables the code reads: the syntax layer's `env` facts of its source files. */
  readonly envReads?: readonly EnvUse[];
}

/** A framework found, and the manifest line or path that says so. */
export interface FrameworkUse {
  readonly id: FrameworkId;
  readonly name: string;
  readonly evidence: string;
}

/** A messenger SDK a manifest depends on. */
export interface SdkUse {
  readonly vendor: VendorId;
  readonly package: string;
  readonly manifest: string;
}

/**
 * A module of the project that gives the signed-in user on the server: next-auth v5's `auth`,
 * v4's `getServerSession(authOptions)`, or a helper of the project's own.
 */
export interface AuthModule {
  /** The project path of the module, or a package name (`next-auth`). */
  readonly file: string;
  /** The names a snippet imports from `file`. */
  readonly names: readonly string[];
  /** More imports from packages, written out (`import { getServerSession } from 'next-auth';`). */
  readonly packageImports: readonly string[];
  /** An expression (inside an async function) for the signed-in user, with `id` and `email`. */
  readonly user: string;
  /** Why the model believes it, for the picker's detail line. */
  readonly evidence: string;
}

/** Where the framework's conventions put things in this project. */
export interface Layout {
  /** The Next.js app router's directory: `app` or `src/app`. */
  readonly appDir?: string;
  /** The Next.js pages router's directory: `pages` or `src/pages`. */
  readonly pagesDir?: string;
  /** `@/` as the TypeScript path alias of this directory (`''` for the root, `src`). */
  readonly atAlias?: string;
  /** The Django app that holds the first `views.py`. */
  readonly djangoApp?: string;
}

/** What the model knows about one project. */
export interface WorkspaceModel {
  readonly frameworks: readonly FrameworkUse[];
  readonly sdks: readonly SdkUse[];
  /** The vendors of `sdks`, then of secret-looking environment variables, without repeats. */
  readonly vendors: readonly VendorId[];
  readonly envReads: readonly EnvUse[];
  readonly layout: Layout;
  readonly auth?: AuthModule;
  readonly packageManager?: 'npm' | 'yarn' | 'pnpm' | 'bun';
}

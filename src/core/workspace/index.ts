/**
 * The project model for the editor's questions (see types.ts): pure, the host reads the files
 * `filesToRead` names and the environment reads of the source files, and asks this folder.
 */
export { describeWorkspace, filesToRead, secretEnvVar, authFor } from './model';
export { importSpecifier } from './auth';
export type { AuthModule, EnvUse, FrameworkId, FrameworkUse, Layout, SdkUse, WorkspaceInput, WorkspaceModel } from './types';

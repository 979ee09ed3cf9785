/**
 * The installation check: where each messenger is installed, on which platform, whether each
 * installation sends a hash and where it comes from, and whether verification can be enforced.
 * Pure TypeScript over file text, shared by `idv check` and the editor's installations view.
 */
export { findInstallations, type FindOptions } from './find';
export { compareInstallations, MOBILE_REMINDER, readiness, readinessDetails, type ReadinessDetail, type ReadinessReason } from './readiness';
export { formatCheckText, type CheckReport } from './textReport';
export type { HashSource, Identifier, Installation, InstallationScheme, PlatformScheme, Readiness } from './types';

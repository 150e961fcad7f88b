export { buildSite, DEFAULT_TITLE } from './build.js';
export type { Catalog, SiteOptions, SiteResult, SiteWarning } from './build.js';
export type { SiteFile } from './assets.js';

export { main } from './main.js';
export { commandHelp, globalHelp } from './options.js';
export type { Io } from './io.js';

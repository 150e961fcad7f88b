// prepack/postpack: the published package carries the notes it was built from (content/), so that
// `mianjing check` and `mianjing build` work on them after `npm install`.
import { cpSync, rmSync } from 'node:fs';

const target = new URL('../content/', import.meta.url);
rmSync(target, { recursive: true, force: true });
if (!process.argv.includes('--remove')) cpSync(new URL('../../../content/', import.meta.url), target, { recursive: true });

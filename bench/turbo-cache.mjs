// "A rebuild with nothing changed is a full turbo cache hit": builds once, then asks turbo (a dry run, which runs
// nothing) whether every build task would come from the cache, and times a real second build. Writes
// bench/turbo-results.json.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const turbo = (...args) => execFileSync('pnpm', ['exec', 'turbo', 'run', 'build', ...args], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

turbo('--output-logs=none');
const tasks = JSON.parse(turbo('--dry=json')).tasks.map((task) => ({ task: task.taskId, cache: task.cache.status }));
const started = performance.now();
const summary = turbo('--output-logs=none');
const results = {
  tasks,
  allHit: tasks.every((task) => task.cache === 'HIT'),
  rebuildMs: Math.round(performance.now() - started),
  fullTurbo: summary.includes('FULL TURBO'),
};
writeFileSync(join(root, 'bench/turbo-results.json'), JSON.stringify(results, null, 2) + '\n');
console.log(`\nturbo: ${tasks.filter((t) => t.cache === 'HIT').length}/${tasks.length} build tasks cached after a build; rebuild ${results.rebuildMs} ms${results.fullTurbo ? ' (FULL TURBO)' : ''}`);
console.log(`target: a rebuild with nothing changed is a full cache hit — ${results.allHit && results.fullTurbo ? 'met' : 'NOT met'}`);
if (!results.allHit)
  console.log(
    tasks
      .filter((t) => t.cache !== 'HIT')
      .map((t) => `  ${t.task}: ${t.cache}`)
      .join('\n'),
  );

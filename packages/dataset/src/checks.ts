import { normalizeQuestion, report, type Severity } from '@mianjing/parser';
import type { QuestionRecord, RetiredId } from '@mianjing/schema';
import type { VFile } from 'vfile';

/** A record and the file it came from, so cross-file problems can be reported in both places. */
export interface Placed {
  record: QuestionRecord;
  file: VFile;
}

const place = (item: Placed) => `${item.record.source.path}:${item.record.source.line}`;

// A question copied into many notes is reported in each of them; naming every other place in every message would
// make the messages grow with the square of the copies.
const MAX_PLACES_NAMED = 3;

/** Where else something occurs: the first few places, then how many more there are. */
function otherPlaces<T>(group: readonly T[], item: T, name: (other: T) => string): string {
  const named = group
    .slice(0, MAX_PLACES_NAMED + 1)
    .filter((other) => other !== item)
    .slice(0, MAX_PLACES_NAMED);
  const more = group.length - 1 - named.length;
  const list = named.map(name).join(', ');
  return more > 0 ? `${list} and ${more} more place${more === 1 ? '' : 's'}` : list;
}

/**
 * Two notes with the same id, or two records with the same id. Every place is reported, pointing at the others.
 * Returns the records to keep: in canonical mode all (the errors fail the build); in lenient mode a derived
 * id that collides gets a numeric suffix instead, so no question is lost.
 */
export function checkDuplicateIds(items: Placed[], severity: Severity): Placed[] {
  const byId = groupBy(items, (item) => item.record.id);
  const renamed = new Map<Placed, string>();
  for (const [id, group] of byId) {
    if (group.length < 2) continue;
    for (const [index, item] of group.entries()) {
      const others = otherPlaces(group, item, place);
      // In lenient mode every record after the first is renamed, and its message says what it is called now.
      const newId = severity !== 'error' && index > 0 ? `${id}-${index + 1}` : undefined;
      if (newId) renamed.set(item, newId);
      const kept = newId ? `; this one is kept as \`${newId}\`` : '';
      const fix = 'give one question an id of its own with `{#id}` at the end of it';
      report(item.file, severity, 'duplicate-id', `Unexpected duplicate id \`${id}\`, expected ids to be unique: also used at ${others}${kept}; ${fix}`, {
        line: item.record.source.line,
        column: 1,
      });
    }
  }
  return items.map((item) => {
    const id = renamed.get(item);
    return id ? { ...item, record: { ...item.record, id } } : item;
  });
}

/** The same question asked twice (compared without spaces, case and trailing punctuation). */
export function checkDuplicateQuestions(items: Placed[], severity: Severity): void {
  const byText = groupBy(items, (item) => normalizeQuestion(item.record.question));
  for (const group of byText.values()) {
    if (group.length < 2) continue;
    for (const item of group) {
      const others = otherPlaces(group, item, place);
      report(
        item.file,
        severity,
        'duplicate-question',
        `Unexpected duplicate question “${item.record.question}”, expected each question once: also asked at ${others} (merge them, keeping one phrasing as a \`又问：\` alias)`,
        { line: item.record.source.line, column: 1 },
      );
    }
  }
}

/** Two notes with the same id: both files are reported, each naming the other. */
export function checkDuplicateNoteIds(files: VFile[], severity: Severity): void {
  const byId = groupBy(
    files.filter((file) => file.data.note?.id),
    (file) => file.data.note!.id,
  );
  for (const [id, group] of byId) {
    if (group.length < 2) continue;
    for (const file of group) {
      const others = otherPlaces(group, file, (other) => other.path);
      report(file, severity, 'duplicate-id', `Unexpected duplicate note id \`${id}\`, expected each note to have its own id: also used by ${others}`, { line: 1, column: 1 });
    }
  }
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/**
 * Links between records: each must name a record of the dataset. A link to a retired id says which record took
 * its place.
 */
export function checkLinks(files: VFile[], ids: ReadonlySet<string>, retired: ReadonlyMap<string, RetiredId>, severity: Severity): void {
  for (const file of files) {
    for (const link of file.data.links ?? []) {
      if (ids.has(link.target)) continue;
      const merged = retired.get(link.target)?.mergedInto;
      const hint = merged
        ? `: it was merged into \`${merged}\`, link that instead`
        : retired.has(link.target)
          ? ': it was retired; remove the link'
          : ', expected the id of an existing question (`#question-id` in the same note, `#note-id/question-id` in another)';
      report(file, severity, 'unknown-question-link', `Unexpected link to \`#${link.target}\` in \`${link.from}\`, which names no record${hint}`, { line: link.line, column: link.column });
    }
  }
}

/** Retired ids are never reused, and the record a retired id was merged into exists. */
export function checkRetired(config: VFile, items: Placed[], retired: readonly RetiredId[], severity: Severity): void {
  const byId = new Map(items.map((item) => [item.record.id, item]));
  for (const entry of retired) {
    const reused = byId.get(entry.id);
    if (reused)
      report(reused.file, severity, 'retired-id-reused', `Unexpected record id \`${entry.id}\`, which mianjing.json lists as retired: retired ids are never reused, so give this question a new id`, {
        line: reused.record.source.line,
        column: 1,
      });
    if (entry.mergedInto !== undefined && !byId.has(entry.mergedInto)) {
      report(config, severity, 'unknown-merge-target', `Unexpected \`mergedInto: ${entry.mergedInto}\` for retired id \`${entry.id}\`, expected the id of an existing record`, { line: 1, column: 1 });
    }
  }
}

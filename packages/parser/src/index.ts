export { createProcessor, parseNote, runNote } from './processor.js';
export type { NoteInput, NoteProcessor } from './processor.js';
export { remarkMianjing } from './plugin.js';
export type { MianjingOptions, NoteSummary, RecordLink } from './plugin.js';
export { RULES, MESSAGE_SOURCE, addMessage, emit, formatMessage, report, severityFor, severityOf } from './rules.js';
export type { ParseMode, RuleId, Severity } from './rules.js';
export type { Accounting, CandidateKind, DroppedCandidate, UnassignedText } from './lenient/index.js';
export { normalizeQuestion } from './record.js';

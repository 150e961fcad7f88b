/** A question id inside a note: lower-case ASCII words joined by `-`. */
export const QUESTION_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const RECORD_LINK = /^#([a-z0-9]+(?:-[a-z0-9]+)*(?:\/[a-z0-9]+(?:-[a-z0-9]+)*)+)$/;

/**
 * The record a link points at, when its destination is `#<record id>` (`#training/bn-principle`): how links
 * between questions are written in the dataset's answers and summaries.
 */
export function linkedRecordId(url: string): string | undefined {
  return RECORD_LINK.exec(url)?.[1];
}

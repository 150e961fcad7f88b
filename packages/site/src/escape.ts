import { escapeLineSeparators } from '@mianjing/schema';

const TEXT: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text or an attribute value as HTML. */
export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => TEXT[c]!);
}

/** A value as a JavaScript expression for a classic `<script>` file. */
export function jsValue(value: unknown): string {
  return escapeLineSeparators(JSON.stringify(value));
}

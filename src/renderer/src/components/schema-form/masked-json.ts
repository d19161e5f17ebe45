/**
 * A JSON box (bank accounts, income history…) that can be edited while sensitive values stay
 * hidden: each sensitive value is shown as a numbered placeholder, `"•••• (hidden 1)"`, by the
 * Explorer's masking rule (isSensitive). A placeholder left in place gets its value back when
 * the text is read; one replaced by something else is a new value. Numbered, not positional,
 * so items can be reordered or removed without one account taking another's number.
 */
import { isSensitive, MASK } from '../sensitive';

const PLACEHOLDER = /^•••• \(hidden (\d+)\)$/;

export interface MaskedJson {
  text: string;
  /** Placeholder → the value it stands for. */
  hidden: Map<string, unknown>;
}

export function maskForEditing(value: unknown, path: string): MaskedJson {
  const hidden = new Map<string, unknown>();
  const walk = (node: unknown, at: string): unknown => {
    if (node === null || node === undefined) return node;
    if (Array.isArray(node)) return node.map((item) => walk(item, at));
    if (typeof node === 'object') return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, walk(v, at ? `${at}.${k}` : k)]));
    if (!isSensitive(at)) return node;
    const placeholder = `${MASK.slice(0, -1)} ${hidden.size + 1})`;
    hidden.set(placeholder, node);
    return placeholder;
  };
  const masked = walk(value, path);
  return { text: masked === undefined || masked === null ? '' : JSON.stringify(masked, null, 1), hidden };
}

/** The parsed text with every placeholder still in it replaced by the value it hides. */
export function restoreHidden(parsed: unknown, hidden: Map<string, unknown>): unknown {
  if (typeof parsed === 'string' && PLACEHOLDER.test(parsed)) {
    if (!hidden.has(parsed)) throw new Error(`${parsed} is not one of the hidden values: type a new value or tick Reveal`);
    return hidden.get(parsed);
  }
  if (Array.isArray(parsed)) return parsed.map((item) => restoreHidden(item, hidden));
  if (parsed !== null && typeof parsed === 'object')
    return Object.fromEntries(Object.entries(parsed).map(([k, v]) => [k, restoreHidden(v, hidden)]));
  return parsed;
}

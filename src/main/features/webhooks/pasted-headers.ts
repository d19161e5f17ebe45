/**
 * Headers the user pastes with a payload: either `name: value` lines (as curl -v, a proxy log
 * or browser devtools show them) or a JSON object. Anything else is refused with a reason.
 */
import { WorkbenchError } from '@main/platform/errors';

export function parsePastedHeaders(text: string): [string, string][] {
  const trimmed = text.trim();
  if (trimmed === '') return [];
  if (trimmed.startsWith('{')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(trimmed);
    } catch (error) {
      throw new WorkbenchError('validation', `The headers look like JSON but do not parse: ${(error as Error).message}`, {
        fields: [{ path: 'headers', message: 'is not valid JSON' }],
      });
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
      throw new WorkbenchError('validation', 'JSON headers must be an object of name → value.');
    return Object.entries(parsed as Record<string, unknown>).map(([name, value]) => [
      name,
      Array.isArray(value) ? value.map(String).join(' ') : String(value),
    ]);
  }
  const pairs: [string, string][] = [];
  for (const [index, line] of trimmed.split(/\r?\n/).entries()) {
    const clean = line.replace(/^[<>]\s*/, '').trim(); // curl -v prefixes
    if (clean === '' || /^(HTTP\/|POST |GET )/i.test(clean)) continue;
    const colon = clean.indexOf(':');
    if (colon <= 0) {
      throw new WorkbenchError('validation', `Header line ${index + 1} has no “name: value”: “${clean.slice(0, 60)}”.`, {
        fields: [{ path: 'headers', message: `line ${index + 1} is not “name: value”` }],
      });
    }
    pairs.push([clean.slice(0, colon).trim(), clean.slice(colon + 1).trim()]);
  }
  return pairs.slice(0, 100);
}

/**
 * Free-text rules: what a token, an authorization header or a piece of personal data looks
 * like inside a sentence (an error message, a Connect report). Each rule names its category
 * so the preview can say what was removed. Order matters: credentials first, then the
 * structured kinds of personal data, then numbers, then names.
 */
import { NAME_CUES, NOT_NAMES } from './lexicon';

export type RedactionCategory =
  | 'secret'
  | 'authorization'
  | 'token'
  | 'email'
  | 'ssn'
  | 'phone'
  | 'date'
  | 'amount'
  | 'address'
  | 'number'
  | 'name'
  | 'personal'
  | 'field'
  | 'query';

/** What a placeholder says for each category: `[person-3]`, `[ssn-1]`, `[secret-1]`. */
const LABELS: Record<RedactionCategory, string> = {
  secret: 'secret',
  authorization: 'auth',
  token: 'token',
  email: 'email',
  ssn: 'ssn',
  phone: 'phone',
  date: 'date',
  amount: 'amount',
  address: 'address',
  number: 'number',
  name: 'person',
  personal: 'known',
  field: 'field',
  query: 'query',
};

/** A placeholder already in a text (redacted once before): new numbers must not reuse it. */
/** What the app's own records hold where a known secret was (secrets/secret-scrubber.ts): left as it is. */
export const SCRUBBED = '[secret-removed]';

export const PLACEHOLDER = /\[(?:secret|auth|token|email|ssn|phone|date|amount|address|number|person|known|field|query)-\d+\]/g;

/** A placeholder: the category's label and the value's number within one output. */
export const marker = (category: RedactionCategory, n: number): string => `[${LABELS[category]}-${n}]`;

/** Replaces one sensitive value with its placeholder (the same value gets the same one). */
export type Mark = (category: RedactionCategory, value: string) => string;

export interface TextRule {
  category: RedactionCategory;
  pattern: RegExp;
  /** Builds the replacement; by default the whole match becomes the value's placeholder. */
  replace?: (mark: (value: string) => string, match: string, ...groups: string[]) => string;
}

const MONTHS = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\\.?';
const STREET_TYPES =
  '(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Way|Place|Pl|Terrace|Ter|Parkway|Pkwy|Circle|Cir|Highway|Hwy|Square|Sq|Trail|Trl)';
const PAY_CUES = '(?:salary|salaries|income|pay|wage|wages|amount|gross|net|compensation|bonus|earnings|ytd)';

export const TEXT_RULES: readonly TextRule[] = [
  // "Authorization: Bearer abc", "authorization=Basic xyz" — the value up to the end of the header.
  {
    category: 'authorization',
    pattern: /\b((?:proxy-)?authorization)(["']?\s*[:=]\s*["']?)[^\r\n"',;}]+/gi,
    replace: (mark, m, key, sep) => `${key}${sep}${mark(m.slice(key.length + sep.length))}`,
  },
  {
    category: 'authorization',
    pattern: /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{6,}/g,
    replace: (mark, m, scheme) => `${scheme} ${mark(m.slice(scheme.length).trim())}`,
  },
  // key=value / "key": "value" forms of credentials.
  {
    category: 'token',
    pattern:
      /\b(access_token|refresh_token|id_token|client_secret|api_key|apikey|secret|password|passwd|token)(["']?\s*[:=]\s*["']?)(?!\[secret-removed\])([^\s"'&,;}]+)/gi,
    replace: (mark, _m, key, sep, value) => `${key}${sep}${mark(value)}`,
  },
  { category: 'token', pattern: /([?&]code=)[^&\s"']+/g, replace: (mark, m, key) => `${key}${mark(m.slice(key.length))}` },
  // JSON Web Tokens.
  { category: 'token', pattern: /\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{4,}/g },
  { category: 'email', pattern: /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g },
  { category: 'ssn', pattern: /\b\d{3}-\d{2}-\d{4}\b/g },
  { category: 'phone', pattern: /(?:\+?1[\s.-]?)?(?:\(\d{3}\)\s?|\b\d{3}[\s.-])\d{3}[\s.-]\d{4}\b/g },
  // Any calendar date may be a date of birth.
  // A timestamp with a time of day is when something happened (a log line, a ticket's window), not a birth date: it stays.
  {
    category: 'date',
    pattern: /\b\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?\b/g,
    replace: (mark, m) => (/[T ]\d{2}:\d{2}/.test(m) ? m : mark(m)),
  },
  { category: 'date', pattern: /\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b/g },
  { category: 'date', pattern: new RegExp(`\\b${MONTHS}\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}\\b`, 'g') },
  { category: 'date', pattern: new RegExp(`\\b\\d{1,2}\\s+${MONTHS}\\s+\\d{4}\\b`, 'g') },
  // Money: a currency sign or code, or a number right after a pay word.
  { category: 'amount', pattern: /(?:[$€£]|\b(?:USD|EUR|GBP)\s?)\s?-?\d[\d,]*(?:\.\d+)?/g },
  {
    category: 'amount',
    pattern: new RegExp(`\\b(${PAY_CUES})\\b(\\s*(?:of|is|was|=|:)?\\s*["'(]?\\s*)(-?\\d[\\d,]*(?:\\.\\d+)?)`, 'gi'),
    replace: (mark, _m, cue, gap, amount) => `${cue}${gap}${mark(amount)}`,
  },
  { category: 'amount', pattern: /(?<![\w.])\d{1,3}(?:,\d{3})+(?:\.\d{2})?(?![\w.])|(?<![\w.])\d+\.\d{2}(?![\w.])/g },
  {
    category: 'address',
    pattern: new RegExp(
      `\\b\\d{1,6}\\s+(?:[A-Z][A-Za-z]*\\.?\\s+){1,4}${STREET_TYPES}\\b\\.?(?:,?\\s+(?:Apt|Suite|Unit|#)\\s*[\\w-]+)?`,
      'g',
    ),
  },
  { category: 'address', pattern: /\b(?:P\.?\s?O\.?\s+Box)\s+\d+/gi },
  // "5749 W Main": a house number, a compass point, a street name.
  {
    category: 'address',
    pattern: /\b\d{1,6}\s+(?:N|S|E|W|NE|NW|SE|SW|North|South|East|West)\.?\s+[A-Z][A-Za-z]+(?:\s+[A-Z][A-Za-z]+){0,3}\b/g,
  },
  { category: 'address', pattern: /\b[A-Z]{2}\s+\d{5}(?:-\d{4})?\b/g },
  // Long bare numbers (SSNs without dashes, account numbers, pay in cents). Ids with letters or dashes are left alone.
  { category: 'number', pattern: /(?<![\w.:/-])\d{5,}(?![\w-])/g },
];

const WORD = /\b[A-Z][a-z]+(?:['’-][A-Za-z][a-z]+)*\b/g;

/**
 * Names: capitalised words outside the lexicon that stand next to each other ("Maria Lopez")
 * or follow a cue ("for Maria"). Returns the text with each such word replaced.
 */
export function redactNames(text: string, mark: (word: string) => string): string {
  const words = [...text.matchAll(WORD)].map((m) => ({ start: m.index, end: m.index + m[0].length, word: m[0] }));
  if (words.length === 0) return text;
  const suspect = words.map((w) => !NOT_NAMES.has(w.word.toLowerCase()) && !NOT_NAMES.has(w.word.toLowerCase().replace(/['’]s$/, '')));
  const redact = new Set<number>();
  for (let i = 0; i < words.length; i++) {
    if (!suspect[i]) continue;
    const next = words[i + 1];
    const prev = words[i - 1];
    const joinedToNext = next && suspect[i + 1] && /^[\s,]{1,2}$/.test(text.slice(words[i]!.end, next.start));
    const joinedToPrev = prev && suspect[i - 1] && /^[\s,]{1,2}$/.test(text.slice(prev.end, words[i]!.start));
    const before = text
      .slice(0, words[i]!.start)
      .match(/([A-Za-z]+)[\s:.,]*$/)?.[1]
      ?.toLowerCase();
    if (joinedToNext || joinedToPrev || (before && NAME_CUES.has(before))) redact.add(i);
  }
  if (redact.size === 0) return text;
  let out = '';
  let at = 0;
  for (const i of [...redact].sort((a, b) => a - b)) {
    out += text.slice(at, words[i]!.start) + mark(words[i]!.word);
    at = words[i]!.end;
  }
  return out + text.slice(at);
}

/**
 * The redaction engine every output goes through: support bundles, the readiness report, and
 * every renderer export and clipboard copy (files/export-gate.ts). Three layers, strongest first:
 *  1. known values: every secret the vault holds (and its encoded forms) and personal values
 *     the app knows (customer names and emails, anything a caller adds) are replaced exactly;
 *  2. structure: in JSON, keys that name a credential or personal data (first_name, ssn,
 *     residence, amount, access_token…) lose their whole value;
 *  3. free text: the patterns of patterns.ts (headers, tokens, emails, SSNs, dates, money,
 *     addresses, long numbers, names).
 * Each removed value becomes a placeholder numbered within this redactor, i.e. within one
 * output: the same value always gets the same placeholder (`[person-3]` in the name column
 * and in a message alike), so rows still line up and joins still work. It counts what it
 * removed per category so the user sees it. Redaction is one half of the guarantee;
 * SecretScanner over the final bytes is the other. Use one Redactor per output: numbers
 * must not link values across outputs.
 */
import type { RedactionCategory } from './patterns';
import { marker, PLACEHOLDER, redactNames, TEXT_RULES } from './patterns';
import type { Mark } from './patterns';
import { MultiNeedle } from './multi-needle';
import { secretNeedles } from './secret-scan';

export interface RedactorOptions {
  /** Secrets to remove wherever they occur, in any encoding (vault secrets, access tokens). */
  secrets: Iterable<string>;
  /** Personal values the app knows of (customer names and emails, people seen in data). */
  personal?: Iterable<string>;
}

/** JSON keys (normalised: lower case, letters and digits only) whose values never leave. */
const SECRET_KEYS =
  /^(accesstoken|refreshtoken|idtoken|token|tokens|clientsecret|secret|password|passwd|authorization|proxyauthorization|apikey|cookie|setcookie|code|authcode|authorizationcode|webhooksecret)$/;
const PERSONAL_KEYS =
  /^(name|firstname|middlename|lastname|preferredname|fullname|legalname|customername|employeename|displayname|username|email|emails|customeremail|workemail|personalemail|ssn|socialsecuritynumber|taxid|tin|dob|dateofbirth|birthdate|birthday|residence|address|addresses|street|line1|line2|city|postalcode|zip|zipcode|phone|phonenumber|phonenumbers|gender|ethnicity|encryptedssn)$/;
const PAY_KEYS =
  /^(amount|salary|income|incomehistory|wage|wages|compensation|grosspay|netpay|earnings|employeedeductions|employercontributions|taxes|bonus|ytd|rate|unit|hours)$/;

/** The category of the value under a JSON key or in a column (null: not sensitive by name). */
export function keyCategory(key: string): RedactionCategory | null {
  const k = key.toLowerCase().replace(/[^a-z0-9]/g, '');
  if (SECRET_KEYS.test(k)) return k.includes('authorization') ? 'authorization' : 'token';
  if (PERSONAL_KEYS.test(k)) {
    if (/name$/.test(k)) return 'name';
    if (/email/.test(k)) return 'email';
    if (/ssn|socialsecurity|taxid|^tin$/.test(k)) return 'ssn';
    if (/dob|birth/.test(k)) return 'date';
    if (/phone/.test(k)) return 'phone';
    if (/address|residence|street|line[12]|city|postal|zip/.test(k)) return 'address';
    return 'field';
  }
  if (PAY_KEYS.test(k)) return 'amount';
  return null;
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** One regular expression per chunk of literal values (a few hundred alternatives each). */
function literalMatchers(values: string[], flags: string, bounded: boolean): RegExp[] {
  const sorted = [...new Set(values)].sort((a, b) => b.length - a.length);
  const out: RegExp[] = [];
  for (let i = 0; i < sorted.length; i += 400) {
    const body = sorted
      .slice(i, i + 400)
      .map(escapeRegExp)
      .join('|');
    out.push(new RegExp(bounded ? `(?<![\\p{L}\\p{N}])(?:${body})(?![\\p{L}\\p{N}])` : `(?:${body})`, `${flags}u`));
  }
  return out;
}

export class Redactor {
  private readonly tallies = new Map<RedactionCategory, number>();
  /** Placeholder per normalised value, and how many of each category were numbered. */
  private readonly placeholders = new Map<string, string>();
  private readonly numbered = new Map<RedactionCategory, number>();
  private readonly distinctValues = new Map<RedactionCategory, number>();
  /** Placeholders found in inputs (text redacted once already, e.g. a bundle's ticket): never handed out again. */
  private readonly reserved = new Set<string>();
  /** Each encoded form of a secret → the secret, so every form gets the secret's placeholder. */
  private readonly formOwner = new Map<string, string>();
  private readonly secretMatchers: RegExp[];
  private personalMatchers: RegExp[];
  /** Quick one-pass checks before the (slower) replacing expressions run. */
  private readonly secretIndex: MultiNeedle<string>;
  private personalIndex: MultiNeedle<string>;
  private personal: string[];
  /** What a learnt personal value is (a first_name cell's value is a name), lower-cased. */
  private readonly personalKind = new Map<string, RedactionCategory>();
  /** The secrets themselves, for the final byte scan. */
  readonly secrets: string[];

  constructor(options: RedactorOptions) {
    this.secrets = [...new Set([...options.secrets].filter((s) => s.length > 0))];
    // A secret is replaced in every textual form the final scan would look for.
    const forms = this.secrets.flatMap((s) => {
      const own = [
        s,
        ...secretNeedles(s)
          .filter((n) => !n.bytes.includes(0))
          .map((n) => n.bytes.toString('latin1')),
      ];
      for (const form of own) if (!this.formOwner.has(form)) this.formOwner.set(form, s);
      return own;
    });
    this.secretMatchers = literalMatchers(forms, 'g', false);
    this.secretIndex = new MultiNeedle(forms, (n: string, i: number) => n.charCodeAt(i));
    this.personal = [];
    this.personalMatchers = [];
    this.personalIndex = new MultiNeedle<string>([], (n, i) => n.charCodeAt(i));
    this.addPersonal(options.personal ?? []);
  }

  /**
   * More personal values to find from now on (values a table holds by field, learnt after its
   * headers were redacted with the app's own known values only). Placeholders already given stay.
   */
  addPersonal(values: Iterable<string | readonly [string, RedactionCategory]>): void {
    const added: string[] = [];
    for (const entry of values) {
      const [raw, kind] = typeof entry === 'string' ? [entry, null] : entry;
      const value = raw.trim();
      if (value.length < 3) continue;
      added.push(value);
      if (kind && !this.personalKind.has(value.toLowerCase())) this.personalKind.set(value.toLowerCase(), kind);
    }
    if (added.length === 0) return;
    this.personal = [...new Set([...this.personal, ...added])];
    this.personalMatchers = literalMatchers(this.personal, 'gi', true);
    this.personalIndex = new MultiNeedle(
      this.personal.map((v) => v.toLowerCase()),
      (n: string, i: number) => n.charCodeAt(i),
    );
  }

  /** How many values were replaced, per category. */
  tally(): Record<string, number> {
    return Object.fromEntries([...this.tallies.entries()].sort(([a], [b]) => a.localeCompare(b)));
  }

  private count(category: RedactionCategory, n = 1): void {
    this.tallies.set(category, (this.tallies.get(category) ?? 0) + n);
  }

  /**
   * The placeholder of one removed value, counted. Values are compared trimmed and case-blind
   * (personal values match any case); secrets exactly. A value seen before keeps its
   * placeholder even when found by another rule (a first_name column, then a message).
   */
  readonly mark: Mark = (category, value) => {
    this.count(category);
    const key = category === 'secret' ? `secret\u0000${value}` : value.trim().toLowerCase();
    const known = this.placeholders.get(key);
    if (known) return known;
    let n = (this.numbered.get(category) ?? 0) + 1;
    while (this.reserved.has(marker(category, n))) n++;
    this.numbered.set(category, n);
    this.distinctValues.set(category, (this.distinctValues.get(category) ?? 0) + 1);
    const placeholder = marker(category, n);
    this.placeholders.set(key, placeholder);
    return placeholder;
  };

  /** How many distinct values were replaced, per category. */
  distinct(): Record<string, number> {
    return Object.fromEntries([...this.distinctValues.entries()].sort(([a], [b]) => a.localeCompare(b)));
  }

  /** Free text (an error message, a Connect report): every layer. */
  text(input: string): string {
    // Text redacted once already (a bundle's ticket): its placeholders stay as they are, are never
    // handed out again, and only the text between them is looked at.
    const placeholders = input.includes('[') ? [...input.matchAll(PLACEHOLDER)] : [];
    if (placeholders.length === 0) return this.textSegment(input);
    let out = '';
    let at = 0;
    for (const m of placeholders) this.reserved.add(m[0]);
    for (const m of placeholders) {
      out += this.textSegment(input.slice(at, m.index)) + m[0];
      at = m.index + m[0].length;
    }
    return out + this.textSegment(input.slice(at));
  }

  private textSegment(input: string): string {
    if (input === '') return input;
    let text = this.known(input);
    for (const rule of TEXT_RULES) {
      rule.pattern.lastIndex = 0;
      if (!rule.pattern.test(text)) continue;
      // A value that is blank or a placeholder already (the key=value rules after a known secret) stays.
      const mark = (value: string) => (value.trim() === '' ? value : this.mark(rule.category, value));
      text = outsidePlaceholders(text, (part) => {
        rule.pattern.lastIndex = 0;
        return part.replace(rule.pattern, (...args: unknown[]) => {
          const [match, ...rest] = args as string[];
          return rule.replace ? rule.replace(mark, match!, ...rest) : mark(match!);
        });
      });
    }
    return outsidePlaceholders(text, (part) => redactNames(part, (word) => this.mark('name', word)));
  }

  /**
   * Only the vault's secrets (every encoded form): what even a raw export, chosen by the
   * user, must never carry.
   */
  secretsOnly(input: string): string {
    let text = input;
    if (MultiNeedle.inText(this.secretIndex, text))
      for (const matcher of this.secretMatchers) text = this.replaceAll(text, matcher, 'secret');
    return text;
  }

  /** Known secrets and personal values only: for ids and codes, where patterns would do harm. */
  known(input: string): string {
    let text = this.secretsOnly(input);
    if (MultiNeedle.inText(this.personalIndex, text.toLowerCase()))
      for (const matcher of this.personalMatchers) text = this.replaceAll(text, matcher, 'personal');
    return text;
  }

  /** JSON-like values: sensitive keys lose their value; strings go through `text`. */
  value(input: unknown, depth = 0): unknown {
    if (depth > 20) return this.mark('field', JSON.stringify(input) ?? '');
    if (typeof input === 'string') return this.text(input);
    if (Array.isArray(input)) return input.map((v) => this.value(v, depth + 1));
    if (input && typeof input === 'object') {
      const out: Record<string, unknown> = {};
      for (const [key, v] of Object.entries(input)) {
        const category = keyCategory(key);
        if (category && v !== null && v !== undefined) {
          out[key] = this.mark(category, typeof v === 'string' ? v : JSON.stringify(v));
        } else {
          out[key] = this.value(v, depth + 1);
        }
      }
      return out;
    }
    return input;
  }

  /**
   * A request path: ids in the path stay (Finch support needs them) unless they are known
   * values; query parameters keep only the values Finch paging and date windows use.
   */
  path(input: string): string {
    const [path = '', query] = input.split(/\?(.*)/s, 2);
    const cleanPath = this.known(path)
      .split('/')
      .map((segment) => (/@|%40/.test(segment) ? this.mark('email', segment) : segment))
      .join('/');
    if (query === undefined || query === '') return cleanPath;
    const params = query.split('&').map((pair) => {
      const [key = '', value = ''] = pair.split(/=(.*)/s, 2);
      if (SAFE_QUERY.has(key.toLowerCase()) && /^[\w.,:-]{0,64}$/.test(value)) return `${key}=${value}`;
      if (value === '') return key;
      return `${key}=${this.mark('query', value)}`;
    });
    return `${cleanPath}?${params.join('&')}`;
  }

  private replaceAll(text: string, matcher: RegExp, category: RedactionCategory): string {
    matcher.lastIndex = 0;
    if (!matcher.test(text)) return text;
    matcher.lastIndex = 0;
    return text.replace(matcher, (match) =>
      category === 'secret'
        ? this.mark('secret', this.formOwner.get(match) ?? match)
        : this.mark(this.personalKind.get(match.toLowerCase()) ?? category, match),
    );
  }
}

/** Applies `fn` to the text between placeholders, so no rule ever rewrites a placeholder. */
function outsidePlaceholders(text: string, fn: (part: string) => string): string {
  if (!text.includes('[')) return fn(text);
  let out = '';
  let at = 0;
  for (const m of text.matchAll(PLACEHOLDER)) {
    out += fn(text.slice(at, m.index)) + m[0];
    at = m.index + m[0].length;
  }
  return out + fn(text.slice(at));
}

/** Query parameters of Finch's API whose values are paging, windows or types, never personal data. */
const SAFE_QUERY = new Set([
  'limit',
  'offset',
  'start_date',
  'end_date',
  'types',
  'type',
  'page',
  'per_page',
  'individual_ids',
  'entity_ids',
  'benefit_id',
]);

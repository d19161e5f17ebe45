/**
 * Counts the per-item codes of a batch answer (`{ responses: [{ …, code, body }] }`) while it
 * streams through the proxy, without keeping or parsing the body: a small state machine over
 * the JSON's structure that reads only the `code` members of the items (depth 3: the root
 * object, the `responses` array, an item). A record's own members (deeper) are skipped, so an
 * error body inside an item is not counted twice. Bytes cost one branch each.
 */
const OBJECT = 0;
const ARRAY = 1;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

export class BatchCodeScanner {
  items = 0;
  failed = 0;
  private readonly stack: number[] = [];
  private inString = false;
  private escape = false;
  private expectKey = false;
  private capturing = false;
  private key = '';
  private keyDone = false;
  private awaitingCode = false;
  private digits = '';

  push(chunk: Uint8Array): void {
    for (let i = 0; i < chunk.length; i++) this.byte(chunk[i]!);
  }

  /** The answer ended: a code still being read counts. */
  end(): void {
    this.finishCode();
  }

  private byte(c: number): void {
    if (this.inString) {
      if (this.escape) this.escape = false;
      else if (c === BACKSLASH) this.escape = true;
      else if (c === QUOTE) {
        this.inString = false;
        if (this.capturing) {
          this.capturing = false;
          this.keyDone = true;
        }
        return;
      }
      if (this.capturing && this.key.length < 8) this.key += String.fromCharCode(c);
      return;
    }
    if (this.digits !== '') {
      if (c >= 0x30 && c <= 0x39) {
        this.digits += String.fromCharCode(c);
        return;
      }
      this.finishCode();
    }
    switch (c) {
      case 0x20:
      case 0x0a:
      case 0x0d:
      case 0x09:
        return;
      case QUOTE:
        this.inString = true;
        if (this.expectKey && this.stack.length === 3) {
          this.capturing = true;
          this.key = '';
        }
        this.expectKey = false;
        return;
      case 0x3a: // ':'
        this.awaitingCode = this.keyDone && this.key === 'code' && this.stack.length === 3;
        this.keyDone = false;
        return;
      case 0x7b: // '{'
        this.stack.push(OBJECT);
        this.expectKey = true;
        this.awaitingCode = false;
        return;
      case 0x5b: // '['
        this.stack.push(ARRAY);
        this.awaitingCode = false;
        return;
      case 0x7d: // '}'
      case 0x5d: // ']'
        this.stack.pop();
        return;
      case 0x2c: // ','
        this.expectKey = this.stack[this.stack.length - 1] === OBJECT;
        this.keyDone = false;
        return;
      default:
        if (this.awaitingCode && c >= 0x30 && c <= 0x39) this.digits = String.fromCharCode(c);
        this.awaitingCode = false;
    }
  }

  private finishCode(): void {
    if (this.digits === '') return;
    const code = Number(this.digits);
    this.digits = '';
    this.items++;
    if (code < 200 || code >= 300) this.failed++;
  }
}

/**
 * A paged list read in order, with the next few pages asked for before their turn. Each page
 * of a big pull's directory waited at the server behind the batches already queued there, and
 * the next one went out only once it came back: the server then ran out of work while main was
 * still reading answers. Pages are handed back in order, whenever each one arrives.
 *
 * The offsets ahead are planned from the length of the page just read (a provider may send
 * fewer than asked for). If the plan still misses (a page shorter than the one before, not at
 * the end), it stops asking ahead: every missed page is a call spent from the product's
 * per-minute budget for nothing.
 */
export class PagesAhead<T> {
  private readonly asked = new Map<number, Promise<T>>();
  private depth: number;

  constructor(
    private readonly read: (offset: number) => Promise<T>,
    depth: number,
  ) {
    this.depth = depth;
  }

  /**
   * The page at `offset`, after asking for it and up to `depth − 1` pages after it, `step`
   * apart, that start before `end`.
   */
  next(offset: number, end: number, step: number): Promise<T> {
    if (this.asked.size > 0 && !this.asked.has(offset)) {
      this.depth = 1;
      this.asked.clear();
    }
    for (let k = 0, at = offset; k < this.depth && at < end && step > 0; k++, at += step) {
      if (!this.asked.has(at)) this.asked.set(at, quiet(this.read(at)));
    }
    const page = this.asked.get(offset) ?? quiet(this.read(offset));
    this.asked.delete(offset);
    return page;
  }
}

/** Awaited when its turn comes; the no-op handler keeps a rejection from counting as unhandled meanwhile. */
function quiet<T>(page: Promise<T>): Promise<T> {
  page.catch(() => {});
  return page;
}

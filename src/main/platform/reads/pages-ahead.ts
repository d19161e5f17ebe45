/**
 * A paged list read in order, with the next few pages asked for before their turn. Each page
 * of a big pull's directory waited at the server behind the batches already queued there, and
 * the next one went out only once it came back: the server then ran out of work while main was
 * still reading answers. Pages are handed back in order, whenever each one arrives.
 */
export class PagesAhead<T> {
  private readonly asked = new Map<number, Promise<T>>();

  constructor(
    private readonly read: (offset: number) => Promise<T>,
    private readonly pageSize: number,
    private readonly depth: number,
  ) {}

  /** The page at `offset`, after asking for it and up to `depth − 1` pages after it that start before `end`. */
  next(offset: number, end: number): Promise<T> {
    for (let k = 0, at = offset; k < this.depth && at < end; k++, at += this.pageSize) {
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

/**
 * The search's words are FTS5 prefix terms ("directory"*). FTS5 answers a prefix term by merging
 * the doclists of every term it covers into one list in memory before it looks at anything
 * else, so a common word costs its whole doclist (1.4 M rowids at ten million rows, ~300 ms)
 * even when a rare filter beside it leaves a handful of rows. As an exact term it is walked
 * lazily, and AND skips along the rarest list instead.
 *
 * So each word is looked up first: the index's own vocabulary (fts5vocab) lists the longer terms
 * that begin with it (the word itself is left out of the range, so its own doclist is never
 * read), and when there are only a few the word becomes `("word" OR "wordx" …)`: the same rows,
 * because those are all the terms the prefix stands for in the index the query then reads (the
 * caller runs both in one read transaction). Words outside ASCII stay prefixes: only for ASCII
 * is it certain that the index folds them as `toLowerCase` does.
 */
import type Database from 'better-sqlite3';
import { checkPartitionName } from './search-index';

/** More longer terms than this and the word stays a prefix term (listing them costs as much). */
export const MAX_PREFIX_TERMS = 32;

const ASCII_WORD = /^[a-z0-9_-]+$/;

export class PrefixTerms {
  private readonly longer: Database.Statement;
  private readonly vocabulary: string;

  /** `table`: one search partition (SearchIndex); each has its own vocabulary. */
  constructor(
    private readonly db: Database.Database,
    table: string,
  ) {
    checkPartitionName(table);
    // A temp table: it belongs to this connection and changes nothing in the file.
    this.vocabulary = `${table}_terms`;
    db.exec(`CREATE VIRTUAL TABLE IF NOT EXISTS temp.${this.vocabulary} USING fts5vocab(main, '${table}', 'row')`);
    this.longer = db.prepare(`SELECT term FROM temp.${this.vocabulary} WHERE term >= @from AND term < @to LIMIT @limit`).pluck();
  }

  /** Drops the vocabulary table (its partition was dropped). */
  dispose(): void {
    if (this.db.open) this.db.exec(`DROP TABLE IF EXISTS temp.${this.vocabulary}`);
  }

  /** The index terms `"word"*` matches, or null when the word is better left a prefix term. */
  expand(word: string): string[] | null {
    const term = word.toLowerCase();
    if (!ASCII_WORD.test(term)) return null;
    // From just past the word itself (a byte below any token character) to the next prefix.
    const from = `${term}\u0001`;
    const to = term.slice(0, -1) + String.fromCharCode(term.charCodeAt(term.length - 1) + 1);
    const longer = this.longer.all({ from, to, limit: MAX_PREFIX_TERMS + 1 }) as string[];
    return longer.length > MAX_PREFIX_TERMS ? null : [term, ...longer];
  }
}

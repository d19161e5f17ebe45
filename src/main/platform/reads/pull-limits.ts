/**
 * How much a pull asks for and holds at once: page sizes, and the answers in flight that set
 * both its speed (the server must always have work) and main's peak memory (each big answer
 * is tens of MB until handled).
 */

/** Large pages: the limit counts calls, not records (Finch allows up to 10,000). */
export const DIRECTORY_PAGE = 5_000;
/**
 * Directory pages whose individuals and employments may be in flight at once, while the next
 * directory page is read. Three keep batches queued for the slots below (with two, the next
 * page's batches were not yet asked for when the server finished the last ones); what main
 * holds at once is bounded by BIG_ANSWERS_IN_FLIGHT, not by this.
 */
export const PAGES_IN_FLIGHT = 3;
/**
 * Directory pages asked for while one is handled (the next one included), once the first has
 * said how many people there are (pages-ahead.ts). A page is about 1 MB: a few cost little.
 */
export const DIRECTORY_PAGES_AHEAD = 4;
/**
 * Big answers main waits for at once, whatever they are: a page's individuals or employments
 * (10–25 MB of JSON each) and pay-statement calls (up to 10,000 statements, ~25 MB). Each costs
 * main its bytes (and, when parsed, its records) until handled, so how many arrive together is
 * what sets the pull's peak memory: unbounded, two pages' batches and a statement call came in
 * at once (a 100,000-person pull grew main by 336 MB). A snapshot reads its batches unparsed
 * (`fromBytes`): an answer then costs main little more than its bytes, so four may be in hand
 * (100,000 people: growth 136–193 MB), two of them still at the server.
 */
export const BIG_ANSWERS_IN_FLIGHT = 4;
/** In hand when answers are parsed (coverage, the explorer): each then also costs its parsed records. */
export const PARSED_ANSWERS_IN_FLIGHT = 2;
/**
 * Of those, the calls the server may be working on at once; the others are answers main is
 * reading or handling. A call's place at the server is freed when its answer starts coming, so
 * the next call is already queued there while main reads and handles that answer: holding it
 * until the answer was handled left the server idle between answers (about a second of a
 * 100,000-person pull).
 */
export const CALLS_AT_SERVER = 2;
/**
 * Of the big answers, the pay-statement calls asked for or in hand at once. A statement call
 * costs the server little (the statements were made for the payments list) and main a lot
 * (about 13 MB to read and store): all ten of a 100,000-person pull went out together and
 * filled every slot, so the server sat idle while main read them, then had the people's
 * batches (its heavy work, light for main) to itself. Two at a time mix the two kinds.
 */
export const STATEMENT_CALLS_IN_HAND = 2;
export const MAX_PEOPLE = 100_000;

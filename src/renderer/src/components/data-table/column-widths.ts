/**
 * Column widths in px, resolved once per table width instead of by the browser's grid on every
 * row: a scroll frame rewrites a screenful of rows, and flex rows of fixed-width cells cost the
 * main thread less to lay out than grid rows sharing `fr` tracks (traced scrolls of 60 frames:
 * about a tenth less CPU in all, and fewer slow frames). The widths follow the CSS grid rules the columns are written in: `90px`, or
 * `minmax(130px, 1.4fr)` (at least 130 px, and a 1.4 share of the room the fixed columns leave).
 */

interface Track {
  min: number;
  fr: number;
}

const PX = /^(\d+(?:\.\d+)?)px$/;
const MINMAX_FR = /^minmax\(\s*(\d+(?:\.\d+)?)px\s*,\s*(\d+(?:\.\d+)?)fr\s*\)$/;

/** One column's width as written; anything else is a programming error worth a clear message. */
export function parseTrack(track: string): Track {
  const text = track.trim();
  const px = PX.exec(text);
  if (px) return { min: Number(px[1]), fr: 0 };
  const flexible = MINMAX_FR.exec(text);
  if (flexible) return { min: Number(flexible[1]), fr: Number(flexible[2]) };
  throw new Error(`A data table column's width must be "Npx" or "minmax(Npx, Kfr)"; got "${track}".`);
}

/** The narrowest a column may be (its px minimum). */
export const trackMinimum = (track: string): number => parseTrack(track).min;

/**
 * Each column's width for a row whose content box is `width` px with `gap` px between cells.
 * As the grid's "find the size of an fr": a flexible column whose share would fall under its
 * minimum keeps its minimum and leaves the sharing; the others share what is left. Widths are
 * whole px, rounded down, so a row never overflows by a rounding.
 */
export function resolveTracks(tracks: readonly string[], width: number, gap: number): number[] {
  const parsed = tracks.map(parseTrack);
  const room = width - gap * Math.max(0, tracks.length - 1);
  const flexible = parsed.map((t) => t.fr > 0);
  for (;;) {
    let fixed = 0;
    let shares = 0;
    parsed.forEach((t, i) => (flexible[i] ? (shares += t.fr) : (fixed += t.min)));
    if (shares === 0) return parsed.map((t) => t.min);
    // Shares under 1 in total take only that part of the room, as in CSS grid.
    const perShare = Math.max(0, room - fixed) / Math.max(shares, 1);
    const under = parsed.findIndex((t, i) => flexible[i] && t.fr * perShare < t.min);
    if (under < 0) return parsed.map((t, i) => (flexible[i] ? Math.max(t.min, Math.floor(t.fr * perShare)) : t.min));
    flexible[under] = false;
  }
}

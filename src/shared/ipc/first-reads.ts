/**
 * The first screen's reads, which the page can carry in: main (the harness, when it serves the
 * app's document) runs each through the IPC guard and writes the answers into the HTML as a
 * JSON data block, so the first render already has them. Over the socket, main answered in
 * 1–3 ms, but the page could only take the answers once the entry chunk had evaluated and the
 * empty shell had rendered, then rendered again (bench/startup saw them "answered" 75–140 ms
 * after they were sent; the second render was ~55 ms of main-thread work). The renderer
 * reads the block once (components/startup/first-reads.ts) and still confirms each answer over
 * IPC, since a change could land between the page being served and its socket opening.
 */
export const FIRST_READ_CHANNELS = {
  environments: 'environments:getState',
  settings: 'settings:get',
  info: 'app:getInfo',
  notices: 'app:listNotices',
} as const;

export type FirstReadKey = keyof typeof FIRST_READ_CHANNELS;

/** The id of the `<script type="application/json">` element carrying the answers. */
export const FIRST_READS_ELEMENT_ID = 'workbench-first-reads';

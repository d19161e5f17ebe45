/**
 * The first screen's reads, started on this page's bridge when the module loads. main.tsx
 * imports it before React so the calls leave first; the hooks take the answers (early-reads.ts).
 */
import { startEarlyReads } from './early-reads';

export const firstRead = startEarlyReads(window.workbench);

/**
 * The first screen's reads, started on this page's bridge when the module loads. main.tsx
 * imports it before React so the calls leave first; the hooks take the answers (early-reads.ts).
 * The answers the page carried in (src/shared/ipc/first-reads.ts) are read once and the data
 * block removed: later renders keep their own state.
 */
import { FIRST_READS_ELEMENT_ID } from '@shared/ipc/first-reads';
import type { CarriedAnswers } from './early-reads';
import { startEarlyReads } from './early-reads';

/** The page's data block, or nothing when it is missing or not an object (the reads still go). */
export function takeCarriedAnswers(doc: Document): CarriedAnswers {
  const element = doc.getElementById(FIRST_READS_ELEMENT_ID);
  if (!element) return {};
  element.remove();
  try {
    const value = JSON.parse(element.textContent ?? '') as unknown;
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as CarriedAnswers) : {};
  } catch {
    return {};
  }
}

const reads = startEarlyReads(window.workbench, takeCarriedAnswers(document));
export const firstRead = reads.firstRead;
export const carriedRead = reads.carried;

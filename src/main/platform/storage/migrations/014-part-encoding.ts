/**
 * How each snapshot part is compressed. Parts were gzip (level 1); new parts are brotli at
 * quality 1, which took a 100,000-person snapshot's 289 MB of parts in half the CPU (0.52 s
 * against 1.04 s) and stored them in 39.6 MB instead of 44.7 MB. A pull shares two cores with
 * everything else, so the second saved is the pull's. Brotli has no magic number to tell it from
 * gzip by, hence a column: parts written before this are gzip.
 */
export const m014PartEncoding = {
  version: 14,
  name: 'part-encoding',
  sql: `
ALTER TABLE snapshot_parts ADD COLUMN encoding TEXT NOT NULL DEFAULT 'gzip';
`,
};

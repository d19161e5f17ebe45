/**
 * Disconnected connections can be archived out of the lists (kept, with their history, and
 * shown again on request). Also gives each Connect attempt's `connect_started` event the
 * connection it produced: timelines now show only a connection's own events, and before this
 * a start was recorded with the customer only. The start a success belongs to is the latest
 * start of the same customer before it with no other start in between; starts that never
 * led to a connection (closed, failed) stay unattributed.
 */
export const m008ConnectionArchive = {
  version: 8,
  name: 'connection-archive',
  sql: `
ALTER TABLE connections ADD COLUMN archived_at INTEGER;

UPDATE events SET connection_id = (
  SELECT s.connection_id FROM events s
  WHERE s.environment_id = events.environment_id AND s.customer_id = events.customer_id
    AND s.type = 'connect_succeeded' AND s.id > events.id
    AND NOT EXISTS (
      SELECT 1 FROM events o
      WHERE o.environment_id = events.environment_id AND o.customer_id = events.customer_id
        AND o.type = 'connect_started' AND o.id > events.id AND o.id < s.id
    )
  ORDER BY s.id LIMIT 1
)
WHERE type = 'connect_started' AND connection_id IS NULL AND customer_id IS NOT NULL;
`,
};

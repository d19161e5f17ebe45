/** Customers and connections rows, as named statements. Tokens live in the vault, never here. */
import type Database from 'better-sqlite3';

export interface ConnectionRow {
  environmentId: string;
  id: string;
  customerId: string | null;
  customerName: string | null;
  companyId: string | null;
  providerId: string | null;
  products: string;
  connectionType: string | null;
  status: string;
  createdAt: number;
  disconnectedAt: number | null;
  archivedAt: number | null;
}

export function prepareConnectionStatements(db: Database.Database) {
  const columns = `c.environment_id AS environmentId, c.id, c.customer_id AS customerId, cu.name AS customerName,
    c.company_id AS companyId, c.provider_id AS providerId, c.products, c.connection_type AS connectionType, c.status,
    c.created_at AS createdAt, c.disconnected_at AS disconnectedAt, c.archived_at AS archivedAt`;
  return {
    upsertCustomer:
      db.prepare(`INSERT INTO customers (environment_id, id, name, email, created_at) VALUES (@environmentId, @id, @name, @email, @createdAt)
      ON CONFLICT (environment_id, id) DO UPDATE SET name = excluded.name, email = coalesce(excluded.email, customers.email)`),
    // A reconnect of a known connection (same connection_id) replaces its row.
    insert:
      db.prepare(`INSERT OR REPLACE INTO connections (environment_id, id, customer_id, company_id, provider_id, products, client_type, connection_type,
      status, created_at, updated_at) VALUES (@environmentId, @id, @customerId, @companyId, @providerId, @products, @clientType, @connectionType,
      @status, @createdAt, @createdAt)`),
    list: db.prepare(`SELECT ${columns} FROM connections c LEFT JOIN customers cu ON cu.environment_id = c.environment_id AND cu.id = c.customer_id
      WHERE c.environment_id = ? ORDER BY c.created_at DESC`),
    get: db.prepare(`SELECT ${columns} FROM connections c LEFT JOIN customers cu ON cu.environment_id = c.environment_id AND cu.id = c.customer_id
      WHERE c.environment_id = ? AND c.id = ?`),
    setStatus: db.prepare('UPDATE connections SET status = ?, updated_at = ? WHERE environment_id = ? AND id = ?'),
    markDisconnected: db.prepare(
      "UPDATE connections SET status = 'disconnected', disconnected_at = ?, updated_at = ? WHERE environment_id = ? AND id = ?",
    ),
    // Only the connection's own events: a customer's other attempts are not this connection's
    // history (a Connect attempt's events are linked to its connection when it succeeds).
    events: db.prepare(`SELECT id, time, type, detail, request_ids AS requestIds FROM events
      WHERE environment_id = ? AND connection_id = ? ORDER BY id DESC LIMIT 200`),
    linkEvent: db.prepare('UPDATE events SET connection_id = ? WHERE environment_id = ? AND id = ? AND connection_id IS NULL'),
    // Only a disconnected connection is archived: a live one would vanish while still billed.
    archive: db.prepare(
      'UPDATE connections SET archived_at = ?, updated_at = ? WHERE environment_id = ? AND id = ? AND disconnected_at IS NOT NULL AND archived_at IS NULL',
    ),
    unarchive: db.prepare(
      'UPDATE connections SET archived_at = NULL, updated_at = ? WHERE environment_id = ? AND id = ? AND archived_at IS NOT NULL',
    ),
    archivable: db.prepare(
      'SELECT id, customer_id AS customerId FROM connections WHERE environment_id = ? AND disconnected_at IS NOT NULL AND archived_at IS NULL',
    ),
    // "How many people", as far as this computer knows: the newest snapshot's count, else the
    // employee_size a sandbox connection was created with. Null when neither exists.
    peopleFromSnapshot: db.prepare(`SELECT json_extract(summary, '$.counts.people') AS people FROM snapshots
      WHERE environment_id = ? AND connection_id = ? ORDER BY taken_at DESC, id DESC LIMIT 1`),
    peopleFromCreation: db.prepare(`SELECT json_extract(detail, '$.employeeSize') AS people FROM events
      WHERE environment_id = ? AND connection_id = ? AND type = 'sandbox_connection_created' ORDER BY id DESC LIMIT 1`),
    findAnywhere: db.prepare('SELECT environment_id AS environmentId FROM connections WHERE id = ?'),
    countActive: db.prepare(
      'SELECT count(*) AS n FROM connections WHERE environment_id = ? AND connection_type = ? AND disconnected_at IS NULL',
    ),
    insertEvent: db.prepare(`INSERT INTO events (time, environment_id, connection_id, customer_id, type, detail, request_ids)
      VALUES (@time, @environmentId, @connectionId, @customerId, @type, @detail, @requestIds)`),
  };
}

/**
 * Events that fail verification are never re-signed: each environment chooses whether a
 * forward sends them byte for byte or not at all, and each forward records which happened
 * (NULL: the event had passed verification).
 */
export const m007WebhookUnverifiedForwards = {
  version: 7,
  name: 'webhook-unverified-forwards',
  sql: `
ALTER TABLE webhook_settings ADD COLUMN unverified_forward TEXT NOT NULL DEFAULT 'forward_unchanged'
  CHECK (unverified_forward IN ('forward_unchanged', 'dont_forward'));
ALTER TABLE webhook_forwards ADD COLUMN failed_verification TEXT
  CHECK (failed_verification IN ('forwarded_unchanged', 'not_forwarded'));
`,
};

/** Environments may use Connect's redirect flow: the redirect_uri registered with Finch. */
export const m002RedirectUri = {
  version: 2,
  name: 'environment-redirect-uri',
  sql: `ALTER TABLE environments ADD COLUMN redirect_uri TEXT;`,
};

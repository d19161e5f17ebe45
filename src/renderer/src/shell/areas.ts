/**
 * The app's areas, in navigation order. Each says what it is for, so a screen that is not
 * built yet still tells the user what will be there.
 */
export interface Area {
  id: string;
  label: string;
  /** One line under the title. */
  purpose: string;
  /** What the finished screen will let the user do. */
  planned: string[];
}

export const AREAS: Area[] = [
  {
    id: 'environments',
    label: 'Environments',
    purpose: 'Local simulator, Sandbox, Development and Production — each with its own client_id and encrypted secret.',
    planned: [
      'Add an environment with its client_id and client_secret; the secret goes to the OS keyring, never to this window.',
      'Switch the active environment from the header; Production is marked unmistakably and asks before billable acts.',
      'Check credentials against Finch and see the request ID of the check.',
    ],
  },
  {
    id: 'connections',
    label: 'Connections',
    purpose: 'Customers and the connections they made through Finch Connect.',
    planned: [
      'Run Finch Connect (embedded or redirect) with the products and sandbox mode you choose.',
      'See each connection’s provider, company, products and status; catch “needs reauth” early.',
      'Reconnect, import an access token, or disconnect test connections in bulk.',
    ],
  },
  {
    id: 'explorer',
    label: 'Explorer',
    purpose: 'What this provider actually returns for this company: every read endpoint, as data, with the request IDs it came from.',
    planned: [
      'Company, directory, individuals, employments, payments and pay statements as tables.',
      'Field coverage: which fields come back null, per provider.',
      'Snapshots and diffs: what changed since the last pull.',
    ],
  },
  {
    id: 'coverage',
    label: 'Field coverage',
    purpose: 'Which fields each provider really fills, beside what Finch says it supports.',
    planned: ['Measure a connection per product and field; compare providers in one matrix; export it.'],
  },
  {
    id: 'snapshots',
    label: 'Snapshots',
    purpose: 'Full pulls of a connection kept on this computer, and what changed between two.',
    planned: ['Save a snapshot, compare two (also of two connections of one customer), export the diff, delete them.'],
  },
  {
    id: 'sandbox',
    label: 'Sandbox',
    purpose: 'Shape sandbox companies and rehearse the failures your integration must survive.',
    planned: [
      'Create sandbox connections without Connect and edit their mock data.',
      'Force reauth, configure job outcomes, and run scenario drills with a pass/fail summary.',
    ],
  },
  {
    id: 'webhooks',
    label: 'Webhooks',
    purpose: 'Receive Finch-signed events on this machine, see why each one verifies or not, and forward them to your dev server.',
    planned: [
      'A local receiver that verifies each event’s signature and timestamp with the environment’s secret.',
      'Trigger any event from the Local simulator; forward or replay events to your dev server.',
    ],
  },
  {
    id: 'request-log',
    label: 'Request log',
    purpose: 'Every HTTP attempt to Finch, retries included, with its Finch-Request-ID.',
    planned: [
      'Filter by environment, connection, status and product; search the whole log.',
      'Copy a request ID, or a row as a line for a support ticket.',
    ],
  },
  {
    id: 'support',
    label: 'Support',
    purpose: 'Support bundles for Finch and the go-live readiness report.',
    planned: [
      'Export a redacted bundle with the request IDs of a failure — no tokens, secrets or personal data.',
      'See each item of Finch’s integration checklist with the evidence this app holds.',
    ],
  },
];

export const SETTINGS_AREA_ID = 'settings';
export const AREA_IDS = [...AREAS.map((a) => a.id), SETTINGS_AREA_ID];

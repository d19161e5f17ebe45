/**
 * The app's areas, in navigation order, each with the one line that says what it is for
 * (navigation titles, the command palette, screen ledes). shell/screens.tsx maps each to its screen.
 */
export interface Area {
  id: string;
  label: string;
  /** One line under the title. */
  purpose: string;
}

export const AREAS: Area[] = [
  {
    id: 'environments',
    label: 'Environments',
    purpose: 'Local simulator, Sandbox, Development and Production — each with its own client_id and encrypted secret.',
  },
  {
    id: 'connections',
    label: 'Connections',
    purpose: 'Customers and the connections they made through Finch Connect.',
  },
  {
    id: 'explorer',
    label: 'Explorer',
    purpose: 'What this provider actually returns for this company: every read endpoint, as data, with the request IDs it came from.',
  },
  {
    id: 'coverage',
    label: 'Field coverage',
    purpose: 'Which fields each provider really fills, beside what Finch says it supports.',
  },
  {
    id: 'snapshots',
    label: 'Snapshots',
    purpose: 'Full pulls of a connection kept on this computer, and what changed between two.',
  },
  {
    id: 'sandbox',
    label: 'Sandbox',
    purpose: 'Shape sandbox companies and rehearse the failures your integration must survive.',
  },
  {
    id: 'deductions',
    label: 'Deductions',
    purpose: 'Create benefits, enroll people, follow every job to its end, and prove the result on the next paycheck.',
  },
  {
    id: 'integration-lab',
    label: 'Integration lab',
    purpose: 'Point your own backend at a local Finch proxy, inject Finch’s failures, and see what your code does about them.',
  },
  {
    id: 'webhooks',
    label: 'Webhooks',
    purpose: 'Receive Finch-signed events on this machine, see why each one verifies or not, and forward them to your dev server.',
  },
  {
    id: 'request-log',
    label: 'Request log',
    purpose: 'Every HTTP attempt to Finch, retries included, with its Finch-Request-ID.',
  },
  {
    id: 'support',
    label: 'Support',
    purpose: 'Support bundles for Finch and the go-live readiness report.',
  },
];

export const SETTINGS_AREA_ID = 'settings';
export const AREA_IDS = [...AREAS.map((a) => a.id), SETTINGS_AREA_ID];

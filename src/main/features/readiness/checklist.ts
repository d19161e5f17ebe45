/**
 * Finch's Successful Integration Checklist (../shared/seeds/finch-integration-checklist.md),
 * section by section. Each item quotes the checklist line(s) it answers and says whether the
 * app can judge it from its own evidence (auto) or the user must tick it (manual).
 */
import type { ReadinessItemId } from '@shared/domain/readiness';

export interface ChecklistItem {
  id: ReadinessItemId;
  title: string;
  checklist: string[];
  kind: 'auto' | 'manual';
  /** Manual items: what to check before ticking. */
  hint?: string;
}

export interface ChecklistSection {
  title: string;
  items: ChecklistItem[];
}

export const CHECKLIST: readonly ChecklistSection[] = [
  {
    title: 'Integrating Finch Connect',
    items: [
      {
        id: 'connect-flow',
        kind: 'auto',
        title: 'Finch Connect used (embedded or redirect flow)',
        checklist: ['Integrate Finch Connect into your application’s frontend by using either the embedded flow or redirect flow.'],
      },
      {
        id: 'onboarding-placement',
        kind: 'manual',
        title: 'When and how Connect is presented is designed',
        checklist: ['A well-designed customer flow will carefully consider when and how to present Finch Connect to your customers.'],
        hint: 'Walk through your onboarding: the customer knows why they connect, and Connect opens from a clear step.',
      },
      {
        id: 'customer-messaging',
        kind: 'manual',
        title: 'Customers see messaging before Connect opens',
        checklist: [
          'Set expectations and increase conversion rate by displaying messaging to your customers prior to initiating Finch Connect.',
        ],
        hint: 'A screen before Connect says what will be shared and why.',
      },
      {
        id: 'onboarding-latency',
        kind: 'manual',
        title: 'Onboarding works around slow providers',
        checklist: [
          'If you add Finch Connect to your customer’s onboarding flow, read our Onboarding Experience guide for recommendations on a UI flow to work around the request latencies of some providers.',
        ],
        hint: 'The first sync can take minutes and reads may answer 202: onboarding must not wait on it (see the assisted-onboarding drill).',
      },
      {
        id: 'multiple-connections',
        kind: 'auto',
        title: 'Several connections per customer exercised',
        checklist: ['Make sure your application is able handle a customer with multiple provider accounts.'],
      },
    ],
  },
  {
    title: 'Integrating Finch API',
    items: [
      {
        id: 'backend-exchange',
        kind: 'auto',
        title: 'Code exchanged for a token in the back end',
        checklist: [
          'Integrate Finch’s API into your application’s backend.',
          'Since your client_secret should remain on the back-end, you should always perform an authorization code for an access_token exchange only on your back-end server and never on the client-side.',
        ],
      },
      {
        id: 'rate-limiter',
        kind: 'auto',
        title: 'Rate limiter active; 429s absorbed',
        checklist: ['Integrate an external rate limiter into your application that respects Finch APIs rate limits.'],
      },
      {
        id: 'nullable-fields',
        kind: 'auto',
        title: 'Nullable fields seen (field coverage)',
        checklist: [
          'Most data points returned by the API are nullable. Ensure your integration is resilient to type of data by handling API responses properly.',
        ],
      },
      {
        id: 'reauth-flow',
        kind: 'auto',
        title: 'Reauthentication drill',
        checklist: ['Ensure there are user flows built to support reauthentication_errors.'],
      },
      {
        id: 'server-errors',
        kind: 'auto',
        title: '5xx handling drill',
        checklist: ['Implement the troubleshooting tips to gracefully handle internal server errors.'],
      },
      {
        id: 'batch-errors',
        kind: 'auto',
        title: 'Batch errors handled (drill)',
        checklist: ['If you use our batch endpoints, ensure your application handles errors returned in the batch format.'],
      },
      {
        id: 'multiple-systems',
        kind: 'manual',
        title: 'Application logic and schema allow several employment systems',
        checklist: [
          'Some of your customers may use multiple employment systems. This will involve application logic and database schema considerations on your end.',
        ],
        hint: 'Your tables key data by connection, not only by customer; see “Several connections per customer” above for what this app exercised.',
      },
    ],
  },
  {
    title: 'Security',
    items: [
      {
        id: 'secrets-encrypted',
        kind: 'auto',
        title: 'Client secret and access tokens stored encrypted, never client-side',
        checklist: [
          'Store your client_secret in a back-end data store. It should never be exposed client-side. It is recommended to store it encrypted.',
          'Save access_tokens in a back-end data store against the users of your application. It should never be exposed client-side. It is recommended to store them encrypted.',
        ],
      },
    ],
  },
  {
    title: 'Storage and logging',
    items: [
      {
        id: 'company-id',
        kind: 'auto',
        title: 'company_id stored with every token',
        checklist: [
          'Each Finch access_token is associated with a static Finch company_id. Save this in your data store alongside the token.',
        ],
      },
      {
        id: 'request-ids',
        kind: 'auto',
        title: 'Finch-Request-ID logged for every response',
        checklist: ['Each Finch API response returns a Finch-Request-ID in the headers. Use this when contacting Support about an issue.'],
      },
    ],
  },
  {
    title: 'Production setup',
    items: [
      {
        id: 'email-forwarding',
        kind: 'manual',
        title: 'Email forwarding decided (enterprise)',
        checklist: [
          'Email forwarding to Finch is an enterprise-level feature that allows you to provision a custom email address for some API integrations.',
        ],
        hint: 'Ask developers@tryfinch.com if you want a custom address; tick when decided either way.',
      },
    ],
  },
  {
    title: 'Testing and going live',
    items: [
      {
        id: 'finch-sandbox',
        kind: 'auto',
        title: 'Finch Sandbox tested',
        checklist: ['Use the Finch Sandbox to test your integration against mock data.'],
      },
      {
        id: 'provider-sandbox',
        kind: 'auto',
        title: 'Provider sandbox or demo account tested',
        checklist: [
          'Some providers like BambooHR and Zenefits allow you to sign up for free demos. You can use these accounts to test with real providers.',
        ],
      },
      {
        id: 'write-operations',
        kind: 'manual',
        title: 'Write operations discussed with Finch (if needed)',
        checklist: ['If your application requires write operations, contact developers@tryfinch.com for more information.'],
        hint: 'Tick when you need no writes, or once Finch has confirmed them.',
      },
      {
        id: 'deduction-writes',
        kind: 'auto',
        title: 'Deduction writes proven end to end (if you write)',
        checklist: ['If your application requires write operations, contact developers@tryfinch.com for more information.'],
      },
      {
        id: 'disconnect-test',
        kind: 'auto',
        title: 'Test connections disconnected',
        checklist: ['Once you have tested your Finch integration with test accounts, you can go live.'],
      },
      {
        id: 'start-small',
        kind: 'manual',
        title: 'Launch with a few trusted customers first',
        checklist: ['Start small with a few, trusted customers and the most reliable providers.'],
      },
      {
        id: 'launch-all',
        kind: 'manual',
        title: 'Launched for all customers',
        checklist: ['Once your integration works as expected, launch the integration for all of your customers.'],
      },
    ],
  },
  {
    title: 'Support',
    items: [
      {
        id: 'support-ticket',
        kind: 'manual',
        title: 'The team knows how to open a support ticket',
        checklist: ['Submit a support ticket if you ever need help.'],
        hint: 'The Support bundle tab writes the ticket text with every Finch-Request-ID; try it once on a failure.',
      },
      {
        id: 'developer-dashboard',
        kind: 'manual',
        title: 'Developer Dashboard used to watch connections',
        checklist: [
          'Learn how to use the Developer Dashboard to keep track of your connected customers and the health of each connection.',
        ],
      },
    ],
  },
];

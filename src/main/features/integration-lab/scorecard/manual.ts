/**
 * Checklist lines traffic cannot decide. Finch-Request-ID is half-way: the proxy shows Finch sent
 * one on each answer (and keeps it in the request log), but whether the app stores it is a
 * question for its engineers.
 */
import type { ObservedCall, ScorecardLine } from '@shared/domain/integration-lab';
import type { LineHead } from './calls';
import { evidence, line, plural } from './calls';

export const REQUEST_ID: LineHead = {
  id: 'finch-request-id',
  checklist: 'Each Finch API response returns a Finch-Request-ID in the headers. Use this when contacting Support about an issue.',
  title: 'Finch-Request-ID kept for support',
};

export function requestIdLine(calls: readonly ObservedCall[]): ScorecardLine {
  const answered = calls.filter((c) => c.status !== null);
  const withId = answered.filter((c) => c.requestId !== null);
  const failed = withId.filter((c) => c.status! >= 400);
  const summary =
    answered.length === 0
      ? 'No answers seen yet. Does your app store the Finch-Request-ID of each call it makes?'
      : `${withId.length} of ${plural(answered.length, 'answer')} carried a Finch-Request-ID; the request log keeps them for you. Does your app store them too (at least on errors)?`;
  return line(
    REQUEST_ID,
    'manual',
    summary,
    failed.length > 0 ? [evidence(`Request ids of the ${plural(failed.length, 'failed call')} to quote to support`, failed)] : [],
    'Traffic cannot show whether your app logs or stores the header it received.',
  );
}

const BY_HAND = 'Traffic through the proxy cannot show this; check it by hand.';

/** Lines from Finch's checklist that only a person can tick, with the question to ask. */
const MANUAL_LINES: (LineHead & { question: string })[] = [
  {
    id: 'connect-frontend',
    checklist: "Integrate Finch Connect into your application's frontend by using either the embedded flow or redirect flow.",
    title: 'Finch Connect in the frontend',
    question: 'Does your frontend open Connect with a session created by your backend (react-connect 5 or the redirect flow)?',
  },
  {
    id: 'connect-messaging',
    checklist: 'Set expectations and increase conversion rate by displaying messaging to your customers prior to initiating Finch Connect.',
    title: 'Customer messaging before Connect',
    question: 'Do customers see what will be shared and why before Connect opens, and a plan for slow providers during onboarding?',
  },
  {
    id: 'multiple-connections',
    checklist: 'Make sure your application is able handle a customer with multiple provider accounts.',
    title: 'Customers with several provider accounts',
    question: 'Can one customer hold several connections (schema and application logic)?',
  },
  {
    id: 'secret-storage',
    checklist:
      'Store your client_secret in a back-end data store. It is recommended to store it encrypted. Save access_tokens in a back-end data store, encrypted.',
    title: 'Secrets and tokens stored encrypted on the backend',
    question: 'Are the client secret and access tokens encrypted at rest, and never sent to a browser?',
  },
  {
    id: 'test-and-launch',
    checklist:
      'Use the Finch Sandbox to test your integration against mock data. Start small with a few, trusted customers and the most reliable providers.',
    title: 'Tested in Sandbox, launching small',
    question: 'Has this integration run against Finch Sandbox, and is the launch limited to a few trusted customers first?',
  },
  {
    id: 'support-and-dashboard',
    checklist:
      'Submit a support ticket if you ever need help. Learn how to use the Developer Dashboard to keep track of your connected customers and the health of each connection.',
    title: 'Support tickets and the Developer Dashboard',
    question: 'Does the team know how to open a ticket (with Finch-Request-IDs) and watch connection health in the Dashboard?',
  },
];

export function manualLines(): ScorecardLine[] {
  return MANUAL_LINES.map(({ question, ...head }) => line(head, 'manual', question, [], BY_HAND));
}

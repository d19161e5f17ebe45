/** The explorer's endpoint views, in the order the side list shows them. */
import type { JSX } from 'react';
import type { ViewProps } from '../explorer-context';
import { IntrospectView, ProvidersView } from './AccountViews';
import { BenefitsView } from './BenefitsView';
import { DocumentsView } from './DocumentsView';
import { ForwardView } from './ForwardView';
import { JobsView } from './JobsView';
import { PayGroupsView } from './PayGroupsView';
import { PayItemsView } from './PayItemsView';
import { PaymentsView } from './PaymentsView';
import { PeopleView } from './PeopleView';

export const EXPLORER_VIEWS: { id: string; label: string; endpoint: string }[] = [
  { id: 'overview', label: 'Company & directory', endpoint: '/employer/company, /directory' },
  { id: 'individuals', label: 'Individuals', endpoint: 'POST /employer/individual' },
  { id: 'employments', label: 'Employments', endpoint: 'POST /employer/employment' },
  { id: 'payments', label: 'Payments & pay statements', endpoint: '/employer/payment, /pay-statement' },
  { id: 'pay-groups', label: 'Pay groups', endpoint: '/employer/pay-groups' },
  { id: 'pay-items', label: 'Pay-statement items', endpoint: '/employer/pay-statement-item' },
  { id: 'benefits', label: 'Benefits', endpoint: '/employer/benefits' },
  { id: 'documents', label: 'Documents (W-4)', endpoint: '/employer/documents' },
  { id: 'jobs', label: 'Jobs', endpoint: '/jobs/automated, /manual' },
  { id: 'providers', label: 'Providers', endpoint: 'GET /providers' },
  { id: 'introspect', label: 'Introspect', endpoint: 'GET /introspect' },
  { id: 'forward', label: 'Request forwarding', endpoint: 'POST /forward' },
];

export function ExplorerView({ id, watchJob, ...props }: ViewProps & { id: string; watchJob: string | null }): JSX.Element | null {
  // Keyed by connection: a view's local state (chosen rows, forms) never leaks to another connection.
  const key = props.connection.id;
  switch (id) {
    case 'individuals':
      return <PeopleView key={`i-${key}`} kind="individual" {...props} />;
    case 'employments':
      return <PeopleView key={`e-${key}`} kind="employment" {...props} />;
    case 'payments':
      return <PaymentsView key={key} {...props} />;
    case 'pay-groups':
      return <PayGroupsView key={key} {...props} />;
    case 'pay-items':
      return <PayItemsView key={key} {...props} />;
    case 'benefits':
      return <BenefitsView key={key} {...props} />;
    case 'documents':
      return <DocumentsView key={key} {...props} />;
    case 'jobs':
      return <JobsView key={key} {...props} watchJob={watchJob} />;
    case 'providers':
      return <ProvidersView key={key} {...props} />;
    case 'introspect':
      return <IntrospectView key={key} {...props} />;
    case 'forward':
      return <ForwardView key={key} {...props} />;
    default:
      return null;
  }
}

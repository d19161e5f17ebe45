/** Every Finch API route the simulator serves, one per operation in Finch's OpenAPI spec. */
import type { RouteDef } from '../server/router';
import { accountRoutes } from './account-routes';
import { connectSessionRoutes } from './connect-sessions';
import { benefitRoutes } from './employer-benefits';
import { employerOrgRoutes } from './employer-org';
import { payItemRoutes } from './employer-pay-items';
import { employerPayrollRoutes } from './employer-payroll';
import { planRoutes } from './employer-plans';
import { forwardRoutes } from './forward';
import { jobRoutes } from './jobs';
import { sandboxRoutes } from './sandbox';

export const FINCH_ROUTES: readonly RouteDef[] = [
  ...accountRoutes,
  ...connectSessionRoutes,
  ...employerOrgRoutes,
  ...employerPayrollRoutes,
  ...payItemRoutes,
  ...benefitRoutes,
  ...planRoutes,
  ...jobRoutes,
  ...sandboxRoutes,
  ...forwardRoutes,
];

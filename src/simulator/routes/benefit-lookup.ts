/** The company benefits a connection can see and address by id. */
import type { BenefitTypeName } from '../data/providers';
import { errors } from '../http/finch-errors';
import type { ConnectionContext } from '../server/router';
import { viewOf } from './employer-org';
import type { JsonObject } from './input';

/**
 * The benefits this connection sees: those of a type its provider supports, and those created
 * without a type (Finch's spec allows it; no provider check could refuse them).
 */
export function visibleBenefits(c: ConnectionContext): JsonObject[] {
  return viewOf(c)
    .benefits()
    .filter((b) => b['type'] === null || c.provider.benefitTypes.includes(b['type'] as BenefitTypeName));
}

export function benefitOr404(c: ConnectionContext): JsonObject {
  const id = c.params['benefit_id'] ?? '';
  const benefit = visibleBenefits(c).find((b) => b['benefit_id'] === id);
  if (!benefit) throw errors.notFound(`No benefit ${id} for this connection.`, 'benefit_not_found');
  return benefit;
}

/**
 * The Local simulator's side of the webhook lab: which simulator to trigger events on, and the
 * one endpoint registered with it so its events reach our receiver, signed with the secret the
 * vault holds. Kept apart from WebhookService, which owns the receiver, the store and forwarding.
 */
import { WorkbenchError } from '@main/platform/errors';
import type { SecretVault } from '@main/platform/secrets/secret-vault';
import { secretRefs } from '@main/platform/secrets/secret-vault';
import type { EnvironmentService } from '@main/platform/workspace/environment-service';
import type { DeliveryView } from '@shared/domain/webhooks';
import type { RunningSimulator } from '@simulator';

/** The simulator to send events on demand; only the Local simulator environment has one. */
export function simulatorFor(
  environments: Pick<EnvironmentService, 'get'>,
  simulator: () => RunningSimulator | null,
  environmentId: string,
): RunningSimulator {
  if (environments.get(environmentId).kind !== 'local-simulator') {
    throw new WorkbenchError(
      'validation',
      'Only the Local simulator sends events on demand. Finch sends real ones: paste them under “Verify a payload”.',
    );
  }
  const running = simulator();
  if (!running) throw new WorkbenchError('network', 'The local simulator is not running. Restart the app.');
  return running;
}

/** An environment's webhook secret from the vault, or null when none is set or it cannot be read. */
export function webhookSecretOf(vault: SecretVault, environmentId: string): string | null {
  const ref = secretRefs.webhookSecret(environmentId);
  if (!vault.has(ref)) return null;
  try {
    return vault.reveal(ref);
  } catch {
    return null;
  }
}

/** A new secret of the same form as Finch's: base64 of 32 random bytes. */
export function randomWebhookSecret(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString('base64');
}

/** Our receiver's registration with the simulator; re-registered only when its URL or secret changes. */
export class SimulatorEndpoint {
  private registration: { id: string; secret: string; url: string } | null = null;

  constructor(private readonly simulator: () => RunningSimulator | null) {}

  get registered(): boolean {
    return this.registration !== null;
  }

  ensure(url: string, secret: string, clientId: string): void {
    const simulator = this.simulator();
    if (!simulator) return this.unregister();
    if (this.registration && this.registration.secret === secret && this.registration.url === url) return;
    this.unregister();
    const endpoint = simulator.webhooks.register({ url, secret, client_id: clientId });
    this.registration = { id: endpoint.id, secret, url };
  }

  unregister(): void {
    if (this.registration) this.simulator()?.webhooks.unregister(this.registration.id);
    this.registration = null;
  }
}

/** An edited payload to trigger must be a JSON object, as every Finch event is; the field is named for the form. */
export function assertEventObject(body: string): void {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch (error) {
    throw new WorkbenchError('validation', `The payload is not valid JSON: ${(error as Error).message}`, {
      fields: [{ path: 'body', message: 'is not valid JSON' }],
    });
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new WorkbenchError('validation', 'The payload must be a JSON object, as every Finch event is.', {
      fields: [{ path: 'body', message: 'must be a JSON object' }],
    });
  }
}

type SimulatorDelivery = ReturnType<RunningSimulator['webhooks']['deliveries']>[number];

/** The simulator's delivery log entry as the lab shows it. */
export function deliveryView(d: SimulatorDelivery): DeliveryView {
  return {
    deliveryId: d.delivery_id,
    eventId: d.event_id,
    eventType: d.event_type,
    connectionId: d.connection_id,
    url: d.url,
    createdAt: d.created_at,
    state: d.state,
    tamper: d.tamper,
    attempts: d.attempts.map((a) => ({ at: a.at, statusCode: a.status_code, error: a.error, durationMs: a.duration_ms })),
    nextAttemptAt: d.next_attempt_at,
  };
}

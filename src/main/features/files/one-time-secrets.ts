/**
 * The export gate's one deliberate exception to "the vault's secrets never leave": a webhook
 * secret the app has just generated must reach the user once, or they cannot set the same
 * secret on their dev server (Finch shows its own secrets once in the same way).
 *
 * Why it is shaped like this: the reply that generates the secret carries only a random
 * reveal id, never the value. The renderer trades that id at the gate (files.prepareExport,
 * source `one-time-secret`) for a clipboard output holding the secret; it shows that output
 * and copies exactly it. Taking an id deletes it, so the secret crosses to the renderer once,
 * on the user's explicit generation, and no later call (state, lists, another copy) can fetch
 * it again. Ids expire after ten minutes and are worthless once the secret is replaced.
 */
import { randomBytes } from 'node:crypto';

const KEEP_MS = 10 * 60_000;
/** A generation or two may be pending at once (a receiver start, then “Generate”). */
const MAX_PENDING = 4;

export class OneTimeSecrets {
  private readonly pending = new Map<string, { secret: string; at: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Registers a secret that was just generated; returns the id that reveals it once. */
  offer(secret: string): string {
    this.expire();
    if (this.pending.size >= MAX_PENDING) this.pending.delete(this.pending.keys().next().value!);
    const revealId = `reveal-${randomBytes(16).toString('hex')}`;
    this.pending.set(revealId, { secret, at: this.now() });
    return revealId;
  }

  /** The secret for this id, once; null when it was taken, expired or never offered. */
  take(revealId: string): string | null {
    this.expire();
    const entry = this.pending.get(revealId);
    this.pending.delete(revealId);
    return entry?.secret ?? null;
  }

  private expire(): void {
    const cutoff = this.now() - KEEP_MS;
    for (const [id, entry] of this.pending) if (entry.at < cutoff) this.pending.delete(id);
  }
}

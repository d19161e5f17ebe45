/**
 * Ids and names the app has handed out during the storm (environments, connections, log
 * entries, Connect states), so "valid-ish" payloads can also name things that exist and
 * reach past the not-found checks. What was stored before the storm (the canary) is never
 * added: only the app itself may touch it, and the test checks it comes out intact.
 */
import { ENVIRONMENT_KINDS } from '@shared/domain/environment';

export class IdPools {
  readonly environmentIds = new Set<string>();
  readonly environmentNames = new Set<string>();
  readonly connectionIds = new Set<string>();
  readonly callIds = new Set<string>();
  readonly logEntryIds = new Set<number>();
  readonly connectStates = new Set<string>();
  /** Exported environment files (files:prepareExport of kind `environments`), for importJson. */
  readonly exports: string[] = [];

  constructor(
    private readonly protectedIds: ReadonlySet<string>,
    private readonly protectedNames: ReadonlySet<string>,
  ) {}

  /** Collects from a reply value (bounded walk). */
  learn(value: unknown, depth = 0): void {
    if (depth > 6 || value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) {
      for (const item of value.slice(0, 200)) this.learn(item, depth + 1);
      return;
    }
    const v = value as Record<string, unknown>;
    const id = v['id'];
    if (typeof id === 'string' && typeof v['kind'] === 'string' && (ENVIRONMENT_KINDS as readonly string[]).includes(v['kind'])) {
      if (!this.protectedIds.has(id)) this.environmentIds.add(id);
      if (typeof v['name'] === 'string' && !this.protectedNames.has(v['name'])) this.environmentNames.add(v['name']);
    }
    if (typeof id === 'string' && typeof v['hasToken'] === 'boolean') this.connectionIds.add(id);
    if (typeof v['callId'] === 'string') this.callIds.add(v['callId']);
    if (typeof id === 'number' && typeof v['callId'] === 'string') this.logEntryIds.add(id);
    if (typeof v['state'] === 'string' && (typeof v['sessionId'] === 'string' || typeof v['launchUrl'] !== 'undefined'))
      this.connectStates.add(v['state']);
    const file = v['content'];
    if (typeof file === 'string' && file.includes('"finch-workbench/environments"') && this.exports.length < 5) this.exports.push(file);
    for (const child of Object.values(v)) if (typeof child === 'object') this.learn(child, depth + 1);
  }

  /** Known values worth trying for a field of this name. */
  stringsFor(key: string): string[] {
    switch (key) {
      case 'id':
      case 'environmentId':
        return [...this.environmentIds];
      case 'connectionId':
        return [...this.connectionIds];
      case 'callId':
        return [...this.callIds];
      case 'state':
        return [...this.connectStates];
      case 'name':
      case 'confirmName':
        return [...this.environmentNames];
      case 'json':
        return this.exports;
      default:
        return [];
    }
  }

  numbersFor(key: string): number[] {
    return key === 'id' || key === 'beforeId' ? [...this.logEntryIds].slice(-50) : [];
  }
}

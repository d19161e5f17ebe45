/**
 * The one place every renderer call enters main, whatever the transport (ipcMain in
 * Electron, the WebSocket of the browser harness). It checks who is calling, validates the
 * payload against the contract, runs the handler and turns every outcome into data:
 * a stack trace never crosses to the renderer.
 */
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { ContractSpec, HandlerMapOf, IpcError, Result } from '@shared/ipc/contract-kit';
import { listChannels } from '@shared/ipc/contract-kit';
import { WorkbenchError } from '../errors';

/** Who sent a call, as far as the transport can tell. */
export interface SenderInfo {
  /** The origin of the calling document, e.g. `app://workbench` or `http://127.0.0.1:5123`. */
  origin: string | null;
  /** False for calls from sub-frames (e.g. the Connect iframe), which are never trusted. */
  isMainFrame: boolean;
  /** A transport-specific identity (webContents id, WebSocket id) checked by the trust rule. */
  id: string;
}

export interface GuardLogEntry {
  channel: string;
  outcome: 'ok' | IpcError['kind'];
  durationMs: number;
  message?: string;
}

export interface IpcGuardOptions<C extends ContractSpec> {
  contract: C;
  handlers: HandlerMapOf<C>;
  isTrustedSender(sender: SenderInfo): boolean;
  /** Receives one line per call; never payloads, which may carry secrets. */
  log?: (entry: GuardLogEntry) => void;
  /** Receives unexpected exceptions with a reference the user can quote. */
  onInternalError?: (reference: string, channel: string, error: unknown) => void;
  now?: () => number;
}

export interface IpcGuard {
  readonly channels: readonly string[];
  dispatch(channel: string, payload: unknown, sender: SenderInfo): Promise<Result<unknown>>;
}

interface Route {
  input: z.ZodType;
  output: z.ZodType;
  handler: (input: unknown) => unknown;
}

export function createIpcGuard<C extends ContractSpec>(options: IpcGuardOptions<C>): IpcGuard {
  const now = options.now ?? (() => performance.now());
  // A Map, not an object lookup: a channel named `__proto__` or `toString` must not resolve.
  const routes = new Map<string, Route>();
  const handlers = options.handlers as Record<string, Record<string, (input: unknown) => unknown>>;
  for (const { feature, name, channel, spec } of listChannels(options.contract)) {
    const handler = handlers[feature]?.[name];
    if (typeof handler !== 'function') throw new Error(`No handler for ${channel}`);
    routes.set(channel, { input: spec.input, output: spec.output, handler });
  }

  async function run(channel: string, payload: unknown, sender: SenderInfo): Promise<Result<unknown>> {
    if (!sender.isMainFrame || !options.isTrustedSender(sender)) {
      return fail('forbidden', `Refused: the caller (${sender.origin ?? 'unknown origin'}) is not this app's window.`);
    }
    const route = routes.get(channel);
    if (!route) return fail('not_found', 'Unknown channel: this app offers no such call.');

    const broken = findBrokenText(payload);
    if (broken !== null) {
      const fields = [{ path: broken || '(input)', message: 'contains a broken character (an unpaired UTF-16 surrogate)' }];
      return { ok: false, error: { kind: 'validation', message: describeFields(fields), fields } };
    }
    const parsed = route.input.safeParse(payload);
    if (!parsed.success) {
      const fields = parsed.error.issues.map((issue) => ({
        path: issue.path.map(String).join('.') || '(input)',
        message: issue.message,
      }));
      return { ok: false, error: { kind: 'validation', message: describeFields(fields), fields } };
    }

    try {
      const value = await route.handler(parsed.data);
      const checked = route.output.safeParse(value);
      if (!checked.success) {
        // main broke its own contract: a bug, reported like any other internal error.
        throw new Error(`Handler for ${channel} returned a value outside the contract: ${checked.error.message}`);
      }
      return { ok: true, value: checked.data };
    } catch (error) {
      if (error instanceof WorkbenchError) return { ok: false, error: error.toIpcError() };
      const reference = randomUUID().slice(0, 8);
      options.onInternalError?.(reference, channel, error);
      // The channel goes to the log with the reference; the user gets the reference only.
      return fail('internal', `Something went wrong (reference ${reference}). The details are in the app log.`);
    }
  }

  return {
    channels: [...routes.keys()],
    async dispatch(channel, payload, sender) {
      const started = now();
      const result = await run(String(channel), payload, sender);
      options.log?.({
        channel: describe(channel),
        outcome: result.ok ? 'ok' : result.error.kind,
        durationMs: now() - started,
        ...(result.ok ? {} : { message: result.error.message }),
      });
      return result;
    },
  };
}

function fail(kind: IpcError['kind'], message: string): Result<never> {
  return { ok: false, error: { kind, message } };
}

/**
 * The user-facing text of a validation failure: each field by the label a form would give it
 * (`endDate` → “End date”), then what is wrong. Never the channel name: that is plumbing, and
 * the guard's log line already carries it. Forms place `fields` next to their inputs.
 */
export function describeFields(fields: { path: string; message: string }[]): string {
  return fields.map((f) => `${fieldLabel(f.path)}: ${f.message}`).join('; ');
}

function fieldLabel(path: string): string {
  if (path === '(input)' || path === '') return 'Input';
  const words = path.split('.').map((part) =>
    /^\d+$/.test(part)
      ? `item ${Number(part) + 1}`
      : part
          .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
          .replace(/[_-]+/g, ' ')
          .toLowerCase(),
  );
  const label = words.join(', ');
  return label.charAt(0).toUpperCase() + label.slice(1);
}

/** Channel names come from the renderer: quote them and cap their length before echoing. */
function describe(channel: unknown): string {
  const text = typeof channel === 'string' ? channel : String(channel);
  return JSON.stringify(text.length > 80 ? `${text.slice(0, 80)}…` : text);
}

/**
 * Unpaired surrogates cannot be stored faithfully: SQLite receives them as U+FFFD, so two
 * different names could become the same stored name (the IPC fuzz found exactly that as a
 * UNIQUE-constraint crash). Refused here, once, for every channel. Returns the dotted path
 * of the first broken string, or null.
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function findBrokenText(value: unknown, path = '', depth = 0): string | null {
  if (typeof value === 'string') return LONE_SURROGATE.test(value) ? path : null;
  if (depth > 20 || value === null || typeof value !== 'object') return null;
  for (const [key, item] of Object.entries(value)) {
    if (LONE_SURROGATE.test(key)) return path ? `${path}.${key}` : key;
    const found = findBrokenText(item, path ? `${path}.${key}` : key, depth + 1);
    if (found !== null) return found;
  }
  return null;
}

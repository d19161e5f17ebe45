/**
 * The building blocks of the IPC contract: how a channel and an event are declared, the
 * result envelope every reply travels in, and the types that derive the preload API and the
 * main handler map from one contract object. Nothing here knows about Electron.
 */
import { z } from 'zod';
import { channelName } from './outline';

/** The closed set of error kinds a renderer can receive (see ARCHITECTURE.md, plus `forbidden` and `cancelled`). */
export const ERROR_KINDS = [
  'validation',
  'not_found',
  'forbidden',
  'reauth_required',
  'rate_limited',
  'finch_error',
  'network',
  'secrets_unavailable',
  'conflict',
  /** The user cancelled a long operation: not a failure to report as one. */
  'cancelled',
  'internal',
] as const;
export type ErrorKind = (typeof ERROR_KINDS)[number];

export const IpcErrorSchema = z.object({
  kind: z.enum(ERROR_KINDS),
  message: z.string(),
  requestId: z.string().optional(),
  finchCode: z.string().optional(),
  /** For validation errors: the dotted path of each offending field. */
  fields: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type IpcError = z.infer<typeof IpcErrorSchema>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: IpcError };

/** A request/response channel: what the renderer may send and what main answers. */
export interface ChannelSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  readonly kind: 'channel';
  readonly input: I;
  readonly output: O;
  /** One line for humans: shown in docs and error messages. */
  readonly summary: string;
}

/** A main→renderer event and the shape of its payload. */
export interface EventSpec<P extends z.ZodType = z.ZodType> {
  readonly kind: 'event';
  readonly payload: P;
  readonly summary: string;
}

export function channel<I extends z.ZodType, O extends z.ZodType>(spec: { input: I; output: O; summary: string }): ChannelSpec<I, O> {
  return { kind: 'channel', ...spec };
}

export function event<P extends z.ZodType>(spec: { payload: P; summary: string }): EventSpec<P> {
  return { kind: 'event', ...spec };
}

/** A feature groups the channels and events of one area of the app (settings, environments…). */
export type FeatureSpec = Record<string, ChannelSpec | EventSpec>;
export type ContractSpec = Record<string, FeatureSpec>;

export { channelName, listenerName } from './outline';

interface MemberEntry<S> {
  feature: string;
  name: string;
  channel: string;
  spec: S;
}
export type ChannelEntry = MemberEntry<ChannelSpec>;
export type EventEntry = MemberEntry<EventSpec>;

function listMembers<S extends ChannelSpec | EventSpec>(contract: ContractSpec, kind: S['kind']): MemberEntry<S>[] {
  return Object.entries(contract).flatMap(([feature, members]) =>
    Object.entries(members)
      .filter(([, spec]) => spec.kind === kind)
      .map(([name, spec]) => ({ feature, name, channel: channelName(feature, name), spec: spec as S })),
  );
}

export function listChannels(contract: ContractSpec): ChannelEntry[] {
  return listMembers<ChannelSpec>(contract, 'channel');
}

export function listEvents(contract: ContractSpec): EventEntry[] {
  return listMembers<EventSpec>(contract, 'event');
}

// ---- Types derived from a contract ---------------------------------------------------------

type ChannelKeys<F> = { [K in keyof F]: F[K] extends ChannelSpec ? K : never }[keyof F];
type EventKeys<F> = { [K in keyof F]: F[K] extends EventSpec ? K : never }[keyof F];

export type InputOf<C> = C extends ChannelSpec<infer I, z.ZodType> ? z.input<I> : never;
export type ParsedInputOf<C> = C extends ChannelSpec<infer I, z.ZodType> ? z.output<I> : never;
export type OutputOf<C> = C extends ChannelSpec<z.ZodType, infer O> ? z.output<O> : never;
export type PayloadOf<E> = E extends EventSpec<infer P> ? z.output<P> : never;

/** What the renderer sees as `window.workbench`. */
export type WorkbenchApiOf<C extends ContractSpec> = {
  [F in keyof C]: {
    // Channels whose input has no required field may be called with no argument.
    [K in ChannelKeys<C[F]>]: (
      ...args: Record<never, never> extends InputOf<C[F][K]> ? [input?: InputOf<C[F][K]>] : [input: InputOf<C[F][K]>]
    ) => Promise<Result<OutputOf<C[F][K]>>>;
  } & {
    [K in EventKeys<C[F]> as `on${Capitalize<K & string>}`]: (listener: (payload: PayloadOf<C[F][K]>) => void) => () => void;
  };
};

/** What main must implement: one handler per channel, receiving the already-validated input. */
export type HandlerMapOf<C extends ContractSpec> = {
  [F in keyof C]: {
    [K in ChannelKeys<C[F]>]: (input: ParsedInputOf<C[F][K]>) => Promise<OutputOf<C[F][K]>> | OutputOf<C[F][K]>;
  };
};

/** How main raises an event: typed by feature and event name. */
export type EmitOf<C extends ContractSpec> = <F extends keyof C & string, K extends EventKeys<C[F]> & string>(
  feature: F,
  name: K,
  payload: PayloadOf<C[F][K]>,
) => void;

/** Small input schemas every part of the IPC contract uses. */
import { z } from 'zod';
import { ConnectionIdSchema } from '../domain/explorer';

export const NoInput = z.object({}).strict();
export const Id = z.string().min(1).max(200);
export const ConnectionOnly = z.object({ connectionId: ConnectionIdSchema }).strict();

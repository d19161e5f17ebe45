/**
 * Everything that leaves the app as a file or on the clipboard crosses IPC in these shapes:
 * the renderer sends what the view shows, main redacts it (one Redactor per output, so the
 * same value gets the same placeholder) and answers with the content to save or copy and
 * counts of what was hidden. Raw output is a per-act choice and still loses the vault's
 * secrets.
 */
import { z } from 'zod';
import { EXPORT_PART_CHARS, MAX_EXPORT_ROWS } from './export-limits';

const Name = z
  .string()
  .max(300)
  .regex(/^[^\u0000-\u001f\u007f]*$/, 'must not contain control characters');

export const ExportColumnSchema = z
  .object({
    /** The view's column id. */
    key: Name.min(1),
    /** Header written to the file. */
    label: Name,
    /** Dotted path of the field the column shows (e.g. `residence.city`): decides what kind of data it holds. */
    path: Name.optional(),
    /** The column's values belong to the field named in another column of the row (a diff's Before/After next to its Field). */
    pathFrom: Name.optional(),
  })
  .strict();
export type ExportColumnSpec = z.infer<typeof ExportColumnSchema>;

/** Rows as arrays of cells, in column order; a cell is any JSON value. */
const RowsSchema = z.array(z.array(z.unknown()).max(2_000)).max(MAX_EXPORT_ROWS);
const DraftId = z.string().regex(/^draft-[0-9a-f]{16}$/, 'is not a draft id');

export const StageExportSchema = z
  .object({
    /** Absent on the first part; then the id the first part returned. */
    draftId: DraftId.optional(),
    rows: RowsSchema.optional(),
    text: z
      .string()
      .max(EXPORT_PART_CHARS * 2)
      .optional(),
  })
  .strict();
export type StageExport = z.infer<typeof StageExportSchema>;

export const ExportSourceSchema = z.discriminatedUnion('kind', [
  /** A table view: rows (inline, or gathered in a draft) and its columns; written as CSV or JSON. */
  z
    .object({
      kind: z.literal('table'),
      columns: z.array(ExportColumnSchema).min(1).max(2_000),
      rows: RowsSchema.optional(),
      draftId: DraftId.optional(),
    })
    .strict(),
  /** JSON text of a view (a record, traces): sensitive keys lose their values, strings are scanned as text. */
  z
    .object({
      kind: z.literal('json'),
      text: z
        .string()
        .max(EXPORT_PART_CHARS * 2)
        .optional(),
      draftId: DraftId.optional(),
    })
    .strict(),
  /** Free text (a request-ID line, a ticket): every pattern. */
  z
    .object({
      kind: z.literal('text'),
      text: z
        .string()
        .max(EXPORT_PART_CHARS * 2)
        .optional(),
      draftId: DraftId.optional(),
    })
    .strict(),
  /**
   * A command the app built from a logged attempt (copy as cURL): it carries no body and its
   * credentials are shell variables, so only known secrets and personal values are replaced —
   * the free-text rules would turn `Authorization: Bearer $FINCH_ACCESS_TOKEN` and the API
   * version date into placeholders and break the command.
   */
  z
    .object({
      kind: z.literal('command'),
      text: z
        .string()
        .max(EXPORT_PART_CHARS * 2)
        .optional(),
      draftId: DraftId.optional(),
    })
    .strict(),
  /**
   * The environments file, built in main (names, kinds, client_ids, URLs; never a secret). Its
   * names are the user's labels, not people: the personal-data rules would break the import, so
   * only the vault's secrets are checked, as for every output.
   */
  z.object({ kind: z.literal('environments') }).strict(),
  /**
   * A webhook secret the app just generated, shown and copied once (main/files/one-time-secrets.ts
   * explains the exception): the id from the reply that generated it, good for one clipboard output.
   */
  z.object({ kind: z.literal('one-time-secret'), revealId: z.string().regex(/^reveal-[0-9a-f]{32}$/, 'is not a reveal id') }).strict(),
]);
export type ExportSource = z.infer<typeof ExportSourceSchema>;

export const PrepareExportSchema = z
  .object({
    /** Where it goes: a file (saved or downloaded) or the clipboard. */
    target: z.enum(['file', 'clipboard']),
    /** For files: a plain name ending in .csv, .json, .md, .html or .txt. */
    suggestedName: z.string().min(1).max(200).optional(),
    /** Tables only: CSV or JSON. */
    format: z.enum(['csv', 'json']).optional(),
    source: ExportSourceSchema,
    /** The user's per-act choice to keep personal data; the vault's secrets are removed regardless. */
    raw: z.boolean(),
  })
  .strict();
export type PrepareExport = z.infer<typeof PrepareExportSchema>;

export const PreparedExportSchema = z.object({
  exportId: z.string(),
  target: z.enum(['file', 'clipboard']),
  suggestedName: z.string().nullable(),
  /** Exactly what will be saved or copied. */
  content: z.string(),
  raw: z.boolean(),
  /** Values replaced, per category (occurrences) and how many distinct values that was. */
  hidden: z.record(z.string(), z.number()),
  distinct: z.record(z.string(), z.number()),
  /** Occurrences replaced in total. */
  total: z.number(),
  rows: z.number().nullable(),
  bytes: z.number(),
  /** Known secrets the final bytes were checked against (every encoding). */
  secretsChecked: z.number(),
});
export type PreparedExport = z.infer<typeof PreparedExportSchema>;

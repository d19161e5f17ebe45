/**
 * Rows → compact column data for the sort/filter engine (row-order.ts): per column, each cell's
 * kind and number, and its raw and shown text joined into one string. Runs on the UI thread,
 * once per arriving row; what it builds is transferred, not copied, to the worker.
 */
import { cellText } from '@shared/export/table-export';
import type { DataColumn } from './columns';
import { shownValue } from './columns';
import type { EncodedBatch, EncodedColumn } from './row-order';
import { joinTexts } from './row-filter';
import { BOOLEAN, MISSING, NUMBER, TEXT } from './row-order';

export function encodeRows<T>(
  rows: readonly T[],
  start: number,
  end: number,
  columns: readonly DataColumn<T>[],
  revealed: boolean,
): EncodedBatch {
  const count = end - start;
  const encoded = columns.map((column): EncodedColumn => {
    const kinds = new Uint8Array(count);
    const nums = new Float64Array(count);
    const texts: string[] = new Array<string>(count);
    const shown: string[] = new Array<string>(count);
    for (let i = 0; i < count; i++) {
      const row = rows[start + i]!;
      const value = column.value(row);
      if (value === null || value === undefined || value === '') kinds[i] = MISSING;
      else if (typeof value === 'number') {
        kinds[i] = NUMBER;
        nums[i] = value;
      } else if (typeof value === 'boolean') {
        kinds[i] = BOOLEAN;
        nums[i] = value ? 1 : 0;
      } else kinds[i] = TEXT;
      texts[i] = cellText(value);
      // What the filter searches: the cell as shown (masked unless revealed; null reads "null").
      const visible = shownValue(column, row, revealed);
      shown[i] = visible === null ? 'null' : cellText(visible);
    }
    const text = joinTexts(texts);
    const shownText = joinTexts(shown);
    return { id: column.id, kinds, nums, text: text.text, textEnds: text.ends, shown: shownText.text, shownEnds: shownText.ends };
  });
  return { start, count, columns: encoded };
}

/** The buffers a batch can hand over to a worker without copying. */
export function transferables(batch: EncodedBatch): ArrayBuffer[] {
  return batch.columns.flatMap((c) => [c.kinds.buffer, c.nums.buffer, c.textEnds.buffer, c.shownEnds.buffer] as ArrayBuffer[]);
}

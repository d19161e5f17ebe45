/** The sandbox write schemas the app validates with must be exactly what Finch's spec says today. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import committed from '@shared/finch/sandbox-write-schemas.json';
import { extractSandboxWriteSchemas } from '@shared/finch/sandbox-write-extract';
import { checkSandboxWrite } from '@main/features/sandbox/write-validation';

const spec = JSON.parse(readFileSync(resolve(__dirname, '../spec/finch-openapi.json'), 'utf8'));

describe('sandbox write schemas', () => {
  it('match the spec (regenerate with `npx tsx scripts/extract-sandbox-schemas.ts`)', () => {
    expect(committed).toEqual(extractSandboxWriteSchemas(spec));
  });

  it('accept Finch’s own request examples shape and refuse a wrong enum', () => {
    expect(
      checkSandboxWrite('directory', [
        { first_name: 'Ada', last_name: 'Lovelace', employment: { type: 'employee', subtype: 'full_time' } },
      ]),
    ).toEqual([]);
    expect(checkSandboxWrite('employment', { employment: { type: 'robot' } })[0]?.path).toBe('employment.type');
  });
});

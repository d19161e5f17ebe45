/** Regenerates src/shared/finch/sandbox-write-schemas.json from Finch's spec: `npx tsx scripts/extract-sandbox-schemas.ts`. */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { extractSandboxWriteSchemas } from '../src/shared/finch/sandbox-write-extract';

const root = resolve(__dirname, '..');
const spec = JSON.parse(readFileSync(resolve(root, 'test/spec/finch-openapi.json'), 'utf8'));
const out = resolve(root, 'src/shared/finch/sandbox-write-schemas.json');
writeFileSync(out, `${JSON.stringify(extractSandboxWriteSchemas(spec), null, 1)}\n`);
console.log(`wrote ${out}`);

/**
 * Writes src/shared/domain/field-catalog.ts from Finch's OpenAPI spec:
 *   npx tsx scripts/field-catalog/generate.ts [path/to/openapi.json]
 * The app cannot read test/spec at run time, so the catalog is committed; the unit test
 * test/unit/field-catalog.test.ts fails when it no longer matches the spec.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildCatalog, renderCatalogModule } from './build-catalog';

const root = resolve(__dirname, '..', '..');
const specPath = resolve(process.argv[2] ?? resolve(root, 'test/spec/finch-openapi.json'));
const spec = JSON.parse(readFileSync(specPath, 'utf8')) as { info?: { version?: string } };
const target = resolve(root, 'src/shared/domain/field-catalog.ts');
const catalog = buildCatalog(spec);
writeFileSync(target, renderCatalogModule(catalog, spec.info?.version ?? 'unknown'));
const counts = Object.entries(catalog)
  .map(([product, fields]) => `${product} ${fields.length}`)
  .join(', ');
console.log(`wrote ${target}: ${counts}`);

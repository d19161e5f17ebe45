/** The committed field catalog is what the spec says: regenerate it when this fails. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCatalog, renderCatalogModule } from '../../scripts/field-catalog/build-catalog';
import { FIELD_CATALOG, FIELD_CATALOG_API_VERSION } from '@shared/domain/field-catalog';

const root = resolve(__dirname, '..', '..');
const spec = JSON.parse(readFileSync(resolve(root, 'test/spec/finch-openapi.json'), 'utf8')) as { info: { version: string } };

describe('field catalog', () => {
  it('matches test/spec/finch-openapi.json (run `npx tsx scripts/field-catalog/generate.ts` after a spec update)', () => {
    expect(FIELD_CATALOG).toEqual(buildCatalog(spec));
    expect(FIELD_CATALOG_API_VERSION).toBe(spec.info.version);
    // The committed text too, so a hand edit of the file is caught as drift.
    expect(readFileSync(resolve(root, 'src/shared/domain/field-catalog.ts'), 'utf8')).toBe(
      renderCatalogModule(buildCatalog(spec), spec.info.version),
    );
  });

  it('fails on drift: a field added to the spec shows up', () => {
    const changed = structuredClone(spec) as unknown as {
      components: { schemas: { PayStatement: { properties: Record<string, unknown> } } };
    };
    changed.components.schemas.PayStatement.properties['shiny_new_field'] = { type: 'string', nullable: true };
    expect(buildCatalog(changed).pay_statement.map((f) => f.path)).toContain('shiny_new_field');
    expect(buildCatalog(changed)).not.toEqual(FIELD_CATALOG);
  });

  it('lists nested members and array items with their nullability, following $ref and allOf', () => {
    const individual = new Map(FIELD_CATALOG.individual.map((f) => [f.path, f]));
    expect(individual.get('residence')).toMatchObject({ type: 'object', nullable: true });
    expect(individual.get('residence.city')).toMatchObject({ type: 'string', nullable: true });
    expect(individual.get('emails[].data')).toMatchObject({ nullable: false });
    expect(individual.get('dob')).toMatchObject({ nullable: true });
    const company = FIELD_CATALOG.company.map((f) => f.path);
    expect(company).toEqual(
      expect.arrayContaining(['departments[].parent.name', 'accounts[].routing_number', 'entity.type', 'locations[].postal_code']),
    );
    expect(FIELD_CATALOG.pay_statement.map((f) => f.path)).toEqual(
      expect.arrayContaining(['earnings[].amount', 'gross_pay.amount', 'taxes[].employer']),
    );
    expect(FIELD_CATALOG.directory.map((f) => f.path)).toEqual([
      'department',
      'department.name',
      'first_name',
      'id',
      'is_active',
      'last_name',
      'manager',
      'manager.id',
      'middle_name',
    ]);
  });
});

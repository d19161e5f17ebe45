/**
 * Field coverage measured over a streamed pull, page by page: each product keeps only its
 * counts (records, per-field presence, unknown paths, batch item codes), never the records,
 * so measuring a 100,000-person company costs main the pages in flight, not the company.
 */
import type { CatalogProduct, ProductCoverage } from '@shared/domain/coverage';
import { COVERAGE_PRODUCTS } from '@shared/domain/coverage';
import { FIELD_CATALOG } from '@shared/domain/field-catalog';
import type { BatchItem } from '@main/platform/reads/batch-reader';
import type { JsonRecord, PullOutcome, PullSink, StatementsPage } from '@main/platform/reads/connection-stream';
import { FieldTally, UnknownFieldFinder } from './measure';
import type { ProviderClaims } from './provider-claims';

interface ProductTally {
  fields: FieldTally;
  unknown: UnknownFieldFinder;
  codes: Record<string, number>;
}

export class CoverageTally {
  private readonly tallies = {} as Record<CatalogProduct, ProductTally>;
  /** Payments whose statements' item code was counted (a payment answers on several pages). */
  private readonly paymentsCounted = new Set<string>();

  constructor() {
    for (const product of COVERAGE_PRODUCTS) {
      const catalog = FIELD_CATALOG[product];
      this.tallies[product] = { fields: new FieldTally(catalog), unknown: new UnknownFieldFinder(catalog), codes: {} };
    }
  }

  readonly sink: PullSink = {
    company: (record: JsonRecord) => this.add('company', [record]),
    directory: (people: JsonRecord[]) => this.add('directory', people),
    individuals: (items: BatchItem[]) => this.addItems('individual', items),
    employments: (items: BatchItem[]) => this.addItems('employment', items),
    payments: (records: JsonRecord[]) => this.add('payment', records),
    payStatements: (page: StatementsPage) => {
      // Batch items count only when their code is 200; the code is counted once per payment.
      if (!this.paymentsCounted.has(page.paymentId)) {
        this.paymentsCounted.add(page.paymentId);
        this.code('pay_statement', page.code);
      }
      if (page.code === 200) this.add('pay_statement', page.statements);
    },
  };

  product(product: CatalogProduct, outcome: PullOutcome, claims: ProviderClaims): ProductCoverage {
    const tally = this.tallies[product];
    const state = outcome.products[product];
    return {
      product,
      status: state.status,
      message: state.message,
      records: tally.fields.records,
      itemErrors: Object.entries(tally.codes).reduce((sum, [code, n]) => (code === '200' ? sum : sum + n), 0),
      itemCodes: { ...tally.codes },
      fields: tally.fields.result((path) => claims.supported(product, path)),
      unknownFields: tally.unknown.paths,
      providerOffers: claims.offers(product),
      requestIds: state.requestIds,
    };
  }

  private add(product: CatalogProduct, records: readonly unknown[]): void {
    this.tallies[product].fields.add(records);
    this.tallies[product].unknown.add(records);
  }

  private addItems(product: 'individual' | 'employment', items: readonly BatchItem[]): void {
    for (const item of items) this.code(product, item.code);
    this.add(
      product,
      items.filter((i) => i.code === 200).map((i) => i.body),
    );
  }

  private code(product: CatalogProduct, code: number | null): void {
    const key = String(code ?? 'none');
    this.tallies[product].codes[key] = (this.tallies[product].codes[key] ?? 0) + 1;
  }
}

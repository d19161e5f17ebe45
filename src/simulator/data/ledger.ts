/**
 * General-ledger view of a payment (POST /employer/ledger-items), synthesized from its pay
 * statements: expense debits on one side, cash and liability credits on the other; the two
 * sides balance because net = gross − employee taxes − deductions.
 */
import type { PayStatementRecord } from './pay-statements';

interface LedgerLine {
  type: string;
  account_type: string | null;
  account_description: string | null;
  debit: { amount: number; currency: string | null };
  credit: { amount: number; currency: string | null };
}

const debit = (type: string, account: string, description: string, amount: number): LedgerLine => ({
  type,
  account_type: account,
  account_description: description,
  debit: { amount, currency: 'usd' },
  credit: { amount: 0, currency: 'usd' },
});
const credit = (type: string, account: string, description: string, amount: number): LedgerLine => ({
  type,
  account_type: account,
  account_description: description,
  debit: { amount: 0, currency: 'usd' },
  credit: { amount, currency: 'usd' },
});

const EARNING_LEDGER: Record<string, string> = {
  salary: 'regular_wages',
  wage: 'regular_wages',
  overtime: 'overtime_wages',
  double_overtime: 'overtime_wages',
  bonus: 'bonus_wages',
  commission: 'bonus_wages',
  pto: 'paid_leave_wages',
  sick: 'paid_leave_wages',
  severance: 'severance_wages',
  reimbursement: 'expense_reimbursement',
  '1099': 'contractor_payment',
};

export function ledgerLines(statements: readonly PayStatementRecord[]): LedgerLine[] {
  const sums = new Map<string, number>();
  const add = (key: string, amount: number | null | undefined): void => {
    sums.set(key, (sums.get(key) ?? 0) + (amount ?? 0));
  };
  for (const s of statements) {
    for (const e of s.earnings) add(`earning:${EARNING_LEDGER[e.type] ?? 'other_earnings'}`, e.amount);
    for (const t of s.taxes) {
      if (t.employer)
        add(
          t.type === 'fica'
            ? 'employer:employer_tax_fica'
            : t.name === 'FUTA' || t.name.endsWith('SUI')
              ? 'employer:employer_tax_unemployment'
              : 'employer:employer_tax_other',
          t.amount,
        );
      else add('employee_taxes', t.amount);
    }
    for (const d of s.employee_deductions) add(d.pre_tax ? 'pretax' : 'posttax', d.amount);
    for (const c of s.employer_contributions) {
      add(
        c.type === '401k'
          ? 'contribution:employer_contribution_retirement_401k'
          : c.type?.startsWith('s125') === true || c.type === 'hsa_pre'
            ? 'contribution:employer_contribution_health'
            : 'contribution:employer_contribution_other',
        c.amount,
      );
    }
    add('net', s.net_pay.amount);
  }
  const lines: LedgerLine[] = [];
  let liabilities = 0;
  for (const [key, amount] of [...sums.entries()].sort()) {
    if (amount === 0) continue;
    const [kind, type] = key.split(':');
    if ((kind === 'earning' || kind === 'employer' || kind === 'contribution') && type) {
      lines.push(
        debit(
          type,
          'expense',
          kind === 'earning' ? 'Wages and salaries' : kind === 'employer' ? 'Employer payroll taxes' : 'Employer benefit contributions',
          amount,
        ),
      );
      if (kind !== 'earning') liabilities += amount;
    } else if (kind === 'employee_taxes' || kind === 'pretax' || kind === 'posttax') {
      liabilities += amount;
    }
  }
  const employeeTaxes = sums.get('employee_taxes') ?? 0;
  const employerTaxes = [...sums.entries()].filter(([k]) => k.startsWith('employer:')).reduce((s, [, v]) => s + v, 0);
  lines.push(credit('cash_debit_net_pay', 'asset', 'Operating cash: net pay', sums.get('net') ?? 0));
  lines.push(credit('tax_liability_accrual', 'liability', 'Payroll taxes payable', employeeTaxes + employerTaxes));
  const benefitLiability = liabilities - employeeTaxes - employerTaxes;
  if (benefitLiability !== 0) lines.push(credit('benefit_liability', 'liability', 'Benefits payable', benefitLiability));
  return lines;
}

export function ledgerTotals(lines: readonly LedgerLine[]): Record<string, unknown> {
  const debits = lines.reduce((s, l) => s + l.debit.amount, 0);
  const credits = lines.reduce((s, l) => s + l.credit.amount, 0);
  return { debit: { amount: debits, currency: 'usd' }, credit: { amount: credits, currency: 'usd' }, balanced: debits === credits };
}

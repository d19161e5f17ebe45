/**
 * Pay schedules and payments: one payment per pay group per pay date over the year before the
 * company was created (Finch Sandbox: above 100 employees, only the latest pay period), plus a
 * December off-cycle bonus run for small companies.
 */
import { Stream, seededUuid } from '../random';
import type { CompanyProfile, PayFrequency } from './company';
import { DAY_MS, addDays, endOfMonth, startOfDay, utcDate } from './dates';
import type { PayGroupSpec, RosterPerson } from './roster';

export const PERIODS_PER_YEAR: Record<PayFrequency, number> = {
  weekly: 52,
  bi_weekly: 26,
  semi_monthly: 24,
  monthly: 12,
};

export interface PaymentSpec {
  id: string;
  group: PayGroupSpec;
  kind: 'regular' | 'bonus';
  periodStart: number;
  periodEnd: number;
  payDate: number;
  debitDate: number;
  /** Salt for the statements' PRNG. */
  salt: number;
}

interface Period {
  start: number;
  end: number;
  pay: number;
}

/** Moves a weekend pay date back to the Friday before. */
function businessDay(ms: number): number {
  const dow = new Date(ms).getUTCDay();
  if (dow === 6) return ms - DAY_MS;
  if (dow === 0) return ms - 2 * DAY_MS;
  return ms;
}

function weeklyPeriods(anchorDay: number, stepWeeks: number, since: number): Period[] {
  const dow = new Date(anchorDay).getUTCDay();
  let pay = anchorDay - ((dow - 5 + 7) % 7) * DAY_MS; // latest Friday on or before the anchor
  if (stepWeeks === 2) {
    const reference = Date.UTC(1970, 0, 2); // a Friday: fixes the bi-weekly parity
    const weeks = Math.round((pay - reference) / (7 * DAY_MS));
    if (weeks % 2 !== 0) pay -= 7 * DAY_MS;
  }
  const periods: Period[] = [];
  for (; pay > since; pay -= stepWeeks * 7 * DAY_MS) {
    const end = pay - 6 * DAY_MS;
    periods.push({ start: end - (stepWeeks * 7 - 1) * DAY_MS, end, pay });
  }
  return periods;
}

function semiMonthlyPeriods(anchorDay: number, since: number): Period[] {
  const periods: Period[] = [];
  const d = new Date(anchorDay);
  let year = d.getUTCFullYear();
  let month = d.getUTCMonth();
  for (let guard = 0; guard < 30; guard++) {
    const monthEnd = endOfMonth(utcDate(year, month, 1));
    const candidates: Period[] = [
      { start: utcDate(year, month, 16), end: monthEnd, pay: businessDay(monthEnd) },
      { start: utcDate(year, month, 1), end: utcDate(year, month, 15), pay: businessDay(utcDate(year, month, 15)) },
    ];
    for (const p of candidates) if (p.pay <= anchorDay && p.pay > since) periods.push(p);
    if (utcDate(year, month, 1) <= since) break;
    month -= 1;
    if (month < 0) {
      month = 11;
      year -= 1;
    }
  }
  return periods;
}

function monthlyPeriods(anchorDay: number, since: number): Period[] {
  const periods: Period[] = [];
  const d = new Date(anchorDay);
  let year = d.getUTCFullYear();
  let month = d.getUTCMonth();
  for (let guard = 0; guard < 14; guard++) {
    const start = utcDate(year, month, 1);
    const end = endOfMonth(start);
    const pay = businessDay(end);
    if (pay <= anchorDay && pay > since) periods.push({ start, end, pay });
    if (start <= since) break;
    month -= 1;
    if (month < 0) {
      month = 11;
      year -= 1;
    }
  }
  return periods;
}

function periodsFor(frequency: PayFrequency, anchorDay: number, since: number): Period[] {
  switch (frequency) {
    case 'weekly':
      return weeklyPeriods(anchorDay, 1, since);
    case 'bi_weekly':
      return weeklyPeriods(anchorDay, 2, since);
    case 'semi_monthly':
      return semiMonthlyPeriods(anchorDay, since);
    case 'monthly':
      return monthlyPeriods(anchorDay, since);
  }
}

/** The first pay period of this schedule whose pay date falls after `afterMs` (a day, midnight UTC). */
export function nextPeriod(frequency: PayFrequency, afterMs: number): { start: number; end: number; pay: number } {
  const periods = periodsFor(frequency, afterMs + 70 * DAY_MS, afterMs);
  const next = periods.reduce<Period | null>((best, p) => (best === null || p.pay < best.pay ? p : best), null);
  if (!next) throw new Error(`no ${frequency} pay period after ${new Date(afterMs).toISOString()}`);
  return next;
}

export function schedulePayments(
  profile: CompanyProfile,
  groups: readonly PayGroupSpec[],
  employeeSize: number,
  anchorMs: number,
): PaymentSpec[] {
  const anchorDay = startOfDay(anchorMs);
  const since = anchorDay - 365 * DAY_MS;
  const onlyLatest = employeeSize > 100;
  const payments: PaymentSpec[] = [];
  groups.forEach((group, groupIndex) => {
    const periods = periodsFor(group.frequency, anchorDay, since);
    const kept = onlyLatest ? periods.slice(0, 1) : periods;
    kept.forEach((p, i) => {
      const salt = groupIndex * 1000 + i;
      payments.push({
        id: seededUuid(profile.seed, Stream.payment, salt),
        group,
        kind: 'regular',
        periodStart: p.start,
        periodEnd: p.end,
        payDate: p.pay,
        debitDate: addDays(p.pay, -2),
        salt,
      });
    });
  });
  const salaried = groups.find((g) => g.key === 'salaried');
  if (!onlyLatest && salaried) {
    const year = new Date(anchorDay).getUTCFullYear();
    for (const y of [year, year - 1]) {
      const pay = businessDay(utcDate(y, 11, 20));
      if (pay > anchorDay || pay <= since) continue;
      const salt = 9000 + y;
      payments.push({
        id: seededUuid(profile.seed, Stream.payment, salt),
        group: salaried,
        kind: 'bonus',
        periodStart: utcDate(y, 0, 1),
        periodEnd: utcDate(y, 11, 31) > anchorDay ? anchorDay : utcDate(y, 11, 31),
        payDate: pay,
        debitDate: addDays(pay, -2),
        salt,
      });
    }
  }
  payments.sort((a, b) => b.payDate - a.payDate || a.group.key.localeCompare(b.group.key));
  return payments;
}

/** People paid by this payment: members of its group employed during its period. */
export function paidPeople(payment: PaymentSpec, people: readonly RosterPerson[]): RosterPerson[] {
  return people.filter(
    (p) =>
      p.payGroup === payment.group.key &&
      p.startDay <= payment.periodEnd &&
      (p.endDay === null || p.endDay >= payment.periodStart) &&
      (payment.kind === 'regular' || p.isActive),
  );
}

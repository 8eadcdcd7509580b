import { describe, expect, test } from 'vitest';
import { renderNotification } from '../notifications/kinds.js';
import { employerCostsAllowance, holidayPayFactor, maxSubsidyPercent, minimumWagePerHour, wageSubsidy } from '../placements/rules.js';
import { defaultPlanningRates } from '../instanties/settings.js';
import { budgetYear, fitsBudget, isOverdue, supportCost, supportRequestSchema } from './rules.js';

describe('wageSubsidy: loonkostensubsidie follows the loonwaarde, capped at 70 % of the minimum wage', () => {
  test('uses the minimum wage of 1 January 2026 with holiday pay, the cap of the Participatiewet and the 23.5 % for employer’s costs', () => {
    expect(minimumWagePerHour).toBe(14.71);
    expect(holidayPayFactor).toBe(1.08);
    expect(maxSubsidyPercent).toBe(70);
    expect(employerCostsAllowance).toBe(0.235);
  });

  test('pays the difference between the loonwaarde and 100 %', () => {
    // 40 % of € 14,71 with 8 % holiday pay, 20 hours a week, 52 weeks: € 6.608,91; plus 23.5 %: € 8.162.
    expect(wageSubsidy(60, 20)).toEqual({ percent: 40, yearlyEuros: 8162 });
    expect(wageSubsidy(45, 36)).toEqual({ percent: 55, yearlyEuros: 20201 });
  });

  test('never more than 70 %, however low the loonwaarde', () => {
    expect(wageSubsidy(30, 20).percent).toBe(70);
    expect(wageSubsidy(0, 40)).toEqual({ percent: 70, yearlyEuros: 28567 });
    expect(wageSubsidy(20, 20).yearlyEuros).toBe(14284);
  });

  test('nothing at a loonwaarde of 100 % (or more), and the loonwaarde is rounded to whole percents', () => {
    expect(wageSubsidy(100, 40)).toEqual({ percent: 0, yearlyEuros: 0 });
    expect(wageSubsidy(120, 40).percent).toBe(0);
    expect(wageSubsidy(59.6, 10).percent).toBe(40);
  });

  test('grows with the hours and never goes down when the loonwaarde drops', () => {
    for (let loonwaarde = 0; loonwaarde < 100; loonwaarde++) {
      expect(wageSubsidy(loonwaarde, 32).yearlyEuros).toBeGreaterThanOrEqual(wageSubsidy(loonwaarde + 1, 32).yearlyEuros);
      expect(wageSubsidy(loonwaarde, 32).yearlyEuros).toBeGreaterThan(wageSubsidy(loonwaarde, 16).yearlyEuros);
    }
  });
});

describe('supportCost: what a request reserves from the budget', () => {
  const parse = (input: unknown) => supportRequestSchema.parse(input);

  test('loonkostensubsidie for a year of the placement’s hours, with the loonwaarde and subsidy percentages', () => {
    expect(supportCost(parse({ provision: 'loonkostensubsidie', loonwaardePercent: '60' }), 20, defaultPlanningRates)).toEqual({
      amountEuros: 8162,
      loonwaardePercent: 60,
      subsidyPercent: 40,
      jobcoachHours: null,
    });
    expect(supportCost(parse({ provision: 'loonkostensubsidie', loonwaardePercent: 100 }), 20, defaultPlanningRates)).toBeNull();
  });

  test('jobcoach hours and a loonwaardebepaling at the planning rates; other provisions as asked', () => {
    expect(supportCost(parse({ provision: 'jobcoach', jobcoachHours: '12' }), 20, defaultPlanningRates)).toMatchObject({
      amountEuros: 12 * defaultPlanningRates.jobcoachHourEuros,
      jobcoachHours: 12,
    });
    expect(supportCost(parse({ provision: 'loonwaardebepaling' }), 20, defaultPlanningRates)?.amountEuros).toBe(
      defaultPlanningRates.loonwaardebepalingEuros,
    );
    expect(
      supportCost(
        parse({ provision: 'no_riskpolis', amountEuros: '€ 2.500', explanation: 'Verzekering bij ziekte van de werknemer.' }),
        20,
        defaultPlanningRates,
      )?.amountEuros,
    ).toBe(2500);
  });

  test('amounts are whole euros: thousands separators are fine, cents are not', () => {
    const amount = (amountEuros: unknown) =>
      supportRequestSchema.safeParse({ provision: 'werkplekaanpassing', amountEuros, explanation: 'Een aangepaste werkplek.' }).success;
    expect(amount('1.500')).toBe(true);
    expect(amount('1500')).toBe(true);
    expect(amount(' 1 500 ')).toBe(true);
    expect(amount('1500,50')).toBe(false);
    expect(amount('15.00')).toBe(false);
    expect(amount(0)).toBe(false);
    expect(amount('veel')).toBe(false);
  });
});

describe('budget rules', () => {
  test('a request fits while the committed amount plus the request stays within the budget; no budget fits nothing', () => {
    expect(fitsBudget(1000, 600, 400)).toBe(true);
    expect(fitsBudget(1000, 600, 401)).toBe(false);
    expect(fitsBudget(null, 0, 1)).toBe(false);
    expect(fitsBudget(0, 0, 1)).toBe(false);
  });

  test('the budget year is the Dutch calendar year; a waiting request is overdue after its due date', () => {
    expect(budgetYear(new Date('2026-12-31T23:30:00Z'))).toBe(2027);
    expect(budgetYear(new Date('2026-06-01T12:00:00Z'))).toBe(2026);
    expect(isOverdue({ status: 'requested', due_date: '2026-03-01' }, '2026-03-02')).toBe(true);
    expect(isOverdue({ status: 'requested', due_date: '2026-03-02' }, '2026-03-02')).toBe(false);
    expect(isOverdue({ status: 'approved', due_date: '2026-03-01' }, '2026-03-02')).toBe(false);
  });
});

describe('notification texts of support', () => {
  const params = { provision: 'jobcoach', employerName: 'Groen BV', vacancyTitle: 'Hovenier', dueDate: '2026-03-16' };

  test('the consultant hears of a waiting request with its date, and of a default approval', () => {
    expect(renderNotification('support_waiting', params, 'nl')).toEqual({
      title: 'Aanvraag voor ondersteuning van Groen BV',
      body: 'Groen BV vraagt een jobcoach aan voor de plaatsing "Hovenier". Bekijk de aanvraag en beslis uiterlijk op 16 maart 2026.',
      linkText: 'Bekijk de aanvraag',
    });
    expect(renderNotification('support_approved_by_default', params, 'en').body).toContain(
      'Groen BV is a preferred partner and asks for a job coach',
    );
  });

  test('the employer hears the decision', () => {
    const decided = { provision: 'loonkostensubsidie', vacancyTitle: 'Hovenier' };
    expect(renderNotification('support_decided', { ...decided, decision: 'approved' }, 'nl').title).toBe(
      'Uw aanvraag voor loonkostensubsidie is goedgekeurd',
    );
    expect(renderNotification('support_decided', { ...decided, decision: 'rejected' }, 'en').title).toBe(
      'Your request for wage cost subsidy has been turned down',
    );
  });
});

import type { Provision, SupportRequestStatus } from '#app/db/schema.js';
import { provisions } from '#app/domain/support/rules.js';
import type { SupportRequestView } from '#app/domain/support/queries.js';
import { useLocale, useT, type Locale } from '#app/ui/i18n.js';
import { Section } from '#app/ui/section.js';
import { supportText } from './messages.js';

/** The employer's page of a placement's support; the placement pages link to it. */
export const employerSupportPath = (placementId: string) => `/werkgever/plaatsingen/${placementId}/ondersteuning`;
/** The consultant's work list and one request on it. */
export const consultantSupportPath = '/consulent/ondersteuning';
export const consultantRequestPath = (id: string) => `${consultantSupportPath}/${id}`;
/** The beheerder's budgets, per year (`?jaar=`). */
export const budgetsPath = '/beheer/budgetten';

const euroFormats: Record<Locale, Intl.NumberFormat> = {
  nl: new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0, minimumFractionDigits: 0 }),
  en: new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0, minimumFractionDigits: 0 }),
};

export function formatEuros(amount: number, locale: Locale): string {
  return euroFormats[locale].format(amount);
}

/** Whole euros as people read them: "€ 1.500" (Dutch) or "€1,500" (English). */
export function useEuros(): (amount: number) => string {
  const locale = useLocale();
  return (amount) => formatEuros(amount, locale);
}

export function useProvisionName(): (provision: Provision) => string {
  const t = useT(supportText);
  return (provision) => t(`provision_${provision}`);
}

/** The status of a request in words, with how it was approved. */
export function StatusText({ request }: { request: Pick<SupportRequestView, 'status' | 'approved_by_default' | 'approved_above_budget'> }) {
  const t = useT(supportText);
  const status = t(`status_${request.status as SupportRequestStatus}`);
  if (request.status !== 'approved') return <>{status}</>;
  if (request.approved_by_default) return <>{t('approvedByDefault')}</>;
  if (request.approved_above_budget) return <>{t('approvedAboveBudget')}</>;
  return <>{status}</>;
}

/** What a request asks beyond its amount: loonwaarde and subsidy, or jobcoach hours. */
export function RequestDetails({ request }: { request: SupportRequestView }) {
  const t = useT(supportText);
  if (request.provision === 'loonkostensubsidie' && request.loonwaarde_percent !== null && request.subsidy_percent !== null)
    return (
      <>{t('detailLoonkostensubsidie', { loonwaarde: String(request.loonwaarde_percent), subsidy: String(request.subsidy_percent) })}</>
    );
  if (request.provision === 'jobcoach' && request.jobcoach_hours !== null)
    return <>{t('detailJobcoach', { hours: String(request.jobcoach_hours) })}</>;
  return null;
}

/** The five provisions in plain words, with how loonkostensubsidie is calculated. */
export function ProvisionExplanations({ id, level = 2 }: { id: string; level?: 2 | 3 }) {
  const t = useT(supportText);
  const name = useProvisionName();
  return (
    <Section id={id} title={t('whatTitle')} level={level}>
      <dl className="werkregie-definitions">
        {provisions.map((provision) => (
          <div key={provision}>
            <dt>{name(provision)}</dt>
            <dd>
              {t(`provisionText_${provision}`)}
              {provision === 'loonkostensubsidie' ? ` ${t('subsidyFormula')}` : null}
            </dd>
          </div>
        ))}
      </dl>
    </Section>
  );
}

/** A form field as one string: absent or repeated fields count as their first value or empty. */
export function field(body: Record<string, unknown>, name: string): string {
  const value = body[name];
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' ? first : '';
}

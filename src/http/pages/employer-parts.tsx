import type { EmployerCategory, PsoLevel } from '#app/db/schema.js';
import { psoLevels } from '#app/domain/employers/rules.js';
import { ChoiceGroup, SelectField, TextField, type FormState } from '#app/ui/form.js';
import { defineMessages, useT } from '#app/ui/i18n.js';
import { common } from '#app/ui/messages.js';

/** Names of an employer's category and PSO level, the same on the beheerder's and the employer's own pages. */
export const employerTerms = defineMessages({
  nl: {
    category_preferred: 'Voorkeurspartner',
    category_committed: 'Betrokken partner',
    category_business_as_usual: 'Gewone werkgever',
    pso_geen: 'Geen',
    pso_aspirant: 'Aspirant',
    pso_basistrede: 'Basistrede',
    pso_trede_1: 'Trede 1',
    pso_trede_2: 'Trede 2',
    pso_trede_3: 'Trede 3',
  },
  en: {
    category_preferred: 'Preferred partner',
    category_committed: 'Committed partner',
    category_business_as_usual: 'Regular employer',
    pso_geen: 'None',
    pso_aspirant: 'Aspirant',
    pso_basistrede: 'Base step',
    pso_trede_1: 'Step 1',
    pso_trede_2: 'Step 2',
    pso_trede_3: 'Step 3',
  },
});

export type EmployerLabels = { category: (category: EmployerCategory) => string; pso: (level: PsoLevel) => string };

export function useEmployerLabels(): EmployerLabels {
  const t = useT(employerTerms);
  return { category: (category) => t(`category_${category}`), pso: (level) => t(`pso_${level}`) };
}

/**
 * The employer's own claims about social enterprise: PSO level, the date of the PSO certificate
 * and the Code Sociale Ondernemingen. The words come from the page, which speaks to a beheerder
 * or to the employer.
 */
export function EmployerClaimFields({
  form,
  labels,
}: {
  form: FormState;
  labels: { pso: string; psoHint: string; psoDate: string; psoDateHint?: string; cso: string };
}) {
  const c = useT(common);
  const label = useEmployerLabels();
  return (
    <>
      <SelectField
        form={form}
        name="psoLevel"
        label={labels.pso}
        hint={labels.psoHint}
        options={psoLevels.map((level) => ({ value: level, label: label.pso(level) }))}
      />
      <TextField form={form} name="psoEvidenceDate" type="date" label={labels.psoDate} hint={labels.psoDateHint} optional width="m" />
      <ChoiceGroup
        form={form}
        name="codeSocialeOndernemingen"
        label={labels.cso}
        options={[
          { value: 'ja', label: c('yes') },
          { value: 'nee', label: c('no') },
        ]}
      />
    </>
  );
}

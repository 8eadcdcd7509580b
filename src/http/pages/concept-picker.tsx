import type { Db } from '#app/db/connection.js';
import { conceptLabels, searchConceptsInDb } from '#app/domain/taxonomy/queries.js';
import type { ConceptKind } from '#app/domain/taxonomy/rules.js';
import { translateError } from '#app/ui/error-messages.js';
import type { FormState } from '#app/ui/form.js';
import { useLocale, useT } from '#app/ui/i18n.js';
import { Paragraph } from '#app/ui/layout.js';
import { asList } from '../validation.js';
import { conceptPickerText } from './concept-picker-messages.js';

/**
 * Choosing ESCO occupations or skills from the whole taxonomy (thousands), without JavaScript: what is
 * chosen stays ticked, and the search button posts the form back with matches to tick; nothing is saved
 * until the form's own button. With JavaScript, /assets/concept-search.js adds suggestions while typing.
 * The page's route handler fetches labels and matches (`loadPickerData`), since the components are synchronous.
 */

/** One picker in a form: the field that holds the choice, what it chooses, and its search field. */
export type PickerSpec = { name: string; kind: ConceptKind; searchName: string };
/** Labels of the chosen concepts, and the matches of each filled search field (by search field name). */
export type PickerData = {
  labels: ReadonlyMap<string, string>;
  matches: Readonly<Record<string, readonly { uri: string; label: string }[]>>;
};

/** The name and value of every picker's search button; any other button saves. */
export const pickerActionField = 'actie';
export const pickerSearchAction = 'zoeken';
const matchLimit = 15;

const firstText = (value: unknown): string =>
  typeof value === 'string' ? value : Array.isArray(value) && typeof value[0] === 'string' ? value[0] : '';

/**
 * True when the form was posted with a search button and something to search for. A search for nothing
 * is a save: pressing Enter in any field uses the form's first button, which is a search button.
 */
export function isPickerSearch(body: unknown, specs: readonly PickerSpec[]): boolean {
  const input = body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
  return (
    firstText(input[pickerActionField]) === pickerSearchAction && specs.some((spec) => firstText(input[spec.searchName]).trim() !== '')
  );
}

/** For the pickers of one form: the labels of everything chosen (one query) and the matches of each search. */
export async function loadPickerData(db: Db, values: FormState['values'], specs: readonly PickerSpec[]): Promise<PickerData> {
  const labels = await conceptLabels(
    db,
    specs.flatMap((spec) => asList(values[spec.name])),
  );
  const matches: Record<string, { uri: string; label: string }[]> = {};
  for (const spec of specs) {
    const query = firstText(values[spec.searchName]).trim();
    if (!query) continue;
    const chosen = asList(values[spec.name]);
    const found = await searchConceptsInDb(db, spec.kind, query, matchLimit + chosen.length);
    matches[spec.searchName] = found
      .filter((concept) => !chosen.includes(concept.uri))
      .slice(0, matchLimit)
      .map(({ uri, label }) => ({ uri, label }));
  }
  return { labels, matches };
}

const apiPaths: Record<ConceptKind, string> = { occupation: '/api/v1/beroepen', skill: '/api/v1/vaardigheden' };

export type ConceptPickerProps = {
  form: FormState;
  /** The address the form posts to; the search button posts there too, and jumps to the matches. */
  action: string;
  spec: PickerSpec;
  data: PickerData;
  legend: string;
  hint: string;
  searchLabel: string;
  searchHint: string;
  /** One choice (radio buttons) with this option for "none"; without it any number can be ticked. */
  noneLabel?: string;
};

export function ConceptPicker({ form, action, spec, data, legend, hint, searchLabel, searchHint, noneLabel }: ConceptPickerProps) {
  const t = useT(conceptPickerText);
  const locale = useLocale();
  const { name, kind, searchName } = spec;
  const single = noneLabel !== undefined;
  const chosen = asList(form.values[name]).slice(0, single ? 1 : undefined);
  const query = firstText(form.values[searchName]).trim();
  const matches = query ? (data.matches[searchName] ?? []) : [];
  const error = form.errors[name] ? translateError(form.errors[name], locale) : undefined;
  const resultsId = `zoekresultaten-${name}`;
  const choice = (value: string, label: string, id: string, checked: boolean) => (
    <div key={id} className={`utrecht-form-field utrecht-form-field--${single ? 'radio' : 'checkbox'}`}>
      <input
        className={single ? 'utrecht-radio-button utrecht-radio-button--html-input' : 'utrecht-checkbox utrecht-checkbox--html-input'}
        type={single ? 'radio' : 'checkbox'}
        id={id}
        name={name}
        value={value}
        defaultChecked={checked}
      />
      <label className={`utrecht-form-label utrecht-form-label--${single ? 'radio' : 'checkbox'}`} htmlFor={id}>
        {label}
      </label>
    </div>
  );
  return (
    <fieldset
      className={`utrecht-form-fieldset${error ? ' utrecht-form-fieldset--invalid' : ''}`}
      id={`veld-${name}`}
      tabIndex={-1}
      aria-describedby={`hint-${name}${error ? ` fout-${name}` : ''}`}
      data-concept-picker=""
      data-name={name}
      data-single={single ? '' : undefined}
      data-source={apiPaths[kind]}
      data-search={searchName}
      data-results={resultsId}
      data-text-many={t('suggestions')}
      data-text-one={t('suggestionOne')}
      data-text-none={t('suggestionsNone')}
      data-text-failed={t('suggestionsFailed')}
    >
      <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">{legend}</legend>
      <div className="utrecht-form-field-description" id={`hint-${name}`}>
        {hint} {chosen.length && !single ? t('chosenHint') : null}
      </div>
      {error ? (
        <div className="utrecht-form-field-error-message" id={`fout-${name}`}>
          {error}
        </div>
      ) : null}
      {single ? choice('', noneLabel, `veld-${name}-geen`, chosen.length === 0) : null}
      {chosen.map((uri, i) => choice(uri, data.labels.get(uri) ?? uri, `veld-${name}-${i}`, true))}
      {chosen.length === 0 && !single ? <Paragraph>{t('chosenNone')}</Paragraph> : null}
      <div className="utrecht-form-field">
        <div className="utrecht-form-field__label">
          <label className="utrecht-form-label" htmlFor={`veld-${searchName}`}>
            {searchLabel}
          </label>
        </div>
        <div className="utrecht-form-field-description" id={`hint-${searchName}`}>
          {searchHint}
        </div>
        <div className="utrecht-form-field__input werkregie-actions">
          <input
            className="utrecht-textbox utrecht-textbox--html-input werkregie-width-m"
            id={`veld-${searchName}`}
            name={searchName}
            type="search"
            defaultValue={query}
            autoComplete="off"
            aria-describedby={`hint-${searchName}`}
          />
          <button
            type="submit"
            name={pickerActionField}
            value={pickerSearchAction}
            formAction={`${action}#${resultsId}`}
            className="utrecht-button utrecht-button--secondary-action"
          >
            {t('search')}
          </button>
        </div>
      </div>
      <div id={resultsId} tabIndex={-1}>
        <p className="utrecht-paragraph" role="status" data-concept-status="">
          {!query
            ? null
            : matches.length === 0
              ? t('searchNone', { query })
              : t(matches.length === 1 ? 'searchResultOne' : 'searchResults', { query, count: matches.length })}
        </p>
        <div data-concept-matches="">
          {matches.map((concept, i) => choice(concept.uri, concept.label, `veld-${name}-gevonden-${i}`, false))}
        </div>
      </div>
      <script src="/assets/concept-search.js" async />
    </fieldset>
  );
}

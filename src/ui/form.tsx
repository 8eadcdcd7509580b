import type { ReactNode } from 'react';
import { translateError } from './error-messages.js';
import { useLocale, useT } from './i18n.js';
import { common } from './messages.js';
import { usePage } from './page-context.js';

/** What a form shows: the values the user typed and the error per field. */
export type FormState = {
  values: Record<string, string | string[] | undefined>;
  errors: Record<string, string>;
};
export const emptyForm: FormState = { values: {}, errors: {} };

const fieldId = (name: string) => `veld-${name}`;
const errorId = (name: string) => `fout-${name}`;
const hintId = (name: string) => `hint-${name}`;

function useError(form: FormState, name: string): string | undefined {
  const locale = useLocale();
  const message = form.errors[name];
  return message ? translateError(message, locale) : undefined;
}

function asString(value: string | string[] | undefined): string {
  return Array.isArray(value) ? (value[0] ?? '') : (value ?? '');
}
function asList(value: string | string[] | undefined): string[] {
  return Array.isArray(value) ? value : value ? [value] : [];
}

/** GOV.UK pattern: a summary on top linking to each field with an error. */
export function ErrorSummary({ form }: { form: FormState }) {
  const t = useT(common);
  const locale = useLocale();
  const entries = Object.entries(form.errors);
  if (entries.length === 0) return null;
  return (
    <div
      className="utrecht-alert utrecht-alert--error werkregie-error-summary"
      role="alert"
      aria-labelledby="foutmelding-titel"
      tabIndex={-1}
      id="foutmeldingen"
    >
      <h2 className="utrecht-heading-2" id="foutmelding-titel">
        {t('errorSummaryTitle')}
      </h2>
      <ul className="utrecht-unordered-list">
        {entries.map(([name, message]) => (
          <li key={name} className="utrecht-unordered-list__item">
            <a className="utrecht-link" href={`#${fieldId(name)}`}>
              {translateError(message, locale)}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** A POST form with the CSRF token; works without JavaScript. */
export function Form({ action, children, className }: { action: string; children: ReactNode; className?: string }) {
  const { csrfToken } = usePage();
  return (
    <form method="post" action={action} className={className} noValidate>
      <input type="hidden" name="_csrf" value={csrfToken} />
      {children}
    </form>
  );
}

type FieldProps = {
  form: FormState;
  name: string;
  label: string;
  hint?: string;
  optional?: boolean;
};

function FieldFrame({ name, label, hint, optional, children, error }: FieldProps & { children: ReactNode; error?: string }) {
  const t = useT(common);
  return (
    <div className={`utrecht-form-field${error ? ' utrecht-form-field--invalid' : ''}`}>
      <div className="utrecht-form-field__label">
        <label className="utrecht-form-label" htmlFor={fieldId(name)}>
          {label} {optional ? <span className="werkregie-optional">{t('optional')}</span> : null}
        </label>
      </div>
      {hint ? (
        <div className="utrecht-form-field-description" id={hintId(name)}>
          {hint}
        </div>
      ) : null}
      {error ? (
        <div className="utrecht-form-field-error-message" id={errorId(name)}>
          <span className="werkregie-visually-hidden">{t('errorPrefix')}: </span>
          {error}
        </div>
      ) : null}
      <div className="utrecht-form-field__input">{children}</div>
    </div>
  );
}

function describedBy(name: string, hint?: string, error?: string): string | undefined {
  const ids = [hint ? hintId(name) : null, error ? errorId(name) : null].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

export function TextField(
  props: FieldProps & {
    type?: 'text' | 'email' | 'password' | 'tel' | 'number' | 'date';
    autoComplete?: string;
    inputMode?: 'numeric' | 'text';
    width?: 'xs' | 's' | 'm';
  },
) {
  const error = useError(props.form, props.name);
  return (
    <FieldFrame {...props} error={error}>
      <input
        className={`utrecht-textbox utrecht-textbox--html-input${error ? ' utrecht-textbox--invalid' : ''}${props.width ? ` werkregie-width-${props.width}` : ''}`}
        id={fieldId(props.name)}
        name={props.name}
        type={props.type ?? 'text'}
        defaultValue={props.type === 'password' ? undefined : asString(props.form.values[props.name])}
        autoComplete={props.autoComplete}
        inputMode={props.inputMode}
        aria-describedby={describedBy(props.name, props.hint, error)}
        aria-invalid={error ? true : undefined}
        aria-required={props.optional ? undefined : true}
      />
    </FieldFrame>
  );
}

export function TextArea(props: FieldProps & { rows?: number }) {
  const error = useError(props.form, props.name);
  return (
    <FieldFrame {...props} error={error}>
      <textarea
        className={`utrecht-textarea utrecht-textarea--html-textarea${error ? ' utrecht-textarea--invalid' : ''}`}
        id={fieldId(props.name)}
        name={props.name}
        rows={props.rows ?? 5}
        defaultValue={asString(props.form.values[props.name])}
        aria-describedby={describedBy(props.name, props.hint, error)}
        aria-invalid={error ? true : undefined}
      />
    </FieldFrame>
  );
}

export type Option = { value: string; label: string };

export function SelectField(props: FieldProps & { options: readonly Option[]; emptyLabel?: string }) {
  const error = useError(props.form, props.name);
  return (
    <FieldFrame {...props} error={error}>
      <select
        className={`utrecht-select utrecht-select--html-select${error ? ' utrecht-select--invalid' : ''}`}
        id={fieldId(props.name)}
        name={props.name}
        defaultValue={asString(props.form.values[props.name])}
        aria-describedby={describedBy(props.name, props.hint, error)}
        aria-invalid={error ? true : undefined}
      >
        {props.emptyLabel !== undefined ? <option value="">{props.emptyLabel}</option> : null}
        {props.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

/** Radio buttons or check boxes in a fieldset; the legend is the question. */
export function ChoiceGroup(props: FieldProps & { options: readonly Option[]; multiple?: boolean }) {
  const t = useT(common);
  const error = useError(props.form, props.name);
  const chosen = asList(props.form.values[props.name]);
  const type = props.multiple ? 'checkbox' : 'radio';
  return (
    <fieldset
      className={`utrecht-form-fieldset${error ? ' utrecht-form-fieldset--invalid' : ''}`}
      aria-describedby={describedBy(props.name, props.hint, error)}
      id={fieldId(props.name)}
      tabIndex={-1}
    >
      <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
        {props.label} {props.optional ? <span className="werkregie-optional">{t('optional')}</span> : null}
      </legend>
      {props.hint ? (
        <div className="utrecht-form-field-description" id={hintId(props.name)}>
          {props.hint}
        </div>
      ) : null}
      {error ? (
        <div className="utrecht-form-field-error-message" id={errorId(props.name)}>
          <span className="werkregie-visually-hidden">{t('errorPrefix')}: </span>
          {error}
        </div>
      ) : null}
      {props.options.map((option) => {
        const id = `${fieldId(props.name)}-${option.value}`;
        return (
          <div key={option.value} className={`utrecht-form-field utrecht-form-field--${type}`}>
            <input
              className={
                props.multiple ? 'utrecht-checkbox utrecht-checkbox--html-input' : 'utrecht-radio-button utrecht-radio-button--html-input'
              }
              type={type}
              id={id}
              name={props.name}
              value={option.value}
              defaultChecked={chosen.includes(option.value)}
            />
            <label className="utrecht-form-label utrecht-form-label--checkbox" htmlFor={id}>
              {option.label}
            </label>
          </div>
        );
      })}
    </fieldset>
  );
}

export function SubmitButton({ children, secondary }: { children: ReactNode; secondary?: boolean }) {
  return (
    <button type="submit" className={`utrecht-button utrecht-button--${secondary ? 'secondary' : 'primary'}-action`}>
      {children}
    </button>
  );
}

import { useId, useMemo, useState, type FormEvent } from 'react';
import type { AddressBody } from '@tijara/protocol';
import { useI18n } from '../../lib/i18n';
import { countryOptions } from '../../lib/countries';
import { useFormErrors } from '../../hooks/useFormErrors';
import { Field } from '../Field';

const fields = ['name', 'street1', 'street2', 'city', 'state', 'postalCode', 'country'] as const;
const required = ['name', 'street1', 'city', 'postalCode', 'country'] as const;

interface AddressFormProps {
  onSave(body: AddressBody): Promise<unknown>;
  onCancel?(): void;
  offerDefault?: boolean;
  name?: string;
  /** The country picked at first (ISO code). */
  country?: string;
}

/** A shipping address, laid out the way most countries write one. */
export function AddressForm({ onSave, onCancel, offerDefault = false, name = '', country = '' }: AddressFormProps) {
  const { t, locale } = useI18n();
  const id = useId();
  const [draft, setDraft] = useState({ name, street1: '', street2: '', city: '', state: '', postalCode: '', country: country.toUpperCase() });
  const [makeDefault, setMakeDefault] = useState(false);
  const [busy, setBusy] = useState(false);
  const countries = useMemo(() => countryOptions(locale), [locale]);
  const errors = useFormErrors(fields, {
    name: t('address.name'),
    street1: t('address.street1'),
    street2: t('address.street2'),
    city: t('address.city'),
    state: t('address.state'),
    postalCode: t('address.postalCode'),
    country: t('address.country'),
  });
  const set = (key: keyof typeof draft) => (value: string) => setDraft((d) => ({ ...d, [key]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    event.stopPropagation();
    const missing = required.find((key) => !draft[key].trim());
    if (missing) return errors.reject(missing, t('error.required'));
    setBusy(true);
    errors.clear();
    try {
      const body: AddressBody = { name: draft.name.trim(), street1: draft.street1.trim(), city: draft.city.trim(), postalCode: draft.postalCode.trim(), country: draft.country };
      if (draft.street2.trim()) body.street2 = draft.street2.trim();
      if (draft.state.trim()) body.state = draft.state.trim();
      if (makeDefault) body.makeDefault = true;
      await onSave(body);
    } catch (failure) {
      errors.report(failure);
      setBusy(false);
    }
  };

  const countryError = errors.fieldError('country');
  return (
    <form className="form address-form" onSubmit={submit} noValidate aria-label={t('address.addTitle')}>
      {errors.formError && (
        <p className="form-error" role="alert">
          {errors.formError}
        </p>
      )}
      <Field label={t('address.name')} autoComplete="shipping name" value={draft.name} maxLength={100} onChange={(e) => set('name')(e.target.value)} error={errors.fieldError('name')} />
      <Field label={t('address.street1')} autoComplete="shipping address-line1" value={draft.street1} maxLength={200} onChange={(e) => set('street1')(e.target.value)} error={errors.fieldError('street1')} />
      <Field label={t('address.street2')} autoComplete="shipping address-line2" value={draft.street2} maxLength={200} onChange={(e) => set('street2')(e.target.value)} error={errors.fieldError('street2')} />
      <div className="field-row">
        <Field label={t('address.city')} autoComplete="shipping address-level2" value={draft.city} maxLength={100} onChange={(e) => set('city')(e.target.value)} error={errors.fieldError('city')} />
        <Field label={t('address.postalCode')} autoComplete="shipping postal-code" value={draft.postalCode} maxLength={20} onChange={(e) => set('postalCode')(e.target.value)} error={errors.fieldError('postalCode')} />
      </div>
      <div className="field-row">
        <Field label={t('address.state')} autoComplete="shipping address-level1" value={draft.state} maxLength={100} onChange={(e) => set('state')(e.target.value)} error={errors.fieldError('state')} />
        <div className="field">
          <label htmlFor={`${id}-country`}>{t('address.country')}</label>
          <select
            id={`${id}-country`}
            className="select"
            autoComplete="shipping country"
            value={draft.country}
            onChange={(e) => set('country')(e.target.value)}
            aria-invalid={countryError ? true : undefined}
            aria-describedby={countryError ? `${id}-country-error` : undefined}
          >
            <option value="">{t('address.chooseCountry')}</option>
            {countries.map((c) => (
              <option key={c.code} value={c.code}>
                {c.name}
              </option>
            ))}
          </select>
          {countryError && (
            <p className="field-error" id={`${id}-country-error`} role="alert">
              {countryError}
            </p>
          )}
        </div>
      </div>
      {offerDefault && (
        <label className="check">
          <input type="checkbox" checked={makeDefault} onChange={(e) => setMakeDefault(e.target.checked)} />
          <span>{t('address.makeDefault')}</span>
        </label>
      )}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? t('card.saving') : t('address.save')}
        </button>
        {onCancel && (
          <button type="button" className="button button-ghost" onClick={onCancel} disabled={busy}>
            {t('common.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}

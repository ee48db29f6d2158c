import { useId, useState, type FormEvent } from 'react';
import type { AddCardBody } from '@tijara/protocol';
import { useI18n } from '../../lib/i18n';
import { brandName, cardDigits, checkCard, cvcLength, detectBrand, formatCardNumber, formatExpiryInput, maxLength, parseExpiry } from '../../lib/cards';
import { useFormErrors } from '../../hooks/useFormErrors';
import { Field } from '../Field';
import { Icon } from '../Icon';

const fields = ['number', 'expMonth', 'expYear', 'cvc', 'holderName', 'postalCode'] as const;

interface CardFormProps {
  /** Saves the card; a rejection carrying the server's field goes under that field. */
  onSave(body: AddCardBody): Promise<unknown>;
  onCancel?(): void;
  /** Offer "Use as my default card". */
  offerDefault?: boolean;
  holderName?: string;
  submitLabel?: string;
}

/** Number (grouped and branded as typed), expiry, security code, name and billing postal code. */
export function CardForm({ onSave, onCancel, offerDefault = false, holderName = '', submitLabel }: CardFormProps) {
  const { t } = useI18n();
  const id = useId();
  const [digits, setDigits] = useState('');
  const [expiry, setExpiry] = useState('');
  const [cvc, setCvc] = useState('');
  const [name, setName] = useState(holderName);
  const [postalCode, setPostalCode] = useState('');
  const [makeDefault, setMakeDefault] = useState(false);
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors(fields, { number: t('card.number'), expMonth: t('card.expiry'), expYear: t('card.expiry'), cvc: t('card.cvc'), holderName: t('card.holderName'), postalCode: t('card.postalCode') });
  const brand = detectBrand(digits);
  const numberError = errors.fieldError('number');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    event.stopPropagation();
    const date = parseExpiry(expiry);
    if (!digits) return errors.reject('number', t('error.required'));
    if (!date) return errors.reject('expMonth', t('card.expiryFormat'));
    const problem = checkCard({ digits, expMonth: date.month, expYear: date.year, cvc });
    if (problem === 'brand') return errors.reject('number', t('card.unsupportedBrand'));
    if (problem === 'number') return errors.reject('number', t('card.invalidNumber'));
    if (problem === 'expired') return errors.reject('expMonth', t('card.expired'));
    if (problem === 'cvc') return errors.reject('cvc', t('card.invalidCvc', { count: cvcLength(brand) }));
    if (!name.trim()) return errors.reject('holderName', t('error.required'));
    if (!postalCode.trim()) return errors.reject('postalCode', t('error.required'));
    setBusy(true);
    errors.clear();
    try {
      await onSave({ number: digits, expMonth: date.month, expYear: date.year, cvc, holderName: name.trim(), postalCode: postalCode.trim(), ...(makeDefault ? { makeDefault } : {}) });
    } catch (failure) {
      errors.report(failure);
      setBusy(false);
    }
  };

  return (
    <form className="form card-form" onSubmit={submit} noValidate aria-label={t('card.addTitle')}>
      {errors.formError && (
        <p className="form-error" role="alert">
          {errors.formError}
        </p>
      )}
      <div className="field">
        <label htmlFor={`${id}-number`}>{t('card.number')}</label>
        <div className="input-adorned">
          <input
            id={`${id}-number`}
            name="cardnumber"
            dir="ltr"
            inputMode="numeric"
            autoComplete="cc-number"
            placeholder="1234 5678 9012 3456"
            value={formatCardNumber(digits)}
            onChange={(e) => setDigits(cardDigits(e.target.value).slice(0, maxLength(detectBrand(cardDigits(e.target.value)))))}
            aria-invalid={numberError ? true : undefined}
            aria-describedby={numberError ? `${id}-number-error` : undefined}
          />
          <span className={`card-brand-tag${brand ? '' : ' is-empty'}`} aria-live="polite">
            {brand ? brandName(brand) : <Icon name="card" size={18} />}
          </span>
        </div>
        {numberError && (
          <p className="field-error" id={`${id}-number-error`} role="alert">
            {numberError}
          </p>
        )}
      </div>
      <div className="field-row">
        <Field
          label={t('card.expiry')}
          name="cc-exp"
          dir="ltr"
          inputMode="numeric"
          autoComplete="cc-exp"
          placeholder={t('card.expiryPlaceholder')}
          value={expiry}
          onChange={(e) => setExpiry((previous) => formatExpiryInput(e.target.value, previous))}
          error={errors.fieldError('expMonth') ?? errors.fieldError('expYear')}
        />
        <Field
          label={t('card.cvc')}
          name="cvc"
          dir="ltr"
          inputMode="numeric"
          autoComplete="cc-csc"
          placeholder={brand === 'amex' ? '1234' : '123'}
          maxLength={cvcLength(brand)}
          value={cvc}
          onChange={(e) => setCvc(e.target.value.replace(/\D/g, ''))}
          error={errors.fieldError('cvc')}
          hint={t('card.cvcHint')}
        />
      </div>
      <Field label={t('card.holderName')} name="ccname" autoComplete="cc-name" value={name} maxLength={100} onChange={(e) => setName(e.target.value)} error={errors.fieldError('holderName')} />
      <Field label={t('card.postalCode')} name="billing-postal" autoComplete="billing postal-code" value={postalCode} maxLength={20} onChange={(e) => setPostalCode(e.target.value)} error={errors.fieldError('postalCode')} />
      {offerDefault && (
        <label className="check">
          <input type="checkbox" checked={makeDefault} onChange={(e) => setMakeDefault(e.target.checked)} />
          <span>{t('card.makeDefault')}</span>
        </label>
      )}
      <p className="muted small secure-note">
        <Icon name="lock" size={14} />
        {t('card.vaultNote')}
      </p>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? t('card.saving') : (submitLabel ?? t('card.save'))}
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

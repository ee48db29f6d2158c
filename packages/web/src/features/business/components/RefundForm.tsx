import { useId, useState, type FormEvent } from 'react';
import type { Order, RefundBody } from '@tijara/protocol';
import { useI18n } from '../../../lib/i18n';
import { errorField, useErrorText } from '../../../lib/errors';
import { exponentOf, formatMinorLike, minorToDecimal, parseAmount } from '../../../lib/money';
import { useIdempotentSend } from '../../../hooks/useIdempotentSend';
import { Field } from '../../../components/Field';
import { remainingMinor } from '../../../components/order/OrderParts';
import { refundOrder } from '../api/orders';

/**
 * A full or partial refund. The amount is typed as a decimal in the order's currency and converted to
 * minor units exactly; more decimals than the currency has are refused, never rounded.
 */
export function RefundForm({ pageId, order, onDone, onCancel }: { pageId: string; order: Order; onDone(order: Order): void; onCancel(): void }) {
  const { t, locale } = useI18n();
  const errorText = useErrorText();
  const id = useId();
  const send = useIdempotentSend();
  const exponent = exponentOf(order.total);
  const left = remainingMinor(order);
  const [whole, setWhole] = useState(true);
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [amountError, setAmountError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const leftText = formatMinorLike(left, order.total, locale);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setAmountError(null);
    setFormError(null);
    const body: Omit<RefundBody, 'idempotencyKey'> = reason.trim() ? { reason: reason.trim() } : {};
    if (!whole) {
      const parsed = parseAmount(amount, exponent);
      if (!parsed.ok) {
        const key = parsed.reason === 'too_precise' ? (exponent === 0 ? 'refund.noDecimals' : 'refund.tooPrecise') : parsed.reason === 'zero' ? 'refund.zero' : 'refund.invalid';
        return setAmountError(t(key, { count: exponent, currency: order.total.currency, example: minorToDecimal(left, exponent) }));
      }
      if (parsed.minor > left) return setAmountError(t('refund.tooMuch', { amount: leftText }));
      body.amount = parsed.minor;
    }
    setBusy(true);
    try {
      onDone(await send(body, (idempotencyKey) => refundOrder(pageId, order.id, { ...body, idempotencyKey })));
    } catch (failure) {
      if (errorField(failure) === 'amount') setAmountError(errorText(failure));
      else setFormError(errorText(failure));
      setBusy(false);
    }
  };

  return (
    <form className="form refund-form" onSubmit={submit} noValidate aria-label={t('merchantOrders.refund')}>
      <h2>{t('merchantOrders.refund')}</h2>
      {formError && (
        <p className="form-error" role="alert">
          {formError}
        </p>
      )}
      <fieldset className="refund-choice">
        <legend className="visually-hidden">{t('refund.howMuch')}</legend>
        <label className="check">
          <input type="radio" name={`${id}-whole`} checked={whole} onChange={() => setWhole(true)} />
          <span>{t('refund.whole', { amount: leftText })}</span>
        </label>
        <label className="check">
          <input type="radio" name={`${id}-whole`} checked={!whole} onChange={() => setWhole(false)} />
          <span>{t('refund.part')}</span>
        </label>
      </fieldset>
      {!whole && (
        <Field
          label={t('refund.amount', { currency: order.total.currency })}
          name="refund-amount"
          inputMode="decimal"
          dir="ltr"
          placeholder={minorToDecimal(Math.min(left, 10 ** exponent * 5), exponent)}
          value={amount}
          onChange={(e) => setAmount(e.target.value)}
          error={amountError}
          hint={t('refund.amountHint', { amount: leftText })}
          autoFocus
        />
      )}
      <Field label={t('refund.reason')} name="refund-reason" value={reason} maxLength={200} onChange={(e) => setReason(e.target.value)} hint={t('refund.reasonHint')} />
      {order.isTest && <p className="muted small">{t('refund.testNote')}</p>}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? t('refund.refunding') : t('refund.submit')}
        </button>
        <button type="button" className="button button-ghost" onClick={onCancel} disabled={busy}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

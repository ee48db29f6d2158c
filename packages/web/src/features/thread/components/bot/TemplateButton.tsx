import type { Button, PaymentButton } from '@tijara/protocol/messenger';
import { useI18n } from '../../../../lib/i18n';
import { formatMinorUnits, toMinorUnits } from '../../../../lib/money';
import { useBotActions } from './BotActions';
import { httpUrl, telHref } from './safeLinks';

function paymentTotal(button: PaymentButton): { minor: number; currency: string } | null {
  const { currency, price_list: prices } = button.payment_summary ?? {};
  if (!currency || !Array.isArray(prices)) return null;
  let minor = 0;
  for (const line of prices) {
    const value = toMinorUnits(line.amount, currency);
    if (value === null) return null;
    minor += value;
  }
  return { minor, currency };
}

/** The Buy button: shown with its price, but checkout is not built yet. */
function BuyButton({ button }: { button: PaymentButton }) {
  const { t, locale } = useI18n();
  const total = paymentTotal(button);
  const tooltip = t('thread.paymentsSoon');
  return (
    // A disabled button gets no hover events in every browser, so the tooltip sits on a wrapper.
    <span className="template-button-wrap" title={tooltip}>
      <button type="button" className="template-button is-buy" disabled aria-description={tooltip}>
        <bdi>{button.title}</bdi>
        {total && <span className="buy-price">{formatMinorUnits(total.minor, total.currency, locale)}</span>}
      </button>
    </span>
  );
}

/** One template button. Every kind the platform accepts renders; only web_url/postback/phone/payment act. */
export function TemplateButton({ button }: { button: Button }) {
  const actions = useBotActions();
  switch (button.type) {
    case 'web_url': {
      const href = httpUrl(button.url);
      if (!href) return <span className="template-button is-inert">{button.title}</span>;
      return (
        <a className="template-button" href={href} target="_blank" rel="noopener noreferrer">
          <bdi>{button.title}</bdi>
        </a>
      );
    }
    case 'postback':
      return (
        <button
          type="button"
          className="template-button"
          disabled={!actions}
          onClick={() => actions?.postback(button.title, button.payload)}
        >
          <bdi>{button.title}</bdi>
        </button>
      );
    case 'phone_number': {
      const href = telHref(button.payload);
      if (!href) return <span className="template-button is-inert">{button.title}</span>;
      return (
        <a className="template-button" href={href}>
          <bdi>{button.title}</bdi>
        </a>
      );
    }
    case 'payment':
      return <BuyButton button={button} />;
    default: {
      const title = 'title' in button && typeof button.title === 'string' ? button.title : null;
      return title ? <span className="template-button is-inert">{title}</span> : null;
    }
  }
}

/** A stack of buttons under a card or a text. */
export function TemplateButtons({ buttons }: { buttons: readonly Button[] | undefined }) {
  if (!buttons || buttons.length === 0) return null;
  return (
    <div className="template-buttons">
      {buttons.map((button, i) => (
        <TemplateButton key={i} button={button} />
      ))}
    </div>
  );
}

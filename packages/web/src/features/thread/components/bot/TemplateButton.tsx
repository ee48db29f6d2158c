import type { Button, PaymentButton } from '@tijara/protocol/messenger';
import { useI18n } from '../../../../lib/i18n';
import { formatMinorUnits, toMinorUnits } from '../../../../lib/money';
import { useBotActions, useMessageId } from './BotActions';
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

/** The Buy button, with its price: it opens the checkout sheet where the viewer can pay (the shopper). */
function BuyButton({ button, path }: { button: PaymentButton; path: string }) {
  const { t, locale } = useI18n();
  const actions = useBotActions();
  const messageId = useMessageId();
  const total = paymentTotal(button);
  const buy = actions?.buy;
  return (
    <button
      type="button"
      className="template-button is-buy"
      disabled={!buy || !messageId}
      onClick={() => messageId && buy?.(messageId, path)}
      aria-haspopup="dialog"
      title={buy ? undefined : t('thread.buyShopperOnly')}
    >
      <bdi>{button.title}</bdi>
      {total && <span className="buy-price">{formatMinorUnits(total.minor, total.currency, locale)}</span>}
    </button>
  );
}

/**
 * One template button. Every kind the platform accepts renders; only web_url/postback/phone/payment act.
 * `path` is where the button sits in the template ("elements.0.buttons.1"): a Buy button names itself by it.
 */
export function TemplateButton({ button, path }: { button: Button; path: string }) {
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
      return <BuyButton button={button} path={path} />;
    default: {
      const title = 'title' in button && typeof button.title === 'string' ? button.title : null;
      return title ? <span className="template-button is-inert">{title}</span> : null;
    }
  }
}

/** A stack of buttons under a card or a text. */
export function TemplateButtons({ buttons, path }: { buttons: readonly Button[] | undefined; path: string }) {
  if (!buttons || buttons.length === 0) return null;
  return (
    <div className="template-buttons">
      {buttons.map((button, i) => (
        <TemplateButton key={i} button={button} path={`${path}.${i}`} />
      ))}
    </div>
  );
}

import { useEffect, useRef, useState } from 'react';
import type { MenuItem } from '@tijara/protocol/messenger';
import { useI18n } from '../../../../lib/i18n';
import { Icon } from '../../../../components/Icon';
import { httpUrl } from './safeLinks';

/** Any level of the menu: nested items hold the same shapes, a level less deep. */
interface AnyMenuItem {
  type: string;
  title: string;
  url?: string;
  payload?: string;
  call_to_actions?: AnyMenuItem[];
}

interface Level {
  title: string | null;
  items: AnyMenuItem[];
}

/** The page's persistent menu, opened from ☰ beside the composer; nested items open a submenu. */
export function PersistentMenu({ items, onPostback, onClose }: { items: readonly MenuItem[]; onPostback(title: string, payload: string): void; onClose(): void }) {
  const { t } = useI18n();
  const [stack, setStack] = useState<Level[]>([{ title: null, items: items as unknown as AnyMenuItem[] }]);
  const panel = useRef<HTMLDivElement>(null);
  const level = stack[stack.length - 1] ?? { title: null, items: [] };

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onClose();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [onClose]);

  // Moving between levels keeps the keyboard in the menu.
  useEffect(() => {
    panel.current?.querySelector<HTMLElement>('button, a')?.focus();
  }, [stack.length]);

  return (
    <div className="menu-sheet" ref={panel} role="dialog" aria-label={level.title ?? t('thread.menu')}>
      <div className="menu-sheet-header">
        {stack.length > 1 ? (
          <button type="button" className="icon-button" onClick={() => setStack((s) => s.slice(0, -1))} aria-label={t('common.back')}>
            <Icon name="back" flip />
          </button>
        ) : (
          <span className="menu-sheet-spacer" />
        )}
        <h2 dir="auto">{level.title ?? t('thread.menu')}</h2>
        <button type="button" className="icon-button" onClick={onClose} aria-label={t('common.close')}>
          <Icon name="close" />
        </button>
      </div>
      <ul className="menu-items">
        {level.items.map((item, i) => (
          <li key={`${stack.length}-${i}`}>
            <MenuEntry
              item={item}
              onOpen={() => setStack((s) => [...s, { title: item.title, items: item.call_to_actions ?? [] }])}
              onPostback={(title, payload) => {
                onPostback(title, payload);
                onClose();
              }}
              onLeave={onClose}
            />
          </li>
        ))}
      </ul>
    </div>
  );
}

function MenuEntry({ item, onOpen, onPostback, onLeave }: { item: AnyMenuItem; onOpen(): void; onPostback(title: string, payload: string): void; onLeave(): void }) {
  if (item.type === 'nested') {
    return (
      <button type="button" className="menu-item" onClick={onOpen} aria-haspopup="true">
        <bdi>{item.title}</bdi>
        <Icon name="chevron" size={18} flip />
      </button>
    );
  }
  if (item.type === 'postback') {
    return (
      <button type="button" className="menu-item" onClick={() => onPostback(item.title, item.payload ?? '')}>
        <bdi>{item.title}</bdi>
      </button>
    );
  }
  const href = item.type === 'web_url' ? httpUrl(item.url) : null;
  if (!href) {
    return (
      <span className="menu-item is-inert">
        <bdi>{item.title}</bdi>
      </span>
    );
  }
  return (
    <a className="menu-item" href={href} target="_blank" rel="noopener noreferrer" onClick={onLeave}>
      <bdi>{item.title}</bdi>
      <Icon name="external" size={16} />
    </a>
  );
}

import { useId, useLayoutEffect, useRef, useState, type FormEvent, type KeyboardEvent, type ReactNode } from 'react';
import { limits } from '@tijara/protocol';
import { useI18n } from '../../../lib/i18n';
import { Icon } from '../../../components/Icon';

/** Shows the remaining characters only when they start to matter. */
const counterFrom = limits.messageText - 200;

interface ComposerProps {
  onSend(text: string): void;
  onChange(text: string): void;
  /** The persistent menu's button, at the inline start. */
  menuButton?: ReactNode;
  /** The page turned the text input off (composer_input_disabled): only the menu and quick replies remain. */
  inputDisabled?: boolean;
}

export function Composer({ onSend, onChange, menuButton, inputDisabled }: ComposerProps) {
  const { t } = useI18n();
  const id = useId();
  const [text, setText] = useState('');
  const input = useRef<HTMLTextAreaElement>(null);

  // Grow with the text up to a few lines, then scroll inside.
  useLayoutEffect(() => {
    const el = input.current;
    if (!el) return;
    el.style.height = 'auto';
    el.style.height = `${Math.min(el.scrollHeight, 140)}px`;
  }, [text]);

  const canSend = text.trim().length > 0 && text.length <= limits.messageText;

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    if (!canSend) return;
    onSend(text.trim());
    setText('');
    input.current?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    // Enter sends; Shift+Enter breaks the line; an IME composition's Enter confirms the word instead.
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      submit();
    }
  };

  if (inputDisabled) return menuButton ? <div className="composer composer-menu-only">{menuButton}</div> : null;

  return (
    <form className="composer" onSubmit={submit}>
      {menuButton}
      <label htmlFor={id} className="visually-hidden">
        {t('thread.messageLabel')}
      </label>
      <textarea
        id={id}
        ref={input}
        rows={1}
        dir="auto"
        className="composer-input"
        placeholder={t('thread.placeholder')}
        maxLength={limits.messageText}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          onChange(e.target.value);
        }}
        onKeyDown={onKeyDown}
      />
      {text.length >= counterFrom && (
        <span className="composer-counter" aria-live="polite">
          {limits.messageText - text.length}
        </span>
      )}
      <button type="submit" className="icon-button composer-send" aria-label={t('thread.send')} disabled={!canSend}>
        <Icon name="send" flip />
      </button>
    </form>
  );
}

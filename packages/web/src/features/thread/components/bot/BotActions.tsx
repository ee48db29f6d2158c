import { createContext, useContext } from 'react';

/** What tapping a bot's buttons does. Absent (null) where the viewer is the page: buttons are inert there. */
export interface BotActions {
  postback(title: string, payload: string): void;
  /** Opens the checkout sheet of a Buy button; absent where no sheet can open. */
  buy?(messageId: string, buttonPath: string): void;
}

export const BotActionsContext = createContext<BotActions | null>(null);

export const useBotActions = (): BotActions | null => useContext(BotActionsContext);

/**
 * The message a template belongs to: a Buy button names its message and its own place in the
 * template (`elements.0.buttons.0`) so the server can find its payment summary.
 */
export const MessageIdContext = createContext<string | null>(null);

export const useMessageId = (): string | null => useContext(MessageIdContext);

import { createContext, useContext } from 'react';

/** What tapping a bot's buttons does. Absent (null) where the viewer is the page: buttons are inert there. */
export interface BotActions {
  postback(title: string, payload: string): void;
}

export const BotActionsContext = createContext<BotActions | null>(null);

export const useBotActions = (): BotActions | null => useContext(BotActionsContext);

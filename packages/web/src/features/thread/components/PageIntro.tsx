import type { Page } from '@tijara/protocol';
import { Avatar } from '../../../components/Avatar';

/**
 * The business card at the very start of a conversation. The bot's greeting (Messenger profile,
 * names filled in) wins over the page's own; `large` is the Get Started screen of a new conversation.
 */
export function PageIntro({ page, greeting, large }: { page: Page; greeting?: string | null; large?: boolean }) {
  const text = greeting || page.greeting;
  return (
    <div className={`page-intro${large ? ' is-welcome' : ''}`}>
      <Avatar name={page.name} url={page.avatarUrl} size={large ? 96 : 72} />
      <h2 dir="auto">{page.name}</h2>
      <p className="page-intro-username" dir="ltr">
        @{page.username}
      </p>
      {page.about && <p className="page-intro-about" dir="auto">{page.about}</p>}
      {text && (
        <p className="page-intro-greeting" dir="auto">
          {text}
        </p>
      )}
    </div>
  );
}

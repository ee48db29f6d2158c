import type { Page } from '@tijara/protocol';
import { Avatar } from '../../../components/Avatar';

/** The business card at the very start of a conversation, with the page's greeting. */
export function PageIntro({ page }: { page: Page }) {
  return (
    <div className="page-intro">
      <Avatar name={page.name} url={page.avatarUrl} size={72} />
      <h2 dir="auto">{page.name}</h2>
      <p className="page-intro-username" dir="ltr">
        @{page.username}
      </p>
      {page.about && <p className="page-intro-about" dir="auto">{page.about}</p>}
      {page.greeting && (
        <p className="page-intro-greeting" dir="auto">
          {page.greeting}
        </p>
      )}
    </div>
  );
}

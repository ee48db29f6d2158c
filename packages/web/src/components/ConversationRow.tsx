import { Link } from '../lib/router';
import { Avatar } from './Avatar';

interface ConversationRowProps {
  href: string;
  name: string;
  avatarUrl?: string | null;
  preview: string;
  time: string;
  unread: number;
  active?: boolean;
  unreadLabel: string;
}

export function ConversationRow({ href, name, avatarUrl, preview, time, unread, active, unreadLabel }: ConversationRowProps) {
  return (
    <li>
      <Link
        to={href}
        className={`conversation-row${active ? ' is-active' : ''}${unread > 0 ? ' has-unread' : ''}`}
        aria-current={active ? 'page' : undefined}
      >
        <Avatar name={name} url={avatarUrl} size={48} />
        <span className="conversation-main">
          <span className="conversation-top">
            <bdi className="conversation-name">{name}</bdi>
            <time className="conversation-time">{time}</time>
          </span>
          <span className="conversation-bottom">
            <span className="conversation-preview">
              <bdi>{preview}</bdi>
            </span>
            {unread > 0 && (
              <span className="badge" aria-label={unreadLabel}>
                {unread > 99 ? '99+' : unread}
              </span>
            )}
          </span>
        </span>
      </Link>
    </li>
  );
}

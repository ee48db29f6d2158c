import type { QuickReply, TextQuickReply } from '@tijara/protocol/messenger';
import { useI18n } from '../../../../lib/i18n';
import { httpUrl } from './safeLinks';

const isText = (reply: QuickReply): reply is TextQuickReply => reply.content_type === 'text';

/**
 * The bot's suggested answers to its latest message, above the composer. Location, email and phone
 * chips (which would share the shopper's data) are not offered.
 */
export function QuickReplyBar({ replies, onPick }: { replies: readonly QuickReply[]; onPick(title: string, payload: string): void }) {
  const { t } = useI18n();
  const chips = replies.filter(isText);
  if (chips.length === 0) return null;
  return (
    <div className="quick-replies" role="group" aria-label={t('thread.quickReplies')}>
      {chips.map((reply, i) => {
        const image = httpUrl(reply.image_url);
        return (
          <button key={i} type="button" className="quick-reply" onClick={() => onPick(reply.title, reply.payload)}>
            {image && <img className="quick-reply-image" src={image} alt="" />}
            <bdi>{reply.title}</bdi>
          </button>
        );
      })}
    </div>
  );
}

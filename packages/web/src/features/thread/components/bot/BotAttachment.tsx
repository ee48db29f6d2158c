import type { ButtonTemplate, GenericTemplate, ListTemplate, MediaTemplate, ReceiptTemplate } from '@tijara/protocol/messenger';
import { useI18n } from '../../../../lib/i18n';
import { ButtonTemplateView } from './ButtonTemplateView';
import { GenericCarousel } from './GenericCarousel';
import { ListTemplateView } from './ListTemplateView';
import { Media, MediaTemplateView, type MediaKind } from './MediaView';
import { ReceiptView } from './ReceiptView';
import { MessageIdContext } from './BotActions';

interface WireAttachment {
  type: string;
  payload: Record<string, unknown>;
}

/** Message.attachment is typed unknown on the wire; this is the Messenger `{type, payload}` shape. */
export function asAttachment(value: unknown): WireAttachment | null {
  if (typeof value !== 'object' || value === null) return null;
  const { type, payload } = value as { type?: unknown; payload?: unknown };
  if (typeof type !== 'string' || typeof payload !== 'object' || payload === null) return null;
  return { type, payload: payload as Record<string, unknown> };
}

const mediaKinds = new Set<string>(['image', 'video', 'audio', 'file']);

/** Templates that need the whole width of the thread rather than a bubble's. */
export function isWide(attachment: WireAttachment): boolean {
  return attachment.type === 'template' && attachment.payload.template_type === 'generic';
}

/**
 * A bot's attachment as the shopper sees it. Everything renders through React elements and text
 * nodes (never injected HTML), and only http(s) URLs become links or sources.
 */
export function BotAttachment({ attachment, messageId }: { attachment: WireAttachment; messageId: string }) {
  return (
    <MessageIdContext.Provider value={messageId}>
      <AttachmentBody attachment={attachment} />
    </MessageIdContext.Provider>
  );
}

function AttachmentBody({ attachment }: { attachment: WireAttachment }) {
  const { t } = useI18n();
  const { type, payload } = attachment;
  if (mediaKinds.has(type)) return <Media kind={type as MediaKind} url={payload.url} />;
  if (type === 'template') {
    // The server validated the payload against the template schemas before storing it.
    switch (payload.template_type) {
      case 'button':
        return <ButtonTemplateView payload={payload as unknown as ButtonTemplate} />;
      case 'generic':
        return <GenericCarousel payload={payload as unknown as GenericTemplate} />;
      case 'list':
        return <ListTemplateView payload={payload as unknown as ListTemplate} />;
      case 'receipt':
        return <ReceiptView payload={payload as unknown as ReceiptTemplate} />;
      case 'media':
        return <MediaTemplateView payload={payload as unknown as MediaTemplate} />;
    }
  }
  return <p className="media-missing">{t('thread.unsupported')}</p>;
}

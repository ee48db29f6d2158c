import type { Message } from '@tijara/protocol';
import type { Translate } from './i18n';

const mediaKeys = { image: 'preview.photo', video: 'preview.video', audio: 'preview.audio', file: 'preview.file' } as const;

function firstTitle(elements: unknown): string | null {
  if (!Array.isArray(elements)) return null;
  const first: unknown = elements[0];
  return typeof first === 'object' && first !== null && 'title' in first && typeof first.title === 'string' ? first.title : null;
}

/** One line for a conversation list: the text, the tapped button, or what a template or media is. */
export function messagePreview(message: Message, t: Translate): string {
  if (message.postback) return message.postback.title === 'Get Started' ? t('thread.getStarted') : message.postback.title;
  if (message.text) return message.text;
  const attachment = message.attachment as { type?: unknown; payload?: Record<string, unknown> } | undefined;
  const type = attachment?.type;
  if (type === 'image' || type === 'video' || type === 'audio' || type === 'file') return t(mediaKeys[type]);
  const payload = attachment?.payload;
  if (type === 'template' && payload) {
    switch (payload.template_type) {
      case 'button':
        if (typeof payload.text === 'string') return payload.text;
        break;
      case 'generic':
      case 'list':
        return firstTitle(payload.elements) ?? t('thread.attachment');
      case 'receipt':
        return t('preview.receipt', { number: String(payload.order_number ?? '') });
      case 'media':
        return t('preview.photo');
    }
  }
  return t('thread.attachment');
}

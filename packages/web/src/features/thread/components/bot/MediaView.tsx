import type { MediaTemplate } from '@tijara/protocol/messenger';
import { useI18n } from '../../../../lib/i18n';
import { Icon } from '../../../../components/Icon';
import { TemplateButtons } from './TemplateButton';
import { httpUrl } from './safeLinks';

export type MediaKind = 'image' | 'video' | 'audio' | 'file';

function fileName(href: string): string {
  try {
    const last = new URL(href).pathname.split('/').filter(Boolean).pop();
    return last ? decodeURIComponent(last) : href;
  } catch {
    return href;
  }
}

/** One picture, clip, sound or file sent by URL (or uploaded, then served by the platform). */
export function Media({ kind, url }: { kind: MediaKind; url: unknown }) {
  const { t } = useI18n();
  const src = httpUrl(url);
  if (!src) return <p className="media-missing">{t('thread.attachment')}</p>;
  switch (kind) {
    case 'image':
      return (
        <a className="media-frame" href={src} target="_blank" rel="noopener noreferrer" aria-label={t('preview.photo')}>
          <img className="media-image" src={src} alt="" loading="lazy" />
        </a>
      );
    case 'video':
      return <video className="media-frame media-video" src={src} controls preload="metadata" />;
    case 'audio':
      return <audio className="media-audio" src={src} controls preload="none" />;
    case 'file':
      return (
        <a className="media-file" href={src} target="_blank" rel="noopener noreferrer" download>
          <Icon name="file" size={22} />
          <span className="media-file-text">
            <bdi className="card-title">{fileName(src)}</bdi>
            <span className="card-subtitle">{t('thread.download')}</span>
          </span>
        </a>
      );
  }
}

/** The media template: an image or video with at most one button under it. */
export function MediaTemplateView({ payload }: { payload: MediaTemplate }) {
  return (
    <>
      {(payload.elements ?? []).map((element, i) => (
        <div key={i} className="template-card media-card">
          <Media kind={element.media_type === 'video' ? 'video' : 'image'} url={'url' in element ? element.url : undefined} />
          <TemplateButtons buttons={element.buttons} path={`elements.${i}.buttons`} />
        </div>
      ))}
    </>
  );
}

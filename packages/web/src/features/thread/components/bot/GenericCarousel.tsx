import type { DefaultAction, GenericElement, GenericTemplate } from '@tijara/protocol/messenger';
import type { ReactNode } from 'react';
import { TemplateButtons } from './TemplateButton';
import { httpUrl } from './safeLinks';

/** The card's tap target (`default_action`), when it is a URL we may open. */
export function CardLink({ action, className, children }: { action: DefaultAction | undefined; className: string; children: ReactNode }) {
  const href = httpUrl(action?.url);
  if (!href) return <div className={className}>{children}</div>;
  return (
    <a className={`${className} is-link`} href={href} target="_blank" rel="noopener noreferrer">
      {children}
    </a>
  );
}

export function CardImage({ url, ratio }: { url: string | undefined; ratio: 'horizontal' | 'square' }) {
  const src = httpUrl(url);
  if (!src) return null;
  return <img className={`card-image ratio-${ratio}`} src={src} alt="" loading="lazy" />;
}

function Card({ element, index, ratio }: { element: GenericElement; index: number; ratio: 'horizontal' | 'square' }) {
  return (
    <li className="generic-card">
      <CardLink action={element.default_action} className="generic-card-main">
        <CardImage url={element.image_url} ratio={ratio} />
        <span className="generic-card-text">
          <bdi className="card-title">{element.title}</bdi>
          {element.subtitle && <bdi className="card-subtitle">{element.subtitle}</bdi>}
        </span>
      </CardLink>
      <TemplateButtons buttons={element.buttons} path={`elements.${index}.buttons`} />
    </li>
  );
}

/** Up to ten cards side by side, swiped one at a time. */
export function GenericCarousel({ payload }: { payload: GenericTemplate }) {
  const ratio = payload.image_aspect_ratio === 'square' ? 'square' : 'horizontal';
  const elements = payload.elements ?? [];
  return (
    <ul className={`generic-carousel${elements.length === 1 ? ' is-single' : ''}`}>
      {elements.map((element, i) => (
        <Card key={i} element={element} index={i} ratio={ratio} />
      ))}
    </ul>
  );
}

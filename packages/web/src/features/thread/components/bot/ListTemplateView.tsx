import type { ListElement, ListTemplate } from '@tijara/protocol/messenger';
import { TemplateButton, TemplateButtons } from './TemplateButton';
import { CardLink } from './GenericCarousel';
import { httpUrl } from './safeLinks';

function Row({ element, index }: { element: ListElement; index: number }) {
  const image = httpUrl(element.image_url);
  const button = element.buttons?.[0];
  return (
    <li className="list-row">
      <div className="list-row-body">
        <CardLink action={element.default_action} className="list-row-text">
          <bdi className="card-title">{element.title}</bdi>
          {element.subtitle && <bdi className="card-subtitle">{element.subtitle}</bdi>}
        </CardLink>
        {button && (
          <div className="list-row-button">
            <TemplateButton button={button} path={`elements.${index}.buttons.0`} />
          </div>
        )}
      </div>
      {image && <img className="list-row-image" src={image} alt="" loading="lazy" />}
    </li>
  );
}

/** A large first row is a cover: its image fills the card with the title over it. */
function Cover({ element }: { element: ListElement }) {
  const image = httpUrl(element.image_url);
  const button = element.buttons?.[0];
  return (
    <li className="list-cover">
      <CardLink action={element.default_action} className="list-cover-main">
        {image && <img className="list-cover-image" src={image} alt="" loading="lazy" />}
        <span className="list-cover-text">
          <bdi className="card-title">{element.title}</bdi>
          {element.subtitle && <bdi className="card-subtitle">{element.subtitle}</bdi>}
        </span>
      </CardLink>
      {button && (
        <div className="list-row-button list-cover-button">
          <TemplateButton button={button} path="elements.0.buttons.0" />
        </div>
      )}
    </li>
  );
}

export function ListTemplateView({ payload }: { payload: ListTemplate }) {
  const [first, ...rest] = payload.elements ?? [];
  const large = payload.top_element_style !== 'compact' && Boolean(httpUrl(first?.image_url));
  return (
    <div className="template-card list-template">
      <ul className="list-rows">
        {first && (large ? <Cover element={first} /> : <Row element={first} index={0} />)}
        {rest.map((element, i) => (
          <Row key={i} element={element} index={i + 1} />
        ))}
      </ul>
      <TemplateButtons buttons={payload.buttons} path="buttons" />
    </div>
  );
}

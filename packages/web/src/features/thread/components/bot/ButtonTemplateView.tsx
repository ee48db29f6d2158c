import type { ButtonTemplate } from '@tijara/protocol/messenger';
import { TemplateButtons } from './TemplateButton';

export function ButtonTemplateView({ payload }: { payload: ButtonTemplate }) {
  return (
    <div className="template-card button-template">
      <p className="button-template-text" dir="auto">
        {payload.text}
      </p>
      <TemplateButtons buttons={payload.buttons} path="buttons" />
    </div>
  );
}

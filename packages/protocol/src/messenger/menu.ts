import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { messengerLimits as L } from './limits.js';
import { HttpUrl, Payload } from './common.js';
import { WebviewHeightRatio } from './buttons.js';

// The persistent menu (§6.4): titles up to 30 characters, unlike template buttons (20).

const MenuTitle = Type.String({ minLength: 1, maxLength: L.menuButtonTitle });

export const MenuUrlButton = Type.Object(
  {
    type: Type.Literal('web_url'),
    title: MenuTitle,
    url: HttpUrl,
    webview_height_ratio: Type.Optional(WebviewHeightRatio),
    messenger_extensions: Type.Optional(Type.Boolean()),
    fallback_url: Type.Optional(HttpUrl),
    webview_share_button: Type.Optional(Type.Literal('hide')),
  },
  { additionalProperties: false },
);
export type MenuUrlButton = Static<typeof MenuUrlButton>;

export const MenuPostbackButton = Type.Object(
  { type: Type.Literal('postback'), title: MenuTitle, payload: Payload },
  { additionalProperties: false },
);
export type MenuPostbackButton = Static<typeof MenuPostbackButton>;

function nested<T extends TSchema>(items: T) {
  return Type.Object(
    {
      type: Type.Literal('nested'),
      title: MenuTitle,
      call_to_actions: Type.Array(items, { minItems: 1, maxItems: L.nestedMenuItems }),
    },
    { additionalProperties: false },
  );
}

// Written out level by level (L.menuDepth = 3) instead of Type.Recursive, which cannot bound depth.
const MenuLeaf = Type.Union([MenuUrlButton, MenuPostbackButton]);
const MenuLevel2 = Type.Union([MenuUrlButton, MenuPostbackButton, nested(MenuLeaf)]);
export const MenuItem = Type.Union([MenuUrlButton, MenuPostbackButton, nested(MenuLevel2)]);
export type MenuItem = Static<typeof MenuItem>;

/** One locale's persistent menu. Setting a menu requires `get_started` (checked by the server). */
export const PersistentMenu = Type.Object(
  {
    locale: Type.String({ minLength: 1 }),
    composer_input_disabled: Type.Optional(Type.Boolean()),
    call_to_actions: Type.Optional(Type.Array(MenuItem, { minItems: 1, maxItems: L.persistentMenuItems })),
  },
  { additionalProperties: false },
);
export type PersistentMenu = Static<typeof PersistentMenu>;


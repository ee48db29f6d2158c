import { limits, pageUsernamePattern, type CreatePageBody } from '@tijara/protocol';
import { useI18n } from '../../../lib/i18n';
import { Field, TextAreaField } from '../../../components/Field';

export type PageDraft = Required<CreatePageBody>;

export const emptyDraft: PageDraft = { name: '', username: '', about: '', greeting: '' };

/** "Fatima's Bakery" → "fatimas.bakery": a username suggestion while the merchant has not typed one. */
export function suggestUsername(name: string): string {
  return name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[\u0300-\u036f']/g, '')
    .replace(/[^a-z0-9]+/g, '.')
    .replace(/^\.+|\.+$/g, '')
    .slice(0, limits.pageUsernameMax);
}

const usernamePattern = new RegExp(pageUsernamePattern);

/** The server's own rules, checked first so the merchant gets a message in their language. */
export function checkDraft(draft: PageDraft): { field: keyof PageDraft; key: 'error.required' | 'business.usernameInvalid' } | null {
  if (!draft.name.trim()) return { field: 'name', key: 'error.required' };
  const { username } = draft;
  if (username.length < limits.pageUsernameMin || username.length > limits.pageUsernameMax || !usernamePattern.test(username)) {
    return { field: 'username', key: 'business.usernameInvalid' };
  }
  return null;
}

export function PageFields({
  draft,
  onChange,
  fieldError,
}: {
  draft: PageDraft;
  onChange(draft: PageDraft): void;
  fieldError(name: string): string | null;
}) {
  const { t } = useI18n();
  const set = (key: keyof PageDraft) => (value: string) => onChange({ ...draft, [key]: value });
  return (
    <>
      <Field
        label={t('business.pageName')}
        name="name"
        required
        maxLength={limits.pageName}
        value={draft.name}
        onChange={(e) => set('name')(e.target.value)}
        error={fieldError('name')}
      />
      <Field
        label={t('business.username')}
        name="username"
        required
        dir="ltr"
        autoCapitalize="none"
        spellCheck={false}
        minLength={limits.pageUsernameMin}
        maxLength={limits.pageUsernameMax}
        pattern={pageUsernamePattern}
        value={draft.username}
        onChange={(e) => set('username')(e.target.value.toLowerCase())}
        error={fieldError('username')}
        hint={t('business.usernameHint', { min: limits.pageUsernameMin })}
      />
      <TextAreaField
        label={t('business.about')}
        name="about"
        rows={2}
        maxLength={limits.pageAbout}
        value={draft.about}
        onChange={(e) => set('about')(e.target.value)}
        error={fieldError('about')}
      />
      <TextAreaField
        label={t('business.greeting')}
        name="greeting"
        rows={2}
        maxLength={limits.pageGreeting}
        value={draft.greeting}
        onChange={(e) => set('greeting')(e.target.value)}
        error={fieldError('greeting')}
        hint={t('business.greetingHint')}
      />
    </>
  );
}

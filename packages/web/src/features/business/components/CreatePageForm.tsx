import { useState, type FormEvent } from 'react';
import { limits, type Page } from '@tijara/protocol';
import { useI18n } from '../../../lib/i18n';
import { useFormErrors } from '../../../hooks/useFormErrors';
import { createPage, uploadAvatar } from '../api/pages';
import { AvatarPicker } from './AvatarPicker';
import { checkDraft, emptyDraft, PageFields, suggestUsername, type PageDraft } from './PageFields';

const fields = ['name', 'username', 'about', 'greeting'] as const;

export function CreatePageForm({ first, onCreated }: { first: boolean; onCreated(page: Page): void }) {
  const { t } = useI18n();
  const [draft, setDraft] = useState<PageDraft>(emptyDraft);
  const [usernameTouched, setUsernameTouched] = useState(false);
  const [avatar, setAvatar] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors(fields, {
    name: t('business.pageName'),
    username: t('business.username'),
    about: t('business.about'),
    greeting: t('business.greeting'),
  });

  const change = (next: PageDraft) => {
    const touched = usernameTouched || next.username !== draft.username;
    setUsernameTouched(touched);
    setDraft(touched ? next : { ...next, username: suggestUsername(next.name) });
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const invalid = checkDraft(draft);
    if (invalid) return errors.reject(invalid.field, t(invalid.key, { min: limits.pageUsernameMin }));
    setBusy(true);
    errors.clear();
    let page: Page;
    try {
      page = await createPage({
        name: draft.name.trim(),
        username: draft.username,
        about: draft.about.trim(),
        greeting: draft.greeting.trim(),
      });
    } catch (failure) {
      errors.report(failure);
      setBusy(false);
      return;
    }
    // The page exists now; a failed avatar upload must not hide that, the settings screen can retry it.
    if (avatar) page = await uploadAvatar(page.id, avatar).catch(() => page);
    onCreated(page);
  };

  return (
    <div className="card-screen">
      <form className="card form" onSubmit={submit} noValidate>
        <h1>{first ? t('business.createFirstTitle') : t('business.createTitle')}</h1>
        <p className="card-subtitle">{t('business.createSubtitle')}</p>
        {errors.formError && (
          <p className="form-error" role="alert">
            {errors.formError}
          </p>
        )}
        <AvatarPicker name={draft.name} currentUrl={null} onPick={setAvatar} />
        <PageFields draft={draft} onChange={change} fieldError={errors.fieldError} />
        <button type="submit" className="button button-primary button-block" disabled={busy}>
          {busy ? t('business.creating') : t('business.create')}
        </button>
      </form>
    </div>
  );
}

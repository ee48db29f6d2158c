import { useState, type FormEvent } from 'react';
import { limits, type Page, type UpdatePageBody } from '@tijara/protocol';
import { useI18n } from '../../../lib/i18n';
import { useErrorText } from '../../../lib/errors';
import { useFormErrors } from '../../../hooks/useFormErrors';
import { updatePage, uploadAvatar } from '../api/pages';
import { AvatarPicker } from './AvatarPicker';
import { checkDraft, PageFields, type PageDraft } from './PageFields';
import { PageLink } from './PageLink';

const fields = ['name', 'username', 'about', 'greeting'] as const;

const draftOf = (page: Page): PageDraft => ({ name: page.name, username: page.username, about: page.about, greeting: page.greeting });

/** Only what changed is sent, so saving the greeting cannot trip over a username check. */
function changes(page: Page, draft: PageDraft): UpdatePageBody {
  const body: UpdatePageBody = {};
  for (const key of fields) {
    const value = key === 'username' ? draft[key] : draft[key].trim();
    if (value !== page[key]) body[key] = value;
  }
  return body;
}

export function PageSettings({ page, onSaved }: { page: Page; onSaved(page: Page): void }) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const [draft, setDraft] = useState<PageDraft>(() => draftOf(page));
  const [busy, setBusy] = useState(false);
  const [uploading, setUploading] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const errors = useFormErrors(fields, {
    name: t('business.pageName'),
    username: t('business.username'),
    about: t('business.about'),
    greeting: t('business.greeting'),
  });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const invalid = checkDraft(draft);
    if (invalid) return errors.reject(invalid.field, t(invalid.key, { min: limits.pageUsernameMin }));
    const body = changes(page, draft);
    if (Object.keys(body).length === 0) return setNotice(t('business.saved'));
    setBusy(true);
    errors.clear();
    setNotice(null);
    try {
      const saved = await updatePage(page.id, body);
      setDraft(draftOf(saved));
      onSaved(saved);
      setNotice(t('business.saved'));
    } catch (failure) {
      errors.report(failure);
    } finally {
      setBusy(false);
    }
  };

  const pickAvatar = async (file: File | null) => {
    if (!file) return;
    setUploading(true);
    setNotice(null);
    try {
      onSaved(await uploadAvatar(page.id, file));
      setNotice(t('business.avatarSaved'));
    } catch (failure) {
      setNotice(errorText(failure));
    } finally {
      setUploading(false);
    }
  };

  return (
    <div className="card-screen">
      <div className="card">
        <PageLink username={page.username} />
      </div>
      <form className="card form" onSubmit={submit} noValidate>
        <h1>{t('business.settingsTitle')}</h1>
        {errors.formError && (
          <p className="form-error" role="alert">
            {errors.formError}
          </p>
        )}
        <AvatarPicker name={page.name} currentUrl={page.avatarUrl} busy={uploading} onPick={pickAvatar} />
        <PageFields draft={draft} onChange={setDraft} fieldError={errors.fieldError} />
        {notice && (
          <p className="form-notice" role="status">
            {notice}
          </p>
        )}
        <button type="submit" className="button button-primary button-block" disabled={busy}>
          {busy ? t('business.saving') : t('business.save')}
        </button>
      </form>
    </div>
  );
}

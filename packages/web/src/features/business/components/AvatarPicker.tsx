import { useEffect, useId, useState } from 'react';
import { limits } from '@tijara/protocol';
import { useI18n } from '../../../lib/i18n';
import { Avatar } from '../../../components/Avatar';
import { Icon } from '../../../components/Icon';

const accepted = ['image/png', 'image/jpeg', 'image/webp', 'image/gif'];

/** Picks an image and checks type and size here, so a too-large photo fails before the upload. */
export function AvatarPicker({
  name,
  currentUrl,
  busy,
  onPick,
}: {
  name: string;
  currentUrl: string | null;
  busy?: boolean;
  onPick(file: File | null): void;
}) {
  const { t } = useI18n();
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!file) return;
    const url = URL.createObjectURL(file);
    setPreview(url);
    return () => URL.revokeObjectURL(url);
  }, [file]);

  const choose = (picked: File | undefined) => {
    if (!picked) return;
    if (!accepted.includes(picked.type)) return setError(t('business.avatarType'));
    if (picked.size > limits.avatarBytes) return setError(t('business.avatarTooBig'));
    setError(null);
    setFile(picked);
    onPick(picked);
  };

  return (
    <div className="avatar-picker">
      <Avatar name={name || '?'} url={preview ?? currentUrl} size={72} />
      <div>
        <label htmlFor={id} className={`button button-secondary${busy ? ' is-busy' : ''}`}>
          <Icon name="camera" size={18} />
          {busy ? t('business.uploading') : t('business.chooseAvatar')}
        </label>
        <input
          id={id}
          type="file"
          accept={accepted.join(',')}
          className="visually-hidden"
          disabled={busy}
          onChange={(e) => choose(e.target.files?.[0])}
        />
        <p className={error ? 'field-error' : 'field-hint'} role={error ? 'alert' : undefined}>
          {error ?? t('business.avatarHint')}
        </p>
      </div>
    </div>
  );
}

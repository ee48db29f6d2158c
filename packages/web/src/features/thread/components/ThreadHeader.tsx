import { useI18n } from '../../../lib/i18n';
import { Link } from '../../../lib/router';
import { Avatar } from '../../../components/Avatar';
import { Icon } from '../../../components/Icon';

export function ThreadHeader({ name, avatarUrl, subtitle, backHref }: { name: string; avatarUrl: string | null; subtitle: string; backHref: string }) {
  const { t } = useI18n();
  return (
    <header className="thread-header">
      <Link to={backHref} className="icon-button thread-back" aria-label={t('common.back')}>
        <Icon name="back" flip />
      </Link>
      <Avatar name={name} url={avatarUrl} size={40} />
      <div className="thread-title">
        <h1>{name}</h1>
        <p>
          <bdi>{subtitle}</bdi>
        </p>
      </div>
    </header>
  );
}

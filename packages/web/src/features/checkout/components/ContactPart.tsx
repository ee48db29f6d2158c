import type { Contact } from '@tijara/protocol';
import { useI18n, type MessageKey } from '../../../lib/i18n';
import { Field } from '../../../components/Field';
import { SheetRow } from './SheetRow';
import type { ContactField } from './sheetState';

const labels: Record<ContactField, MessageKey> = { name: 'contact.name', email: 'contact.email', phone: 'contact.phone' };
const autoComplete: Record<ContactField, string> = { name: 'name', email: 'email', phone: 'tel' };

interface ContactPartProps {
  fields: ContactField[];
  contact: Contact;
  onChange(contact: Contact): void;
  open: boolean;
  onToggle(): void;
  /** The field a failure named, or that is missing. */
  invalidField: ContactField | null;
  invalidText: string | null;
}

/** The name, email and phone the shop asked for, from the wallet and editable for this order. */
export function ContactPart({ fields, contact, onChange, open, onToggle, invalidField, invalidText }: ContactPartProps) {
  const { t } = useI18n();
  const filled = fields.map((field) => contact[field].trim()).filter(Boolean);
  return (
    <SheetRow
      icon="person"
      label={t('pay.contact')}
      open={open}
      onToggle={onToggle}
      invalid={invalidField !== null}
      summary={
        filled.length === fields.length ? (
          <span className="line" dir="auto">
            {filled.join(' · ')}
          </span>
        ) : (
          <span className="summary-missing">{t('pay.missing.contact')}</span>
        )
      }
    >
      <div className="form contact-fields">
        {fields.map((field) => (
          <Field
            key={field}
            label={t(labels[field])}
            name={`contact-${field}`}
            type={field === 'email' ? 'email' : field === 'phone' ? 'tel' : 'text'}
            dir={field === 'name' ? undefined : 'ltr'}
            autoComplete={autoComplete[field]}
            value={contact[field]}
            maxLength={field === 'email' ? 254 : field === 'phone' ? 30 : 100}
            onChange={(e) => onChange({ ...contact, [field]: e.target.value })}
            error={invalidField === field ? invalidText : null}
            hint={field === 'phone' ? t('contact.phoneHint') : undefined}
          />
        ))}
      </div>
    </SheetRow>
  );
}

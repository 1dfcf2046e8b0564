import { NumberInput, Select, Switch, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FieldValue, TemplateField } from './policy-api.ts';

/** One input generated from a template field; the server's message for `fields.<id>` shows under it. */
export function PolicyFieldInput(props: {
  field: TemplateField;
  value: FieldValue | undefined;
  onChange: (value: FieldValue) => void;
  error: string | undefined;
  readOnly: boolean;
}) {
  const { t } = useTranslation();
  const { field: f, value, onChange, error, readOnly } = props;
  const common = {
    label: f.label,
    description: f.help ?? undefined,
    error,
    required: f.required,
    readOnly,
    id: `policy-field-${f.id}`,
    name: f.id,
  };
  switch (f.type) {
    case 'textarea':
      return (
        <Textarea
          {...common}
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onChange(e.currentTarget.value)}
          autosize
          minRows={3}
          maxRows={12}
          maxLength={f.max ?? undefined}
        />
      );
    case 'date':
      return (
        <TextInput
          {...common}
          type="date"
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onChange(e.currentTarget.value)}
          maw={260}
        />
      );
    case 'number':
      return (
        <NumberInput
          {...common}
          value={typeof value === 'number' ? value : ''}
          onChange={(v) => onChange(typeof v === 'number' ? v : v === '' ? null : Number(v))}
          min={f.min ?? undefined}
          max={f.max ?? undefined}
          allowDecimal={false}
          maw={260}
        />
      );
    case 'select':
      return (
        <Select
          {...common}
          data={f.options ?? []}
          value={typeof value === 'string' ? value : null}
          onChange={(v) => onChange(v)}
          allowDeselect={!f.required}
          placeholder={readOnly ? undefined : t('common.choose')}
          comboboxProps={{ withinPortal: true }}
        />
      );
    case 'boolean':
      return (
        <Switch
          label={f.label}
          description={f.help ?? undefined}
          error={error}
          checked={value === true}
          onChange={(e) => onChange(e.currentTarget.checked)}
          disabled={readOnly}
          id={`policy-field-${f.id}`}
          name={f.id}
          size="md"
        />
      );
    default:
      return (
        <TextInput
          {...common}
          value={typeof value === 'string' ? value : value == null ? '' : String(value)}
          onChange={(e) => onChange(e.currentTarget.value)}
          maxLength={f.max ?? undefined}
        />
      );
  }
}

/** Values as the server expects them: empty optional values are left out. */
export function toRequestFields(
  fields: TemplateField[],
  values: Record<string, FieldValue>,
): Record<string, FieldValue> {
  const out: Record<string, FieldValue> = {};
  for (const f of fields) {
    const v = values[f.id];
    if (f.type === 'boolean') {
      out[f.id] = v === true;
      continue;
    }
    if (f.type === 'number') {
      out[f.id] = typeof v === 'number' ? v : null;
      continue;
    }
    if (v === null || v === undefined || v === '') {
      if (f.required) out[f.id] = f.type === 'select' ? null : '';
      continue;
    }
    out[f.id] = typeof v === 'string' ? v.trim() : v;
  }
  return out;
}

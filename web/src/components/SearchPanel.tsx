import {
  Button,
  Card,
  Group,
  type MantineSpacing,
  SegmentedControl,
  Select,
  type SelectProps,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLang } from '../i18n.ts';
import { IconSearch } from '../icons.tsx';
import { INDUSTRIES, PREFECTURES, type RefItem, refOptions } from '../reference.ts';

/**
 * The search card at the top of a public list page: a titled section holding a form,
 * with a "clear" button shown while any filter is set.
 */
export function SearchPanel({
  id,
  title,
  onSubmit,
  filtered,
  onClear,
  clearSpacing = 'md',
  children,
}: {
  /** id of the section heading (the section is labelled by it). */
  id: string;
  title: ReactNode;
  onSubmit: (e: FormEvent) => void;
  filtered: boolean;
  onClear: () => void;
  /** Space between the fields and the clear button. */
  clearSpacing?: MantineSpacing;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby={id} shadow="xs">
      <Title order={2} size="h4" id={id} mb="md">
        {title}
      </Title>
      <form onSubmit={onSubmit}>
        {children}
        {filtered ? (
          <Group justify="flex-end" mt={clearSpacing}>
            <Button variant="subtle" onClick={onClear}>
              {t('common.clear')}
            </Button>
          </Group>
        ) : null}
      </form>
    </Card>
  );
}

/** Free-text search input with its submit button beside it. */
export function SearchBox({
  label,
  placeholder,
  value,
  onChange,
  submitLabel,
}: {
  label: string;
  placeholder: string;
  value: string;
  onChange: (value: string) => void;
  submitLabel: string;
}) {
  return (
    <Group gap="sm" align="flex-end" wrap="nowrap">
      <TextInput
        label={label}
        placeholder={placeholder}
        value={value}
        onChange={(e) => onChange(e.currentTarget.value)}
        leftSection={<IconSearch size={16} />}
        style={{ flex: 1, minWidth: 0 }}
        maxLength={100}
        type="search"
      />
      <Button type="submit">{submitLabel}</Button>
    </Group>
  );
}

type FilterSelectProps = {
  label: string;
  /** Placeholder shown when nothing is picked ("all"). */
  placeholder: string;
  value: string | undefined;
  onChange: (value: string | undefined) => void;
  data: SelectProps['data'];
  searchable?: boolean;
};

/** A clearable select used as a list filter; an empty choice is `undefined`. */
export function FilterSelect({
  label,
  placeholder,
  value,
  onChange,
  data,
  searchable = false,
}: FilterSelectProps) {
  const { t } = useTranslation();
  return (
    <Select
      label={label}
      data={data}
      value={value ?? null}
      onChange={(v) => onChange(v ?? undefined)}
      placeholder={placeholder}
      searchable={searchable}
      clearable
      nothingFoundMessage={searchable ? t('common.nothingFound') : undefined}
      comboboxProps={{ withinPortal: true }}
    />
  );
}

function RefFilterSelect({
  list,
  ...props
}: Omit<FilterSelectProps, 'data' | 'searchable'> & { list: RefItem[] }) {
  const lang = useLang();
  return <FilterSelect {...props} data={refOptions(list, lang)} searchable />;
}

/** Searchable prefecture filter (web/src/reference.ts). */
export function PrefectureSelect(props: Omit<FilterSelectProps, 'data' | 'searchable'>) {
  return <RefFilterSelect {...props} list={PREFECTURES} />;
}

/** Searchable industry filter (web/src/reference.ts). */
export function IndustrySelect(props: Omit<FilterSelectProps, 'data' | 'searchable'>) {
  return <RefFilterSelect {...props} list={INDUSTRIES} />;
}

/** A full-width segmented control with a visible label above it. */
export function SegmentedFilter({
  id,
  label,
  value,
  onChange,
  data,
}: {
  /** id of the label element. */
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  data: { value: string; label: string }[];
}) {
  return (
    <>
      <Text component="span" size="sm" fw={500} display="block" mb={4} id={id}>
        {label}
      </Text>
      <SegmentedControl fullWidth aria-labelledby={id} value={value} onChange={onChange} data={data} />
    </>
  );
}

/** State of a free-text search box: the text being typed, and a submit handler passing the trimmed text on. */
export function useSearchText(initial: string | undefined, onSearch: (q: string | undefined) => void) {
  const [text, setText] = useState(initial ?? '');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSearch(text.trim() || undefined);
  };
  return { text, setText, submit };
}

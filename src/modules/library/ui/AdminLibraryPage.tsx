import {
  Badge,
  Button,
  Card,
  Checkbox,
  Drawer,
  Group,
  MultiSelect,
  NumberInput,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Tabs,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api, errorMessage } from '../../../../web/src/api.ts';
import { ErrorAlert, PageHeader } from '../../../../web/src/components/Page.tsx';
import { formatDate } from '../../../../web/src/format.ts';
import { useLang } from '../../../../web/src/i18n.ts';
import { IconPlus, IconSearch, IconTrash } from '../../../../web/src/icons.tsx';
import {
  type AdminItem,
  type Bilingual,
  type EntryData,
  type PageOf,
  type Taxonomy,
  useTaxonomy,
  type VideoData,
} from './library-api.ts';
import { Pager } from './parts.tsx';

type Kind = 'entries' | 'videos';
type Editing<D> = { id: string; isNew: boolean; data: D } | null;

const blank = (): Bilingual => ({ ja: '', en: '' });
const newEntry = (): EntryData => ({
  category: 'law',
  audiences: ['sme'],
  tags: [],
  keywords: [],
  title: blank(),
  summary: blank(),
  body: blank(),
  links: [{ label: blank(), url: 'https://' }],
});
const newVideo = (): VideoData => ({
  title: blank(),
  publisher: blank(),
  minutes: 10,
  topic: 'basics',
  viewers: ['employee'],
  training: 'check',
  url: 'https://',
  description: blank(),
});

/** /admin/library — the operator adds, edits, hides and reverts library pages and videos. */
export function AdminLibraryPage() {
  const { t } = useTranslation();
  const [kind, setKind] = useState<Kind>('entries');
  return (
    <Stack gap="lg">
      <PageHeader title={t('library.admin.title')} description={t('library.admin.lead')} />
      <Tabs value={kind} onChange={(v) => setKind((v as Kind) ?? 'entries')} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="entries">{t('library.admin.entries')}</Tabs.Tab>
          <Tabs.Tab value="videos">{t('library.admin.videos')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="entries" pt="md">
          <ItemTable<EntryData> kind="entries" />
        </Tabs.Panel>
        <Tabs.Panel value="videos" pt="md">
          <ItemTable<VideoData> kind="videos" />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

function ItemTable<D extends EntryData | VideoData>({ kind }: { kind: Kind }) {
  const { t } = useTranslation();
  const lang = useLang();
  const qc = useQueryClient();
  const [q, setQ] = useState('');
  const [search, setSearch] = useState('');
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<Editing<D>>(null);
  const list = useQuery({
    queryKey: ['library', 'admin', kind, search, page],
    queryFn: () => api<PageOf<AdminItem<D>>>(`/api/v1/admin/library/${kind}`, { query: { q: search, page } }),
    placeholderData: keepPreviousData,
  });
  const refresh = () => qc.invalidateQueries({ queryKey: ['library'] });
  const act = useMutation({
    mutationFn: async (a: { id: string; action: 'hide' | 'show' | 'revert' }) => {
      if (a.action === 'revert') await api(`/api/v1/admin/library/${kind}/${a.id}`, { method: 'DELETE' });
      else
        await api(`/api/v1/admin/library/${kind}/${a.id}/visibility`, {
          method: 'POST',
          body: { hidden: a.action === 'hide' },
        });
      return a.action;
    },
    onSuccess: (action) => {
      notifications.show({
        color: 'teal',
        message: t(
          action === 'revert'
            ? 'library.admin.reverted'
            : action === 'hide'
              ? 'library.admin.hiddenDone'
              : 'library.admin.shownDone',
        ),
      });
      void refresh();
    },
    onError: (err) => notifications.show({ color: 'red', message: errorMessage(err) }),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setPage(1);
    setSearch(q.trim());
  };

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" component="form" onSubmit={submit} wrap="wrap">
        <Group gap="xs" align="flex-end">
          <TextInput
            label={t('library.admin.q')}
            value={q}
            onChange={(e) => setQ(e.currentTarget.value)}
            leftSection={<IconSearch size={16} />}
            type="search"
            maxLength={100}
          />
          <Button type="submit" variant="default">
            {t('library.home.search')}
          </Button>
        </Group>
        <Button
          leftSection={<IconPlus size={16} />}
          onClick={() =>
            setEditing({ id: '', isNew: true, data: (kind === 'entries' ? newEntry() : newVideo()) as D })
          }
        >
          {t(kind === 'entries' ? 'library.admin.addEntry' : 'library.admin.addVideo')}
        </Button>
      </Group>
      {list.isError ? <ErrorAlert error={list.error} /> : null}
      <Card withBorder padding={0}>
        <Table.ScrollContainer minWidth={720}>
          <Table striped verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('library.admin.colTitle')}</Table.Th>
                <Table.Th>{t('library.admin.colState')}</Table.Th>
                <Table.Th>{t('library.admin.colAdded')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(list.data?.items ?? []).map((item) => {
                const title = item.data.title.ja;
                return (
                  <Table.Tr key={item.id}>
                    <Table.Td>
                      <Text fw={600} size="sm">
                        {title}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {item.id}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4}>
                        <Badge variant="outline" color="gray" tt="none">
                          {t(`library.admin.source.${item.source}`)}
                        </Badge>
                        <Badge variant="light" color={item.hidden ? 'red' : 'teal'} tt="none">
                          {t(item.hidden ? 'library.admin.hidden' : 'library.admin.visible')}
                        </Badge>
                      </Group>
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <Text size="sm">{formatDate(item.addedAt, lang)}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Group gap={6} justify="flex-end" wrap="nowrap">
                        <Button
                          size="xs"
                          variant="light"
                          aria-label={t('library.admin.editNamed', { title })}
                          onClick={() => setEditing({ id: item.id, isNew: false, data: item.data })}
                        >
                          {t('library.admin.edit')}
                        </Button>
                        <Button
                          size="xs"
                          variant="default"
                          onClick={() => act.mutate({ id: item.id, action: item.hidden ? 'show' : 'hide' })}
                        >
                          {t(item.hidden ? 'library.admin.show' : 'library.admin.hide')}
                        </Button>
                        {item.source !== 'content' ? (
                          <Button
                            size="xs"
                            variant="subtle"
                            color="red"
                            leftSection={<IconTrash size={14} />}
                            onClick={() => act.mutate({ id: item.id, action: 'revert' })}
                          >
                            {t('library.admin.revert')}
                          </Button>
                        ) : null}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {list.data && list.data.items.length === 0 ? (
          <Text c="dimmed" ta="center" p="lg">
            {t('library.admin.none')}
          </Text>
        ) : null}
      </Card>
      {list.data ? (
        <Pager
          page={list.data.page}
          total={list.data.total}
          pageSize={list.data.pageSize}
          onChange={setPage}
        />
      ) : null}
      <Drawer
        opened={Boolean(editing)}
        onClose={() => setEditing(null)}
        position="right"
        size="xl"
        title={
          <Title order={2} size="h4">
            {editing?.isNew
              ? t(kind === 'entries' ? 'library.admin.form.newTitle' : 'library.admin.form.newVideoTitle')
              : t('library.admin.form.editTitle', { title: editing?.data.title.ja ?? '' })}
          </Title>
        }
      >
        {editing ? (
          <ItemForm<D>
            kind={kind}
            editing={editing}
            onSaved={() => {
              setEditing(null);
              void refresh();
            }}
          />
        ) : null}
      </Drawer>
    </Stack>
  );
}

function ItemForm<D extends EntryData | VideoData>({
  kind,
  editing,
  onSaved,
}: {
  kind: Kind;
  editing: NonNullable<Editing<D>>;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const tax = useTaxonomy();
  const [id, setId] = useState(editing.id);
  const [data, setData] = useState<D>(editing.data);
  const save = useMutation({
    mutationFn: () =>
      api(`/api/v1/admin/library/${kind}/${encodeURIComponent(id)}`, { method: 'PUT', body: data }),
    onSuccess: () => {
      notifications.show({ color: 'teal', message: t('library.admin.saved') });
      onSaved();
    },
  });
  const errors = save.error instanceof ApiError ? save.error.fields : {};
  const patch = (p: Partial<D>) => setData((d) => ({ ...d, ...p }));
  const text = (key: keyof D & string, lang: 'ja' | 'en') => ({
    value: (data[key] as Bilingual)[lang],
    onChange: (e: { currentTarget: { value: string } }) =>
      patch({ [key]: { ...(data[key] as Bilingual), [lang]: e.currentTarget.value } } as Partial<D>),
    error: errors[`${key}.${lang}`],
  });
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <Stack gap="sm">
        {save.error && !Object.keys(errors).length ? <ErrorAlert error={save.error} /> : null}
        {save.error && Object.keys(errors).length ? (
          <ErrorAlert error={Object.values(errors).join(' / ')} />
        ) : null}
        <TextInput
          label={t('library.admin.form.id')}
          description={t('library.admin.form.idHint')}
          value={id}
          onChange={(e) => setId(e.currentTarget.value.trim())}
          disabled={!editing.isNew}
          required
          error={errors.id}
        />
        {kind === 'entries' ? (
          <EntryFields
            data={data as EntryData}
            patch={patch as (p: Partial<EntryData>) => void}
            tax={tax.data}
            errors={errors}
            text={text as never}
          />
        ) : (
          <VideoFields
            data={data as VideoData}
            patch={patch as (p: Partial<VideoData>) => void}
            tax={tax.data}
            errors={errors}
            text={text as never}
          />
        )}
        <Group mt="md">
          <Button type="submit" loading={save.isPending}>
            {t('library.admin.form.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

type TextProps = (
  key: string,
  lang: 'ja' | 'en',
) => { value: string; onChange: (e: { currentTarget: { value: string } }) => void; error?: string };

function EntryFields({
  data,
  patch,
  tax,
  errors,
  text,
}: {
  data: EntryData;
  patch: (p: Partial<EntryData>) => void;
  tax: Taxonomy | undefined;
  errors: Record<string, string>;
  text: TextProps;
}) {
  const { t } = useTranslation();
  // The text as typed, so a trailing comma survives until the next keyword is written.
  const [keywords, setKeywords] = useState(data.keywords.join(', '));
  return (
    <>
      <Select
        label={t('library.admin.form.category')}
        data={(tax?.categories ?? []).map((c) => ({ value: c.id, label: c.label }))}
        value={data.category}
        onChange={(v) => patch({ category: v ?? data.category })}
        allowDeselect={false}
        error={errors.category}
        comboboxProps={{ withinPortal: true }}
      />
      <Checkbox.Group
        label={t('library.admin.form.audiences')}
        value={data.audiences}
        onChange={(v) => patch({ audiences: v })}
        error={errors.audiences}
      >
        <Group gap="md" mt={4}>
          {(tax?.audiences ?? []).map((a) => (
            <Checkbox key={a.id} value={a.id} label={a.label} />
          ))}
        </Group>
      </Checkbox.Group>
      <MultiSelect
        label={t('library.admin.form.tags')}
        data={(tax?.tags ?? []).map((x) => ({ value: x.id, label: x.label }))}
        value={data.tags}
        onChange={(v) => patch({ tags: v })}
        searchable
        error={errors.tags ?? Object.entries(errors).find(([k]) => k.startsWith('tags.'))?.[1]}
        comboboxProps={{ withinPortal: true }}
      />
      <TextInput
        label={t('library.admin.form.keywords')}
        value={keywords}
        onChange={(e) => {
          const raw = e.currentTarget.value;
          setKeywords(raw);
          patch({
            keywords: raw
              .split(/[,、]/)
              .map((s) => s.trim())
              .filter(Boolean),
          });
        }}
      />
      <TextInput label={t('library.admin.form.titleJa')} required {...text('title', 'ja')} />
      <TextInput label={t('library.admin.form.titleEn')} {...text('title', 'en')} />
      <Textarea
        label={t('library.admin.form.summaryJa')}
        required
        autosize
        minRows={2}
        {...text('summary', 'ja')}
      />
      <Textarea label={t('library.admin.form.summaryEn')} autosize minRows={2} {...text('summary', 'en')} />
      <Textarea
        label={t('library.admin.form.bodyJa')}
        required
        autosize
        minRows={6}
        {...text('body', 'ja')}
      />
      <Textarea label={t('library.admin.form.bodyEn')} autosize minRows={4} {...text('body', 'en')} />
      <Text fw={600} size="sm" mt="sm">
        {t('library.admin.form.links')}
      </Text>
      <Text size="xs" c="dimmed">
        {t('library.admin.form.linksNote')}
      </Text>
      {data.links.map((l, i) => {
        const set = (p: Partial<(typeof data.links)[number]>) =>
          patch({ links: data.links.map((x, j) => (j === i ? { ...x, ...p } : x)) });
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: links have no id; order is the identity
          <Card key={i} withBorder padding="sm">
            <Stack gap={6}>
              <TextInput
                label={t('library.admin.form.linkUrl')}
                value={l.url}
                onChange={(e) => set({ url: e.currentTarget.value })}
                error={errors[`links.${i}.url`]}
                required
              />
              <TextInput
                label={t('library.admin.form.linkLabelJa')}
                value={l.label.ja}
                onChange={(e) => set({ label: { ...l.label, ja: e.currentTarget.value } })}
                error={errors[`links.${i}.label.ja`]}
                required
              />
              <TextInput
                label={t('library.admin.form.linkLabelEn')}
                value={l.label.en}
                onChange={(e) => set({ label: { ...l.label, en: e.currentTarget.value } })}
              />
              {data.links.length > 1 ? (
                <Group justify="flex-end">
                  <Button
                    size="xs"
                    variant="subtle"
                    color="red"
                    onClick={() => patch({ links: data.links.filter((_, j) => j !== i) })}
                  >
                    {t('library.admin.form.removeLink')}
                  </Button>
                </Group>
              ) : null}
            </Stack>
          </Card>
        );
      })}
      {data.links.length < 8 ? (
        <Group>
          <Button
            size="xs"
            variant="light"
            leftSection={<IconPlus size={14} />}
            onClick={() => patch({ links: [...data.links, { label: blank(), url: 'https://' }] })}
          >
            {t('library.admin.form.addLink')}
          </Button>
        </Group>
      ) : null}
    </>
  );
}

function VideoFields({
  data,
  patch,
  tax,
  errors,
  text,
}: {
  data: VideoData;
  patch: (p: Partial<VideoData>) => void;
  tax: Taxonomy | undefined;
  errors: Record<string, string>;
  text: TextProps;
}) {
  const { t } = useTranslation();
  return (
    <>
      <TextInput label={t('library.admin.form.titleJa')} required {...text('title', 'ja')} />
      <TextInput label={t('library.admin.form.titleEn')} {...text('title', 'en')} />
      <Group grow align="flex-start">
        <TextInput label={t('library.admin.form.publisherJa')} required {...text('publisher', 'ja')} />
        <TextInput label={t('library.admin.form.publisherEn')} {...text('publisher', 'en')} />
      </Group>
      <TextInput
        label={t('library.admin.form.url')}
        value={data.url}
        onChange={(e) => patch({ url: e.currentTarget.value })}
        error={errors.url}
        required
      />
      <Group grow align="flex-start">
        <NumberInput
          label={t('library.admin.form.minutes')}
          value={data.minutes}
          onChange={(v) => patch({ minutes: Number(v) || 0 })}
          min={1}
          max={600}
          error={errors.minutes}
        />
        <Select
          label={t('library.admin.form.topic')}
          data={(tax?.topics ?? []).map((x) => ({ value: x.id, label: x.label }))}
          value={data.topic}
          onChange={(v) => patch({ topic: v ?? data.topic })}
          allowDeselect={false}
          error={errors.topic}
          comboboxProps={{ withinPortal: true }}
        />
      </Group>
      <Checkbox.Group
        label={t('library.admin.form.viewers')}
        value={data.viewers}
        onChange={(v) => patch({ viewers: v })}
        error={errors.viewers}
      >
        <Group gap="md" mt={4}>
          {(tax?.viewers ?? []).map((a) => (
            <Checkbox key={a.id} value={a.id} label={a.label} />
          ))}
        </Group>
      </Checkbox.Group>
      <Text size="sm" fw={500}>
        {t('library.admin.form.training')}
      </Text>
      <SegmentedControl
        value={data.training}
        onChange={(v) => patch({ training: v as VideoData['training'] })}
        data={[
          { value: 'free', label: t('library.videos.trainingShort.free') },
          { value: 'check', label: t('library.videos.trainingShort.check') },
        ]}
      />
      <Textarea
        label={t('library.admin.form.descriptionJa')}
        required
        autosize
        minRows={3}
        {...text('description', 'ja')}
      />
      <Textarea
        label={t('library.admin.form.descriptionEn')}
        autosize
        minRows={3}
        {...text('description', 'en')}
      />
    </>
  );
}

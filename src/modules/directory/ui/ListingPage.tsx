import {
  Alert,
  Badge,
  Box,
  Button,
  Card,
  Checkbox,
  Grid,
  Group,
  MultiSelect,
  ScrollArea,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
  ThemeIcon,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError, api, errorMessage } from '../../../../web/src/api.ts';
import { ErrorAlert, PageHeader, PageLoader } from '../../../../web/src/components/Page.tsx';
import { useLang } from '../../../../web/src/i18n.ts';
import { IconBuilding, IconFileText, IconList, IconMessage, IconSearch } from '../../../../web/src/icons.tsx';
import { canManage } from '../../../../web/src/me.ts';
import { INDUSTRIES, PREFECTURES, refOptions } from '../../../../web/src/reference.ts';
import { ListingCard } from './DirectoryPage.tsx';
import {
  type Listing,
  type ListingInput,
  listingKey,
  useListing,
  useLists,
  useMyOrg,
} from './directory-api.ts';

/** /orgs/:orgId/directory — a provider keeps its entry in the public directory. */
export function ListingPage() {
  const { orgId = '' } = useParams();
  const { t } = useTranslation();
  const { me, org } = useMyOrg(orgId);
  const isProvider = org?.kind === 'provider';
  const listing = useListing(orgId, isProvider);
  const lists = useLists();
  if (me.isPending || (isProvider && (listing.isPending || lists.isPending))) return <PageLoader />;
  if (!org || !isProvider)
    return (
      <>
        <PageHeader title={t('directory.listing.title')} />
        {org ? <NotProvider orgName={org.name} /> : <Text>{t('directory.listing.notMember')}</Text>}
      </>
    );
  if (listing.isError || lists.isError)
    return (
      <>
        <PageHeader title={t('directory.listing.title')} />
        <ErrorAlert error={listing.error ?? lists.error} />
      </>
    );
  return (
    <>
      <PageHeader title={t('directory.listing.title')} description={t('directory.listing.lead')} />
      <ProviderTabs orgId={orgId} />
      <Editor
        key={listing.dataUpdatedAt}
        orgId={orgId}
        orgName={org.name}
        listing={listing.data ?? null}
        editable={canManage(org.role)}
      />
    </>
  );
}

function ProviderTabs({ orgId }: { orgId: string }) {
  const { t } = useTranslation();
  const tabs = [
    {
      to: `/orgs/${orgId}/services`,
      label: t('directory.listing.tabs.services'),
      icon: <IconList size={16} />,
    },
    {
      to: `/orgs/${orgId}/service-requests`,
      label: t('directory.listing.tabs.requests'),
      icon: <IconMessage size={16} />,
    },
  ];
  return (
    <ScrollArea type="never" mb="lg">
      <Group gap={6} wrap="nowrap" component="nav" aria-label={t('directory.listing.tabsLabel')}>
        {tabs.map((tab) => (
          <Button
            key={tab.to}
            component={Link}
            to={tab.to}
            variant="subtle"
            color="gray"
            leftSection={tab.icon}
            size="sm"
          >
            {tab.label}
          </Button>
        ))}
        <Button
          variant="light"
          leftSection={<IconFileText size={16} />}
          aria-current="page"
          size="sm"
          component="span"
        >
          {t('directory.listing.tabs.directory')}
        </Button>
      </Group>
    </ScrollArea>
  );
}

function NotProvider({ orgName }: { orgName: string }) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="lg" maw={760}>
      <Group align="flex-start" gap="md" wrap="nowrap">
        <ThemeIcon size={44} radius="xl" variant="light" visibleFrom="xs">
          <IconBuilding size={24} />
        </ThemeIcon>
        <Stack gap="sm" style={{ flex: 1, minWidth: 0 }}>
          <Title order={2} size="h4">
            {t('directory.listing.smeTitle')}
          </Title>
          <Text size="sm">{t('directory.listing.smeBody', { name: orgName })}</Text>
          <Group gap="sm">
            <Button component={Link} to="/directory" leftSection={<IconSearch size={16} />}>
              {t('directory.listing.smeFind')}
            </Button>
            <Button component={Link} to="/orgs/new" variant="default">
              {t('directory.listing.smeRegister')}
            </Button>
          </Group>
        </Stack>
      </Group>
    </Card>
  );
}

interface Values {
  categories: string[];
  prefectures: string[];
  industries: string[];
  description: string;
  url: string;
  published: boolean;
}

function normaliseUrl(value: string): string {
  const v = value.trim();
  if (!v) return '';
  return /^https?:\/\//i.test(v) ? v : `https://${v}`;
}

function Editor({
  orgId,
  orgName,
  listing,
  editable,
}: {
  orgId: string;
  orgName: string;
  listing: Listing | null;
  editable: boolean;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const qc = useQueryClient();
  const lists = useLists();
  const [v, setV] = useState<Values>(() => ({
    categories: listing?.categories.map((c) => c.id) ?? [],
    prefectures: listing?.prefectures ?? [],
    industries: listing?.industries ?? [],
    description: listing?.description ?? '',
    url: listing?.url ?? '',
    published: listing?.published ?? true,
  }));
  const [errors, setErrors] = useState<Partial<Record<keyof Values, string>>>({});
  const save = useMutation({
    mutationFn: () => {
      const body: ListingInput = {
        categories: v.categories,
        prefectures: v.prefectures,
        industries: v.industries,
        description: v.description.trim(),
        url: normaliseUrl(v.url) || null,
        published: v.published,
      };
      return api<Listing>(`/api/v1/orgs/${orgId}/directory`, { method: 'PUT', body });
    },
    onSuccess: async (saved) => {
      notifications.show({
        color: 'teal',
        message: saved.published ? t('directory.listing.savedPublished') : t('directory.listing.savedHidden'),
      });
      await qc.invalidateQueries({ queryKey: listingKey(orgId) });
      await qc.invalidateQueries({ queryKey: ['directory', 'list'] });
    },
    onError: (err) => {
      if (err instanceof ApiError) {
        const mapped: typeof errors = {};
        for (const [k, m] of Object.entries(err.fields)) mapped[k.replace(/\.\d+$/, '') as keyof Values] = m;
        setErrors(mapped);
      }
    },
  });
  const set = <K extends keyof Values>(k: K, value: Values[K]) => {
    setV((old) => ({ ...old, [k]: value }));
    setErrors((old) => ({ ...old, [k]: undefined }));
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found: typeof errors = {};
    if (v.categories.length === 0) found.categories = t('directory.errors.categories');
    if (v.prefectures.length === 0) found.prefectures = t('directory.errors.prefectures');
    if (!v.description.trim()) found.description = t('directory.errors.required');
    setErrors(found);
    if (Object.keys(found).length === 0) save.mutate();
  };
  const allSelected = v.prefectures.length === PREFECTURES.length;
  const preview: Listing = {
    orgId,
    name: orgName,
    categories: (lists.data?.categories ?? []).filter((c) => v.categories.includes(c.id)),
    prefectures: v.prefectures,
    industries: v.industries,
    description: v.description || t('directory.listing.previewEmpty'),
    url: normaliseUrl(v.url) || null,
    published: v.published,
  };

  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, md: 7 }}>
        <Card withBorder padding="lg" radius="md">
          {!editable ? (
            <Alert color="gray" variant="light" mb="md">
              {t('directory.listing.readOnly')}
            </Alert>
          ) : null}
          <form onSubmit={submit} noValidate>
            <Box component="fieldset" disabled={!editable} m={0} p={0} style={{ border: 0, minWidth: 0 }}>
              <Stack gap="md">
                {save.isError ? (
                  <Alert color="red" role="alert">
                    {errorMessage(save.error)}
                  </Alert>
                ) : null}
                <Checkbox.Group
                  label={t('directory.listing.categories')}
                  description={t('directory.listing.categoriesHint')}
                  value={v.categories}
                  onChange={(x) => set('categories', x)}
                  error={errors.categories}
                  required
                >
                  <SimpleGrid cols={{ base: 1, sm: 2 }} spacing={6} mt={6}>
                    {(lists.data?.categories ?? []).map((c) => (
                      <Checkbox key={c.id} value={c.id} label={c.label} />
                    ))}
                  </SimpleGrid>
                </Checkbox.Group>
                <Stack gap="xs">
                  <Switch
                    label={t('directory.fields.nationwide')}
                    checked={allSelected}
                    onChange={(e) =>
                      set('prefectures', e.currentTarget.checked ? PREFECTURES.map((x) => x.code) : [])
                    }
                  />
                  {allSelected ? null : (
                    <MultiSelect
                      label={t('directory.listing.prefectures')}
                      data={refOptions(PREFECTURES, lang)}
                      value={v.prefectures}
                      onChange={(x) => set('prefectures', x)}
                      error={errors.prefectures}
                      required
                      searchable
                      hidePickedOptions
                      nothingFoundMessage={t('common.nothingFound')}
                      comboboxProps={{ withinPortal: true }}
                      maxDropdownHeight={260}
                    />
                  )}
                </Stack>
                <MultiSelect
                  label={t('directory.listing.industries') + t('common.optionalSuffix')}
                  description={t('directory.listing.industriesHint')}
                  data={refOptions(INDUSTRIES, lang)}
                  value={v.industries}
                  onChange={(x) => set('industries', x)}
                  error={errors.industries}
                  searchable
                  hidePickedOptions
                  maxValues={20}
                  nothingFoundMessage={t('common.nothingFound')}
                  comboboxProps={{ withinPortal: true }}
                />
                <Textarea
                  label={t('directory.listing.description')}
                  description={t('directory.listing.descriptionHint')}
                  value={v.description}
                  onChange={(e) => set('description', e.currentTarget.value)}
                  error={errors.description}
                  required
                  autosize
                  minRows={4}
                  maxLength={2000}
                />
                <TextInput
                  label={t('directory.listing.url') + t('common.optionalSuffix')}
                  value={v.url}
                  onChange={(e) => set('url', e.currentTarget.value)}
                  onBlur={() => set('url', normaliseUrl(v.url))}
                  error={errors.url}
                  type="url"
                  inputMode="url"
                  placeholder="https://example.co.jp"
                  maxLength={300}
                />
                <Switch
                  label={t('directory.listing.published')}
                  description={t('directory.listing.publishedHint')}
                  checked={v.published}
                  onChange={(e) => set('published', e.currentTarget.checked)}
                />
                {editable ? (
                  <Group justify="flex-end">
                    <Button type="submit" loading={save.isPending}>
                      {t('directory.listing.save')}
                    </Button>
                  </Group>
                ) : null}
              </Stack>
            </Box>
          </form>
        </Card>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 5 }}>
        <Stack gap="sm">
          <Group justify="space-between">
            <Title order={2} size="h5">
              {t('directory.listing.preview')}
            </Title>
            {listing ? (
              <Badge color={listing.published ? 'teal' : 'gray'} variant="light" tt="none">
                {listing.published ? t('directory.listing.isPublished') : t('directory.listing.isHidden')}
              </Badge>
            ) : (
              <Badge color="gray" variant="outline" tt="none">
                {t('directory.listing.notYet')}
              </Badge>
            )}
          </Group>
          <ListingCard listing={preview} as="div" />
          <Button component={Link} to="/directory" variant="subtle" size="sm">
            {t('directory.listing.openDirectory')}
          </Button>
        </Stack>
      </Grid.Col>
    </Grid>
  );
}

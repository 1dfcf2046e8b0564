import {
  Alert,
  Anchor,
  Avatar,
  Box,
  Button,
  Card,
  Container,
  Grid,
  Group,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError, api, errorMessage } from '../../../../web/src/api.ts';
import { ErrorAlert, useDocumentTitle } from '../../../../web/src/components/Page.tsx';
import { useLang } from '../../../../web/src/i18n.ts';
import { IconCheck, IconMail } from '../../../../web/src/icons.tsx';
import { activeOrg, useMe } from '../../../../web/src/me.ts';
import { PREFECTURES, refOptions } from '../../../../web/src/reference.ts';
import { isEmail } from '../../../../web/src/validation.ts';
import { type Presenter, prefectureNames, usePresenter } from './directory-api.ts';
import { QualificationBadges } from './PresentersPage.tsx';

/** /presenters/:id — a presenter's profile and the seminar request form (no account needed). */
export function PresenterPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const presenter = usePresenter(id);
  useDocumentTitle(presenter.data?.name ?? t('directory.presenters.docTitle'));
  if (presenter.isPending)
    return (
      <Container size="lg" py="xl">
        <Skeleton h={220} radius="md" mb="lg" />
        <Skeleton h={360} radius="md" />
      </Container>
    );
  if (presenter.isError) {
    const missing = presenter.error instanceof ApiError && presenter.error.status === 404;
    return (
      <Container size="sm" py={64}>
        <Stack align="center" gap="md">
          <Title order={1} size="h2" ta="center">
            {missing ? t('directory.presenter.notFound') : t('common.errorTitle')}
          </Title>
          {missing ? null : <ErrorAlert error={presenter.error} />}
          <Button component={Link} to="/presenters">
            {t('directory.presenter.back')}
          </Button>
        </Stack>
      </Container>
    );
  }
  const p = presenter.data;
  return (
    <>
      <Box className="dir-head" py={{ base: 'lg', sm: 'xl' }}>
        <Container size="lg">
          <Anchor component={Link} to="/presenters" size="sm">
            {t('directory.presenter.back')}
          </Anchor>
          <Group gap="md" mt="sm" wrap="nowrap" align="center">
            <Avatar size={72} radius="xl" color="brand" aria-hidden="true" visibleFrom="xs">
              <Text fz={28} fw={700}>
                {p.name.slice(0, 1)}
              </Text>
            </Avatar>
            <Box style={{ minWidth: 0 }}>
              <Text size="sm" c="dimmed">
                {p.kana}
              </Text>
              <Title order={1} fz={{ base: 24, sm: 30 }} lh={1.3}>
                {p.name}
              </Title>
              {p.affiliation ? <Text c="dimmed">{p.affiliation}</Text> : null}
            </Box>
          </Group>
        </Container>
      </Box>
      <Container size="lg" py={{ base: 'lg', sm: 'xl' }}>
        <Grid gap="xl">
          <Grid.Col span={{ base: 12, md: 5 }}>
            <Profile presenter={p} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 7 }}>
            <RequestForm presenter={p} />
          </Grid.Col>
        </Grid>
      </Container>
    </>
  );
}

function Profile({ presenter: p }: { presenter: Presenter }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="presenter-profile-title">
      <Title order={2} size="h4" id="presenter-profile-title" mb="sm">
        {t('directory.presenter.profileTitle')}
      </Title>
      <Stack gap="md">
        <Box>
          <Text size="sm" c="dimmed" mb={4}>
            {t('directory.fields.qualifications')}
          </Text>
          {p.qualifications.length || p.qualificationOther ? (
            <QualificationBadges presenter={p} size="md" />
          ) : (
            <Text size="sm">—</Text>
          )}
        </Box>
        <Box>
          <Text size="sm" c="dimmed" mb={4}>
            {t('directory.fields.prefectures')}
          </Text>
          <Text size="sm">{prefectureNames(p.prefectures, lang, t)}</Text>
        </Box>
        <Box>
          <Text size="sm" c="dimmed" mb={4}>
            {t('directory.fields.pr')}
          </Text>
          <Text style={{ whiteSpace: 'pre-wrap' }}>{p.pr}</Text>
        </Box>
      </Stack>
    </Card>
  );
}

interface RequestValues {
  requesterName: string;
  requesterEmail: string;
  requesterOrg: string;
  prefecture: string | null;
  preferredDates: string;
  audience: string;
  message: string;
}

function RequestForm({ presenter: p }: { presenter: Presenter }) {
  const { t } = useTranslation();
  const lang = useLang();
  const me = useMe();
  const org = activeOrg(me.data);
  const [v, setV] = useState<RequestValues>(() => ({
    requesterName: me.data?.user.name ?? '',
    requesterEmail: me.data?.user.email ?? '',
    requesterOrg: org?.name ?? '',
    prefecture: p.prefectures.length === 1 ? (p.prefectures[0] ?? null) : null,
    preferredDates: '',
    audience: '',
    message: '',
  }));
  const [errors, setErrors] = useState<Partial<Record<keyof RequestValues, string>>>({});
  const send = useMutation({
    mutationFn: () =>
      api(`/api/v1/presenters/${p.id}/requests`, {
        method: 'POST',
        body: {
          requesterName: v.requesterName.trim(),
          requesterEmail: v.requesterEmail.trim(),
          requesterOrg: v.requesterOrg.trim(),
          prefecture: v.prefecture,
          preferredDates: v.preferredDates.trim(),
          audience: v.audience.trim(),
          message: v.message.trim(),
        },
      }),
    onError: (err) => {
      if (err instanceof ApiError) setErrors(err.fields as typeof errors);
    },
  });
  const set = <K extends keyof RequestValues>(k: K, value: RequestValues[K]) => {
    setV((old) => ({ ...old, [k]: value }));
    setErrors((old) => ({ ...old, [k]: undefined }));
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found: typeof errors = {};
    const required = t('directory.errors.required');
    for (const k of ['requesterName', 'requesterOrg', 'preferredDates', 'audience', 'message'] as const)
      if (!v[k].trim()) found[k] = required;
    if (!v.prefecture) found.prefecture = required;
    if (!v.requesterEmail.trim()) found.requesterEmail = required;
    else if (!isEmail(v.requesterEmail)) found.requesterEmail = t('directory.errors.email');
    setErrors(found);
    if (Object.keys(found).length === 0) send.mutate();
  };

  return (
    <Card
      withBorder
      padding="lg"
      radius="md"
      component="section"
      aria-labelledby="seminar-form-title"
      className="dir-form"
    >
      <Title order={2} size="h3" id="seminar-form-title">
        {t('directory.request.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('directory.request.lead', { name: p.name })}
      </Text>
      {send.isSuccess ? (
        <Alert
          color="teal"
          variant="light"
          icon={<IconCheck />}
          title={t('directory.request.sentTitle')}
          role="status"
        >
          {t('directory.request.sentBody', { name: p.name, email: v.requesterEmail.trim() })}
        </Alert>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            {send.isError ? (
              <Alert color="red" role="alert">
                {errorMessage(send.error)}
              </Alert>
            ) : null}
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
              <TextInput
                label={t('directory.request.name')}
                value={v.requesterName}
                onChange={(e) => set('requesterName', e.currentTarget.value)}
                error={errors.requesterName}
                required
                maxLength={100}
                autoComplete="name"
              />
              <TextInput
                label={t('directory.request.email')}
                value={v.requesterEmail}
                onChange={(e) => set('requesterEmail', e.currentTarget.value)}
                error={errors.requesterEmail}
                required
                type="email"
                inputMode="email"
                maxLength={254}
                autoComplete="email"
              />
            </SimpleGrid>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
              <TextInput
                label={t('directory.request.org')}
                value={v.requesterOrg}
                onChange={(e) => set('requesterOrg', e.currentTarget.value)}
                error={errors.requesterOrg}
                required
                maxLength={200}
                autoComplete="organization"
              />
              <Select
                label={t('directory.request.prefecture')}
                data={refOptions(PREFECTURES, lang)}
                value={v.prefecture}
                onChange={(x) => set('prefecture', x)}
                error={errors.prefecture}
                required
                searchable
                placeholder={t('common.choose')}
                nothingFoundMessage={t('common.nothingFound')}
                comboboxProps={{ withinPortal: true }}
              />
            </SimpleGrid>
            <TextInput
              label={t('directory.request.dates')}
              description={t('directory.request.datesHint')}
              value={v.preferredDates}
              onChange={(e) => set('preferredDates', e.currentTarget.value)}
              error={errors.preferredDates}
              required
              maxLength={500}
            />
            <TextInput
              label={t('directory.request.audience')}
              description={t('directory.request.audienceHint')}
              value={v.audience}
              onChange={(e) => set('audience', e.currentTarget.value)}
              error={errors.audience}
              required
              maxLength={200}
            />
            <Textarea
              label={t('directory.request.message')}
              description={t('directory.request.messageHint')}
              value={v.message}
              onChange={(e) => set('message', e.currentTarget.value)}
              error={errors.message}
              required
              autosize
              minRows={4}
              maxLength={2000}
            />
            <Text size="xs" c="dimmed">
              {t('directory.request.privacy', { name: p.name })}
            </Text>
            <Group justify="flex-end">
              <Button type="submit" loading={send.isPending} leftSection={<IconMail size={16} />}>
                {t('directory.request.send')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Card>
  );
}

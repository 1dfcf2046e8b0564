import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  MultiSelect,
  Radio,
  SimpleGrid,
  Skeleton,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError, api, errorMessage } from '../../../../web/src/api.ts';
import { ErrorAlert, PageHeader, PageLoader } from '../../../../web/src/components/Page.tsx';
import { formatDateTime } from '../../../../web/src/format.ts';
import { useLang } from '../../../../web/src/i18n.ts';
import { IconCheck, IconClock, IconMail } from '../../../../web/src/icons.tsx';
import { useMe } from '../../../../web/src/me.ts';
import { PREFECTURES, refLabel, refOptions } from '../../../../web/src/reference.ts';
import { isEmail } from '../../../../web/src/validation.ts';
import {
  type MyPresenter,
  PRESENTER_ME_KEY,
  type PresenterInput,
  type PresenterStatus,
  type SeminarRequest,
  useLists,
  useMyPresenter,
  useMySeminars,
} from './directory-api.ts';

const STATUS_COLOR: Record<PresenterStatus, string> = { pending: 'blue', approved: 'teal', rejected: 'red' };

export function PresenterStatusBadge({
  status,
  size = 'md',
}: {
  status: PresenterStatus;
  size?: 'md' | 'lg';
}) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLOR[status]} variant="light" tt="none" size={size}>
      {t(`directory.presenterStatus.${status}`)}
    </Badge>
  );
}

/** /presenter — apply as a security presenter, edit the profile, answer seminar requests. */
export function MyPresenterPage() {
  const { t } = useTranslation();
  const mine = useMyPresenter();
  if (mine.isPending) return <PageLoader />;
  if (mine.isError)
    return (
      <>
        <PageHeader title={t('directory.mine.title')} />
        <ErrorAlert error={mine.error} />
      </>
    );
  const p = mine.data;
  return (
    <>
      <PageHeader
        title={t('directory.mine.title')}
        description={p ? t('directory.mine.leadRegistered') : t('directory.mine.lead')}
        actions={p ? <PresenterStatusBadge status={p.status} size="lg" /> : null}
      />
      <Stack gap="lg">
        {p ? <StatusCard presenter={p} /> : <Intro />}
        {p ? <Requests /> : null}
        <ProfileForm key={p ? `${p.id}-${p.status}` : 'new'} presenter={p} />
      </Stack>
    </>
  );
}

function Intro() {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="lg" radius="md">
      <Title order={2} size="h4" mb={4}>
        {t('directory.mine.introTitle')}
      </Title>
      <Text size="sm">{t('directory.mine.intro1')}</Text>
      <Text size="sm" mt={4}>
        {t('directory.mine.intro2')}
      </Text>
    </Card>
  );
}

function StatusCard({ presenter: p }: { presenter: MyPresenter }) {
  const { t } = useTranslation();
  const color = STATUS_COLOR[p.status];
  return (
    <Alert
      color={color}
      variant="light"
      icon={p.status === 'approved' ? <IconCheck /> : <IconClock />}
      title={t(`directory.mine.status.${p.status}Title`)}
    >
      <Text size="sm">{t(`directory.mine.status.${p.status}`)}</Text>
      {p.reviewNote ? (
        <Text size="sm" mt={6}>
          <Text component="span" fw={700} size="sm">
            {t('directory.mine.reviewNote')}
          </Text>
          {p.reviewNote}
        </Text>
      ) : null}
      {p.status === 'approved' ? (
        <Anchor component={Link} to={`/presenters/${p.id}`} size="sm" mt={6} display="inline-block">
          {t('directory.mine.viewPublic')}
        </Anchor>
      ) : null}
    </Alert>
  );
}

interface ProfileValues {
  name: string;
  kana: string;
  email: string;
  prefectures: string[];
  qualifications: string[];
  qualificationOther: string;
  affiliation: string;
  pr: string;
}

function ProfileForm({ presenter: p }: { presenter: MyPresenter | null }) {
  const { t } = useTranslation();
  const lang = useLang();
  const me = useMe();
  const qc = useQueryClient();
  const lists = useLists();
  const [v, setV] = useState<ProfileValues>(() => ({
    name: p?.name ?? me.data?.user.name ?? '',
    kana: p?.kana ?? '',
    email: p?.email ?? me.data?.user.email ?? '',
    prefectures: p?.prefectures ?? [],
    qualifications: p?.qualifications.map((q) => q.id) ?? [],
    qualificationOther: p?.qualificationOther ?? '',
    affiliation: p?.affiliation ?? '',
    pr: p?.pr ?? '',
  }));
  const [errors, setErrors] = useState<Partial<Record<keyof ProfileValues, string>>>({});
  const save = useMutation({
    mutationFn: () => {
      const body: PresenterInput = {
        name: v.name.trim(),
        kana: v.kana.trim(),
        email: v.email.trim(),
        prefectures: v.prefectures,
        qualifications: v.qualifications,
        pr: v.pr.trim(),
      };
      if (v.qualificationOther.trim()) body.qualificationOther = v.qualificationOther.trim();
      if (v.affiliation.trim()) body.affiliation = v.affiliation.trim();
      return api<MyPresenter>('/api/v1/presenter/me', { method: 'PUT', body });
    },
    onSuccess: async () => {
      notifications.show({ color: 'teal', message: t('directory.mine.saved') });
      await qc.invalidateQueries({ queryKey: PRESENTER_ME_KEY });
    },
    onError: (err) => {
      if (err instanceof ApiError) {
        const mapped: typeof errors = {};
        for (const [k, m] of Object.entries(err.fields))
          mapped[k.replace(/\.\d+$/, '') as keyof ProfileValues] = m;
        setErrors(mapped);
      }
    },
  });
  const set = <K extends keyof ProfileValues>(k: K, value: ProfileValues[K]) => {
    setV((old) => ({ ...old, [k]: value }));
    setErrors((old) => ({ ...old, [k]: undefined }));
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found: typeof errors = {};
    const required = t('directory.errors.required');
    if (!v.name.trim()) found.name = required;
    if (!v.kana.trim()) found.kana = required;
    else if (!/^[\p{Script=Katakana}\p{Script=Hiragana}ー\s・]+$/u.test(v.kana.trim()))
      found.kana = t('directory.errors.kana');
    if (!v.email.trim()) found.email = required;
    else if (!isEmail(v.email)) found.email = t('directory.errors.email');
    if (v.prefectures.length === 0) found.prefectures = t('directory.errors.prefectures');
    if (!v.pr.trim()) found.pr = required;
    setErrors(found);
    if (Object.keys(found).length === 0) save.mutate();
  };
  const allSelected = v.prefectures.length === PREFECTURES.length;

  return (
    <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="presenter-form-title">
      <Title order={2} size="h4" id="presenter-form-title">
        {p ? t('directory.mine.editTitle') : t('directory.mine.applyTitle')}
      </Title>
      {p ? (
        <Text size="sm" c="orange.8" mt={4}>
          {t('directory.mine.editNote')}
        </Text>
      ) : null}
      <form onSubmit={submit} noValidate>
        <Stack gap="md" mt="md">
          {save.isError ? (
            <Alert color="red" role="alert">
              {errorMessage(save.error)}
            </Alert>
          ) : null}
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <TextInput
              label={t('directory.fields.name')}
              value={v.name}
              onChange={(e) => set('name', e.currentTarget.value)}
              error={errors.name}
              required
              maxLength={100}
              autoComplete="name"
            />
            <TextInput
              label={t('directory.fields.kana')}
              description={t('directory.fields.kanaHint')}
              value={v.kana}
              onChange={(e) => set('kana', e.currentTarget.value)}
              error={errors.kana}
              required
              maxLength={100}
            />
          </SimpleGrid>
          <TextInput
            label={t('directory.fields.email')}
            description={t('directory.fields.emailHint')}
            value={v.email}
            onChange={(e) => set('email', e.currentTarget.value)}
            error={errors.email}
            required
            type="email"
            inputMode="email"
            maxLength={254}
            autoComplete="email"
          />
          <TextInput
            label={t('directory.fields.affiliation') + t('common.optionalSuffix')}
            description={t('directory.fields.affiliationHint')}
            value={v.affiliation}
            onChange={(e) => set('affiliation', e.currentTarget.value)}
            error={errors.affiliation}
            maxLength={200}
            autoComplete="organization"
          />
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
                label={t('directory.fields.prefectures')}
                description={t('directory.fields.prefecturesHint')}
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
          <Checkbox.Group
            label={t('directory.fields.qualifications')}
            description={t('directory.fields.qualificationsHint')}
            value={v.qualifications}
            onChange={(x) => set('qualifications', x)}
            error={errors.qualifications}
          >
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing={6} mt={6}>
              {(lists.data?.qualifications ?? []).map((q) => (
                <Checkbox key={q.id} value={q.id} label={q.label} />
              ))}
            </SimpleGrid>
          </Checkbox.Group>
          <TextInput
            label={t('directory.fields.qualificationOther') + t('common.optionalSuffix')}
            value={v.qualificationOther}
            onChange={(e) => set('qualificationOther', e.currentTarget.value)}
            error={errors.qualificationOther}
            maxLength={200}
          />
          <Textarea
            label={t('directory.fields.pr')}
            description={t('directory.fields.prHint')}
            value={v.pr}
            onChange={(e) => set('pr', e.currentTarget.value)}
            error={errors.pr}
            required
            autosize
            minRows={4}
            maxLength={2000}
          />
          <Group justify="flex-end">
            <Button type="submit" loading={save.isPending}>
              {p ? t('directory.mine.update') : t('directory.mine.apply')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

function Requests() {
  const { t } = useTranslation();
  const list = useMySeminars(true);
  return (
    <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="seminar-list-title">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4" id="seminar-list-title">
          {t('directory.mine.requestsTitle')}
        </Title>
        {list.data ? (
          <Badge variant="light" color="gray" tt="none">
            {t('directory.mine.newCount', {
              count: list.data.items.filter((r) => r.status === 'new').length,
            })}
          </Badge>
        ) : null}
      </Group>
      {list.isPending ? (
        <Skeleton h={100} />
      ) : list.isError ? (
        <ErrorAlert error={list.error} />
      ) : list.data.items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('directory.mine.noRequests')}
        </Text>
      ) : (
        <Stack gap="sm" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
          {list.data.items.map((r) => (
            <SeminarCard key={r.id} request={r} />
          ))}
        </Stack>
      )}
    </Card>
  );
}

const SEMINAR_COLOR = { new: 'blue', accepted: 'teal', declined: 'gray' } as const;

function SeminarCard({ request: r }: { request: SeminarRequest }) {
  const { t } = useTranslation();
  const lang = useLang();
  const qc = useQueryClient();
  const [status, setStatus] = useState<'accepted' | 'declined'>('accepted');
  const [reply, setReply] = useState('');
  const [error, setError] = useState<string | null>(null);
  const send = useMutation({
    mutationFn: () =>
      api<SeminarRequest>(`/api/v1/presenter/me/requests/${r.id}/reply`, {
        method: 'POST',
        body: { status, reply: reply.trim() },
      }),
    onSuccess: async () => {
      notifications.show({ color: 'teal', message: t('directory.mine.replied', { name: r.requesterName }) });
      await qc.invalidateQueries({ queryKey: [...PRESENTER_ME_KEY, 'requests'] });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!reply.trim()) {
      setError(t('directory.errors.required'));
      return;
    }
    setError(null);
    send.mutate();
  };
  const headingId = `seminar-${r.id}`;
  const rows: [string, string][] = [
    [t('directory.request.org'), r.requesterOrg],
    [t('directory.request.prefecture'), refLabel(PREFECTURES, r.prefecture, lang)],
    [t('directory.request.dates'), r.preferredDates],
    [t('directory.request.audience'), r.audience],
  ];
  return (
    <Card component="li" withBorder padding="md" radius="md" aria-labelledby={headingId}>
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
        <Title order={3} size="h5" id={headingId}>
          {t('directory.mine.requestFrom', { name: r.requesterName, org: r.requesterOrg })}
        </Title>
        <Group gap={6}>
          <Badge color={SEMINAR_COLOR[r.status]} variant="light" tt="none">
            {t(`directory.seminarStatus.${r.status}`)}
          </Badge>
          <Text size="xs" c="dimmed">
            {formatDateTime(r.createdAt, lang)}
          </Text>
        </Group>
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing={4} mt="xs">
        {rows.map(([label, value]) => (
          <Text key={label} size="sm">
            <Text component="span" c="dimmed" size="sm">
              {label}：
            </Text>
            {value}
          </Text>
        ))}
      </SimpleGrid>
      <Text size="sm" mt="xs" style={{ whiteSpace: 'pre-wrap' }}>
        {r.message}
      </Text>
      <Group gap={6} mt={6}>
        <IconMail size={14} />
        <Anchor href={`mailto:${r.requesterEmail}`} size="sm">
          {r.requesterEmail}
        </Anchor>
      </Group>
      {r.status === 'new' ? (
        <form onSubmit={submit} noValidate>
          <Stack
            gap="sm"
            mt="md"
            p="sm"
            style={{ background: 'var(--mantine-color-gray-0)', borderRadius: 8 }}
          >
            <Radio.Group
              label={t('directory.mine.replyChoice')}
              value={status}
              onChange={(x) => setStatus(x as 'accepted' | 'declined')}
            >
              <Group gap="lg" mt={4}>
                <Radio value="accepted" label={t('directory.seminarStatus.accepted')} />
                <Radio value="declined" label={t('directory.seminarStatus.declined')} />
              </Group>
            </Radio.Group>
            <Textarea
              label={t('directory.mine.replyMessage')}
              description={t('directory.mine.replyHint')}
              value={reply}
              onChange={(e) => {
                setReply(e.currentTarget.value);
                setError(null);
              }}
              error={error ?? (send.error instanceof ApiError ? send.error.fields.reply : undefined)}
              required
              autosize
              minRows={3}
              maxLength={2000}
            />
            {send.isError && !(send.error instanceof ApiError && send.error.fields.reply) ? (
              <Alert color="red" role="alert" p="xs">
                {errorMessage(send.error)}
              </Alert>
            ) : null}
            <Group justify="flex-end">
              <Button type="submit" loading={send.isPending} leftSection={<IconMail size={16} />}>
                {t('directory.mine.sendReply')}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : r.reply ? (
        <Card withBorder padding="sm" mt="sm" bg="gray.0">
          <Text size="xs" c="dimmed" fw={700}>
            {t('directory.mine.yourReply')}
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {r.reply}
          </Text>
        </Card>
      ) : null}
    </Card>
  );
}

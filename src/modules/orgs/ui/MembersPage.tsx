import {
  ActionIcon,
  Badge,
  Box,
  Button,
  Card,
  CopyButton,
  Group,
  Modal,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ApiError, api, errorMessage } from '../../../../web/src/api.ts';
import { FormCard } from '../../../../web/src/components/FormCard.tsx';
import { ErrorAlert, PageHeader, PageLoader } from '../../../../web/src/components/Page.tsx';
import { formatDate } from '../../../../web/src/format.ts';
import { useLang } from '../../../../web/src/i18n.ts';
import { IconCopy, IconMail } from '../../../../web/src/icons.tsx';
import { canManage, ME_KEY, useMe } from '../../../../web/src/me.ts';
import { roleLabel, rolesFor } from '../../../../web/src/reference.ts';
import { isEmail } from '../../../../web/src/validation.ts';
import { type Invitation, type Member, membersKey, type Org, useMembers, useOrg } from './org-api.ts';

export function MembersPage() {
  const { orgId } = useParams();
  const { t } = useTranslation();
  const org = useOrg(orgId);
  const members = useMembers(orgId);
  if (org.isPending || members.isPending) return <PageLoader />;
  if (org.isError || members.isError)
    return (
      <>
        <PageHeader title={t('orgs.members.title')} />
        <ErrorAlert error={org.error ?? members.error} />
      </>
    );
  const manage = canManage(org.data.role);
  return (
    <>
      <PageHeader
        title={t('orgs.members.title')}
        description={t('orgs.members.lead', { name: org.data.name })}
      />
      <Stack gap="lg">
        {manage ? <InviteForm org={org.data} /> : null}
        <MembersTable org={org.data} members={members.data.members} manage={manage} />
        {manage ? <InvitationsTable org={org.data} invitations={members.data.invitations} /> : null}
      </Stack>
    </>
  );
}

function roleOptions(org: Org, lang: 'ja' | 'en') {
  return rolesFor(org.kind).map((r) => ({ value: r.code, label: r[lang] }));
}

function InviteForm({ org }: { org: Org }) {
  const { t } = useTranslation();
  const lang = useLang();
  const qc = useQueryClient();
  const defaultRole = org.kind === 'sme' ? 'employee' : 'analyst';
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<string | null>(defaultRole);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const invite = useMutation({
    mutationFn: (body: { email: string; role: string }) =>
      api<Invitation>(`/api/v1/orgs/${org.id}/invitations`, { method: 'POST', body }),
    onSuccess: async (inv) => {
      notifications.show({ color: 'teal', message: t('orgs.invite.sent', { email: inv.email }) });
      setEmail('');
      setFields({});
      await qc.invalidateQueries({ queryKey: membersKey(org.id) });
    },
    onError: (err) => {
      setFields(err instanceof ApiError ? err.fields : {});
      setError(errorMessage(err));
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const f: Record<string, string> = {};
    if (!isEmail(email)) f.email = t('auth.validation.email');
    if (!role) f.role = t('orgs.invite.roleRequired');
    setFields(f);
    if (Object.keys(f).length > 0 || !role) return;
    invite.mutate({ email: email.trim(), role });
  };
  return (
    <FormCard
      id="invite-title"
      title={t('orgs.invite.title')}
      lead={t('orgs.invite.lead')}
      onSubmit={submit}
      error={error}
      gap="sm"
      actions={
        <Button type="submit" loading={invite.isPending} leftSection={<IconMail size={16} />}>
          {t('orgs.invite.submit')}
        </Button>
      }
    >
      <Group align="flex-start" gap="sm" wrap="wrap">
        <TextInput
          label={t('orgs.invite.email')}
          type="email"
          value={email}
          onChange={(e) => setEmail(e.currentTarget.value)}
          error={fields.email}
          autoComplete="off"
          required
          style={{ flex: '2 1 240px' }}
        />
        <Select
          label={t('orgs.invite.role')}
          data={roleOptions(org, lang)}
          value={role}
          onChange={setRole}
          error={fields.role}
          allowDeselect={false}
          required
          style={{ flex: '1 1 180px' }}
        />
      </Group>
    </FormCard>
  );
}

function MembersTable({ org, members, manage }: { org: Org; members: Member[]; manage: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  const me = useMe();
  const qc = useQueryClient();
  const [removing, setRemoving] = useState<Member | null>(null);
  const changeRole = useMutation({
    mutationFn: ({ member, role }: { member: Member; role: string }) =>
      api<Member>(`/api/v1/orgs/${org.id}/members/${member.id}`, { method: 'PATCH', body: { role } }),
    onSuccess: async (m) => {
      notifications.show({
        color: 'teal',
        message: t('orgs.members.roleChanged', { name: m.name, role: roleLabel(m.role, lang) }),
      });
      await qc.invalidateQueries({ queryKey: membersKey(org.id) });
      await qc.invalidateQueries({ queryKey: ME_KEY });
    },
    onError: async (err) => {
      notifications.show({ color: 'red', message: errorMessage(err) });
      await qc.invalidateQueries({ queryKey: membersKey(org.id) });
    },
  });
  const remove = useMutation({
    mutationFn: (member: Member) => api(`/api/v1/orgs/${org.id}/members/${member.id}`, { method: 'DELETE' }),
    onSuccess: async (_r, member) => {
      notifications.show({ color: 'teal', message: t('orgs.members.removed', { name: member.name }) });
      setRemoving(null);
      await qc.invalidateQueries({ queryKey: membersKey(org.id) });
    },
    onError: (err) => notifications.show({ color: 'red', message: errorMessage(err) }),
  });
  const options = roleOptions(org, lang);
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="members-title">
      <Group justify="space-between" mb="md">
        <Title order={2} size="h4" id="members-title">
          {t('orgs.members.listTitle')}
        </Title>
        <Badge variant="light" color="gray">
          {t('orgs.members.count', { count: members.length })}
        </Badge>
      </Group>
      <Box visibleFrom="sm">
        <Table.ScrollContainer minWidth={640}>
          <Table verticalSpacing="sm" highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('orgs.members.name')}</Table.Th>
                <Table.Th>{t('orgs.members.email')}</Table.Th>
                <Table.Th>{t('orgs.members.role')}</Table.Th>
                <Table.Th>{t('orgs.members.joined')}</Table.Th>
                {manage ? <Table.Th>{t('common.actions')}</Table.Th> : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {members.map((m) => {
                const self = m.userId === me.data?.user.id;
                return (
                  <Table.Tr key={m.id}>
                    <Table.Td>
                      <Text fw={600} size="sm">
                        {m.name}
                        {self ? (
                          <Badge ml={6} size="xs" variant="light">
                            {t('orgs.members.you')}
                          </Badge>
                        ) : null}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{m.email}</Text>
                    </Table.Td>
                    <Table.Td>
                      {manage && !self ? (
                        <Select
                          aria-label={t('orgs.members.roleOf', { name: m.name })}
                          data={options}
                          value={m.role}
                          onChange={(role) =>
                            role && role !== m.role && changeRole.mutate({ member: m, role })
                          }
                          allowDeselect={false}
                          size="xs"
                          w={180}
                          disabled={changeRole.isPending}
                        />
                      ) : (
                        <Badge
                          variant="light"
                          color={m.role === 'owner' || m.role === 'manager' ? 'brand' : 'gray'}
                        >
                          {roleLabel(m.role, lang)}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{formatDate(m.joinedAt, lang)}</Text>
                    </Table.Td>
                    {manage ? (
                      <Table.Td>
                        {self ? null : (
                          <Button size="xs" variant="subtle" color="red" onClick={() => setRemoving(m)}>
                            {t('orgs.members.remove')}
                          </Button>
                        )}
                      </Table.Td>
                    ) : null}
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Box>
      <Stack gap="sm" hiddenFrom="sm">
        {members.map((m) => {
          const self = m.userId === me.data?.user.id;
          return (
            <Card key={m.id} withBorder padding="sm" radius="md">
              <Group justify="space-between" wrap="nowrap" align="flex-start">
                <Box style={{ minWidth: 0 }}>
                  <Text fw={600} size="sm">
                    {m.name}
                    {self ? (
                      <Badge ml={6} size="xs" variant="light">
                        {t('orgs.members.you')}
                      </Badge>
                    ) : null}
                  </Text>
                  <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                    {m.email}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {t('orgs.members.joinedOn', { date: formatDate(m.joinedAt, lang) })}
                  </Text>
                </Box>
                {manage && !self ? null : (
                  <Badge
                    variant="light"
                    color={m.role === 'owner' || m.role === 'manager' ? 'brand' : 'gray'}
                    style={{ flexShrink: 0 }}
                  >
                    {roleLabel(m.role, lang)}
                  </Badge>
                )}
              </Group>
              {manage && !self ? (
                <Group mt="sm" gap="sm" wrap="nowrap">
                  <Select
                    aria-label={t('orgs.members.roleOf', { name: m.name })}
                    data={options}
                    value={m.role}
                    onChange={(role) => role && role !== m.role && changeRole.mutate({ member: m, role })}
                    allowDeselect={false}
                    size="xs"
                    style={{ flex: 1 }}
                    disabled={changeRole.isPending}
                  />
                  <Button size="xs" variant="subtle" color="red" onClick={() => setRemoving(m)}>
                    {t('orgs.members.remove')}
                  </Button>
                </Group>
              ) : null}
            </Card>
          );
        })}
      </Stack>
      <Modal
        opened={removing !== null}
        onClose={() => setRemoving(null)}
        title={t('orgs.members.removeTitle')}
        centered
      >
        <Stack gap="md">
          <Text>{t('orgs.members.removeBody', { name: removing?.name ?? '', org: org.name })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setRemoving(null)}>
              {t('common.cancel')}
            </Button>
            <Button
              color="red"
              loading={remove.isPending}
              onClick={() => removing && remove.mutate(removing)}
            >
              {t('orgs.members.removeConfirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Card>
  );
}

function InvitationsTable({ org, invitations }: { org: Org; invitations: Invitation[] }) {
  const { t } = useTranslation();
  const lang = useLang();
  const qc = useQueryClient();
  const cancel = useMutation({
    mutationFn: (inv: Invitation) =>
      api(`/api/v1/orgs/${org.id}/invitations/${inv.id}`, { method: 'DELETE' }),
    onSuccess: async (_r, inv) => {
      notifications.show({ color: 'teal', message: t('orgs.invitations.cancelled', { email: inv.email }) });
      await qc.invalidateQueries({ queryKey: membersKey(org.id) });
    },
    onError: (err) => notifications.show({ color: 'red', message: errorMessage(err) }),
  });
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="invitations-title">
      <Title order={2} size="h4" id="invitations-title" mb="md">
        {t('orgs.invitations.title')}
      </Title>
      {invitations.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('orgs.invitations.empty')}
        </Text>
      ) : (
        <>
          <Box visibleFrom="sm">
            <Table.ScrollContainer minWidth={600}>
              <Table verticalSpacing="sm">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('orgs.members.email')}</Table.Th>
                    <Table.Th>{t('orgs.members.role')}</Table.Th>
                    <Table.Th>{t('orgs.invitations.expires')}</Table.Th>
                    <Table.Th>{t('common.actions')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {invitations.map((inv) => (
                    <Table.Tr key={inv.id}>
                      <Table.Td>
                        <Text size="sm">{inv.email}</Text>
                      </Table.Td>
                      <Table.Td>
                        <Badge variant="light" color="gray">
                          {roleLabel(inv.role, lang)}
                        </Badge>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{formatDate(inv.expiresAt, lang)}</Text>
                      </Table.Td>
                      <Table.Td>
                        <Group gap={4} wrap="nowrap">
                          <CopyButton value={`${window.location.origin}/invitations/${inv.id}`}>
                            {({ copied, copy }) => (
                              <Tooltip
                                label={copied ? t('common.copied') : t('orgs.invitations.copyLink')}
                                withArrow
                              >
                                <ActionIcon
                                  variant="subtle"
                                  onClick={copy}
                                  aria-label={t('orgs.invitations.copyLinkFor', { email: inv.email })}
                                >
                                  <IconCopy size={16} />
                                </ActionIcon>
                              </Tooltip>
                            )}
                          </CopyButton>
                          <Button
                            size="xs"
                            variant="subtle"
                            color="red"
                            loading={cancel.isPending && cancel.variables?.id === inv.id}
                            onClick={() => cancel.mutate(inv)}
                            aria-label={t('orgs.invitations.cancelFor', { email: inv.email })}
                          >
                            {t('orgs.invitations.cancel')}
                          </Button>
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Box>
          <Stack gap="sm" hiddenFrom="sm">
            {invitations.map((inv) => (
              <Card key={inv.id} withBorder padding="sm" radius="md">
                <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
                  {inv.email}
                </Text>
                <Text size="xs" c="dimmed">
                  {t('orgs.invitations.summary', {
                    role: roleLabel(inv.role, lang),
                    date: formatDate(inv.expiresAt, lang),
                  })}
                </Text>
                <Group mt="xs" gap="xs">
                  <CopyButton value={`${window.location.origin}/invitations/${inv.id}`}>
                    {({ copied, copy }) => (
                      <Button size="xs" variant="light" leftSection={<IconCopy size={14} />} onClick={copy}>
                        {copied ? t('common.copied') : t('orgs.invitations.copyLink')}
                      </Button>
                    )}
                  </CopyButton>
                  <Button
                    size="xs"
                    variant="subtle"
                    color="red"
                    loading={cancel.isPending && cancel.variables?.id === inv.id}
                    onClick={() => cancel.mutate(inv)}
                  >
                    {t('orgs.invitations.cancel')}
                  </Button>
                </Group>
              </Card>
            ))}
          </Stack>
        </>
      )}
    </Card>
  );
}

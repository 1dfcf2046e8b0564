import { Alert, Anchor, Badge, Box, Button, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Fragment, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { api, errorMessage } from '../../../../web/src/api.ts';
import { AuthCard } from '../../../../web/src/components/AuthCard.tsx';
import { PageLoader } from '../../../../web/src/components/Page.tsx';
import { formatDate } from '../../../../web/src/format.ts';
import { useLang } from '../../../../web/src/i18n.ts';
import { IconMail } from '../../../../web/src/icons.tsx';
import { ME_KEY, useMe } from '../../../../web/src/me.ts';
import { roleLabel } from '../../../../web/src/reference.ts';
import type { InvitationView } from './org-api.ts';

export function InvitationPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const me = useMe();
  const here = `/invitations/${id}`;

  if (me.isPending) return <PageLoader />;
  if (!me.data) {
    const q = `?redirect=${encodeURIComponent(here)}`;
    return (
      <AuthCard title={t('orgs.invitation.title')} icon={<IconMail size={26} />}>
        <Text>{t('orgs.invitation.signedOut')}</Text>
        <Stack gap="sm">
          <Button component={Link} to={`/sign-in${q}`} size="md">
            {t('orgs.invitation.signInToAccept')}
          </Button>
          <Button component={Link} to={`/sign-up${q}`} variant="default" size="md">
            {t('orgs.invitation.signUpToAccept')}
          </Button>
        </Stack>
        <Text size="sm" c="dimmed">
          {t('orgs.invitation.sameEmailHint')}
        </Text>
      </AuthCard>
    );
  }
  return <InvitationDetails id={id} />;
}

function InvitationDetails({ id }: { id: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const inv = useQuery({
    queryKey: ['invitations', id],
    queryFn: () => api<InvitationView>(`/api/v1/invitations/${id}`),
    retry: false,
  });
  const accept = useMutation({
    mutationFn: () => api<{ orgId: string }>(`/api/v1/invitations/${id}/accept`, { method: 'POST' }),
    onSuccess: async (res) => {
      try {
        await api(`/api/v1/orgs/${res.orgId}/activate`, { method: 'POST' });
      } catch {
        // joined; activation can be done with the switcher
      }
      await qc.invalidateQueries({ queryKey: ME_KEY });
      notifications.show({
        color: 'teal',
        message: t('orgs.invitation.joined', { name: inv.data?.orgName ?? '' }),
      });
      navigate('/dashboard');
    },
  });

  if (inv.isPending) return <PageLoader />;
  if (inv.isError) {
    return (
      <AuthCard title={t('orgs.invitation.title')} icon={<IconMail size={26} />}>
        <Alert color="yellow" role="alert">
          {errorMessage(inv.error)}
        </Alert>
        <Anchor component={Link} to="/dashboard" ta="center">
          {t('common.goToDashboard')}
        </Anchor>
      </AuthCard>
    );
  }
  const d = inv.data;
  const pending = d.status === 'pending';
  const rows: [string, ReactNode][] = [
    [
      t('orgs.invitation.org'),
      <>
        {d.orgName}{' '}
        <Badge size="sm" variant="light" ml={4}>
          {t(`orgs.kinds.${d.orgKind}`)}
        </Badge>
      </>,
    ],
    [t('orgs.invitation.role'), roleLabel(d.role, lang)],
    [t('orgs.invitation.inviter'), d.inviterName],
    [t('orgs.invitation.email'), d.email],
    [t('orgs.invitation.expires'), formatDate(d.expiresAt, lang)],
  ];
  return (
    <AuthCard
      title={t('orgs.invitation.titleWithOrg', { name: d.orgName })}
      icon={<IconMail size={26} />}
      width={520}
    >
      <Text>{t('orgs.invitation.body', { inviter: d.inviterName, name: d.orgName })}</Text>
      <Box
        component="dl"
        m={0}
        p="md"
        bg="gray.0"
        style={{
          display: 'grid',
          gridTemplateColumns: 'max-content 1fr',
          columnGap: 'var(--mantine-spacing-md)',
          rowGap: 'var(--mantine-spacing-xs)',
          borderRadius: 'var(--mantine-radius-md)',
        }}
      >
        {rows.map(([label, value]) => (
          <Fragment key={label}>
            <Text component="dt" size="sm" c="dimmed">
              {label}
            </Text>
            <Text component="dd" size="sm" fw={600} m={0} style={{ overflowWrap: 'anywhere' }}>
              {value}
            </Text>
          </Fragment>
        ))}
      </Box>
      {!pending ? (
        <Alert color="yellow" role="alert">
          {t(`orgs.invitation.status.${d.status}`, { defaultValue: t('orgs.invitation.status.other') })}
        </Alert>
      ) : null}
      {accept.isError ? (
        <Alert color="red" role="alert">
          {errorMessage(accept.error)}
        </Alert>
      ) : null}
      <Group justify="flex-end">
        <Button component={Link} to="/dashboard" variant="default">
          {t('orgs.invitation.later')}
        </Button>
        <Button onClick={() => accept.mutate()} loading={accept.isPending} disabled={!pending}>
          {t('orgs.invitation.accept')}
        </Button>
      </Group>
    </AuthCard>
  );
}

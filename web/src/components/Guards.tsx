import { Button, Center, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, Outlet, useLocation } from 'react-router';
import { useMe } from '../me.ts';
import { ErrorAlert, PageLoader, useDocumentTitle } from './Page.tsx';

/** Signed-in pages: signed-out visitors go to /sign-in?redirect=<here>. */
export function RequireUser() {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <PageLoader />;
  if (me.isError)
    return (
      <Center p="xl">
        <ErrorAlert error={me.error} />
      </Center>
    );
  if (!me.data) {
    const here = location.pathname + location.search;
    return <Navigate to={`/sign-in?redirect=${encodeURIComponent(here)}`} replace />;
  }
  return <Outlet />;
}

/** Operator pages (運営): other users see a plain "not allowed" page. */
export function RequireOperator() {
  const { t } = useTranslation();
  const me = useMe();
  useDocumentTitle(me.data?.user.isOperator ? null : t('common.forbidden.title'));
  if (!me.data?.user.isOperator) {
    return (
      <Center py={80}>
        <Stack align="center" gap="sm" maw={480}>
          <Title order={1} size="h2">
            {t('common.forbidden.title')}
          </Title>
          <Text c="dimmed" ta="center">
            {t('common.forbidden.body')}
          </Text>
          <Button component={Link} to="/dashboard" variant="light">
            {t('common.backToDashboard')}
          </Button>
        </Stack>
      </Center>
    );
  }
  return <Outlet />;
}

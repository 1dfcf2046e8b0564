import { Button, Center, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Outlet, ScrollRestoration, useRouteError } from 'react-router';

export function RootBoundary() {
  const { t } = useTranslation();
  return (
    <>
      <a className="skip-link" href="#main">
        {t('common.skipToContent')}
      </a>
      <Outlet />
      <ScrollRestoration />
    </>
  );
}

export function RouteError() {
  const { t } = useTranslation();
  const err = useRouteError();
  console.error(err);
  return (
    <Center mih="100vh" p="md">
      <Stack align="center" gap="sm" maw={480}>
        <Title order={1} size="h2">
          {t('common.crash.title')}
        </Title>
        <Text c="dimmed" ta="center">
          {t('common.crash.body')}
        </Text>
        <Button onClick={() => window.location.assign('/')}>{t('common.crash.reload')}</Button>
      </Stack>
    </Center>
  );
}

import { Alert, Box, Center, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { type ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../api.ts';
import { IconAlert } from '../icons.tsx';

/** Sets the browser tab title ("<page> | Mamori"). */
export function useDocumentTitle(title: string | null | undefined): void {
  const { t } = useTranslation();
  useEffect(() => {
    const app = t('common.appName');
    document.title = title ? `${title} | ${app}` : app;
  }, [title, t]);
}

export function PageHeader(props: {
  title: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
  docTitle?: string;
}) {
  useDocumentTitle(props.docTitle ?? (typeof props.title === 'string' ? props.title : null));
  return (
    <Group justify="space-between" align="flex-start" mb="lg" gap="md" wrap="wrap">
      <Box style={{ flex: '1 1 280px', minWidth: 0 }}>
        <Title order={1} size="h2">
          {props.title}
        </Title>
        {props.description ? (
          <Text c="dimmed" mt={4}>
            {props.description}
          </Text>
        ) : null}
      </Box>
      {props.actions ? <Group gap="sm">{props.actions}</Group> : null}
    </Group>
  );
}

export function PageLoader() {
  const { t } = useTranslation();
  return (
    <Center py={80}>
      <Stack align="center" gap="xs">
        <Loader aria-hidden="true" />
        <Text c="dimmed" size="sm" role="status">
          {t('common.loading')}
        </Text>
      </Stack>
    </Center>
  );
}

export function ErrorAlert({ error, title }: { error: unknown; title?: string }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <Alert
      color="red"
      variant="light"
      icon={<IconAlert />}
      title={title ?? t('common.errorTitle')}
      role="alert"
    >
      {typeof error === 'string' ? error : errorMessage(error)}
    </Alert>
  );
}

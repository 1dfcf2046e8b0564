import { Button, Center, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDocumentTitle } from '../components/Page.tsx';

export function NotFoundPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('common.notFound.title'));
  return (
    <Center py={100} px="md">
      <Stack align="center" gap="sm" maw={480}>
        <Text fw={800} fz={56} c="brand.2" lh={1}>
          404
        </Text>
        <Title order={1} size="h2" ta="center">
          {t('common.notFound.title')}
        </Title>
        <Text c="dimmed" ta="center">
          {t('common.notFound.body')}
        </Text>
        <Button component={Link} to="/" variant="light">
          {t('common.notFound.home')}
        </Button>
      </Stack>
    </Center>
  );
}

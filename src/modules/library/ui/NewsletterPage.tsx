import { Alert, Button, Card, Group, List, Skeleton, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { errorMessage } from '../../../../web/src/api.ts';
import { ErrorAlert, PageHeader } from '../../../../web/src/components/Page.tsx';
import { IconCheck, IconMail } from '../../../../web/src/icons.tsx';
import { useMe } from '../../../../web/src/me.ts';
import { useNewsletter, useSetNewsletter } from './library-api.ts';

/** /orgs/:orgId/newsletter — a member subscribes to (or stops) the weekly digest e-mail. */
export function NewsletterPage() {
  const { t } = useTranslation();
  const { orgId = '' } = useParams();
  const me = useMe();
  const org = me.data?.orgs.find((o) => o.id === orgId);
  const status = useNewsletter(orgId);
  const set = useSetNewsletter(orgId);
  const toggle = (on: boolean) =>
    set.mutate(on, {
      onSuccess: () =>
        notifications.show({
          color: 'teal',
          message: t(on ? 'library.newsletter.subscribed' : 'library.newsletter.unsubscribed'),
        }),
      onError: (err) => notifications.show({ color: 'red', message: errorMessage(err) }),
    });

  return (
    <Stack gap="lg" maw={760}>
      <PageHeader title={t('library.newsletter.title')} description={t('library.newsletter.lead')} />
      {status.isPending ? (
        <Skeleton h={180} radius="md" />
      ) : status.isError ? (
        <ErrorAlert error={status.error} />
      ) : (
        <Card withBorder padding="lg" radius="md">
          <Stack gap="md">
            <Group gap="sm" wrap="nowrap" align="flex-start">
              {status.data.subscribed ? (
                <IconCheck size={28} color="var(--mantine-color-teal-7)" />
              ) : (
                <IconMail size={28} color="var(--mantine-color-gray-6)" />
              )}
              <div>
                <Text fw={700} role="status">
                  {status.data.subscribed
                    ? t('library.newsletter.statusOn', { org: org?.name ?? '' })
                    : t('library.newsletter.statusOff')}
                </Text>
                {me.data ? (
                  <Text size="sm" c="dimmed">
                    {t('library.newsletter.to', { email: me.data.user.email })}
                  </Text>
                ) : null}
              </div>
            </Group>
            {status.data.elsewhere ? (
              <Alert color="yellow" variant="light">
                {t('library.newsletter.elsewhere')}
              </Alert>
            ) : null}
            <Group>
              {status.data.subscribed ? (
                <Button variant="default" color="red" onClick={() => toggle(false)} loading={set.isPending}>
                  {t('library.newsletter.unsubscribe')}
                </Button>
              ) : (
                <Button
                  onClick={() => toggle(true)}
                  loading={set.isPending}
                  leftSection={<IconMail size={18} />}
                >
                  {t('library.newsletter.subscribe')}
                </Button>
              )}
            </Group>
          </Stack>
        </Card>
      )}
      <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="newsletter-what">
        <Title order={2} size="h4" id="newsletter-what" mb="sm">
          {t('library.newsletter.whatTitle')}
        </Title>
        <List spacing={6} size="sm">
          <List.Item>{t('library.newsletter.what1')}</List.Item>
          <List.Item>{t('library.newsletter.what2')}</List.Item>
          <List.Item>{t('library.newsletter.what3')}</List.Item>
        </List>
        <Text size="sm" c="dimmed" mt="sm">
          {t('library.newsletter.language')}
        </Text>
      </Card>
    </Stack>
  );
}

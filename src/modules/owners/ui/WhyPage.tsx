import {
  Badge,
  Box,
  Button,
  Card,
  Container,
  Group,
  SimpleGrid,
  Stack,
  Text,
  ThemeIcon,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert, PageLoader, useDocumentTitle } from '../../../../web/src/components/Page.tsx';
import { IconAlert, IconBriefcase, IconClock } from '../../../../web/src/icons.tsx';
import { activeOrg, useMe } from '../../../../web/src/me.ts';
import { useWhy } from './owners-api.ts';

/** /owners/why — why an SME needs security and the 3 pitfalls: a page an owner reads in 3 minutes. */
export function WhyPage() {
  const { t } = useTranslation();
  const why = useWhy();
  const me = useMe();
  const org = activeOrg(me.data);
  useDocumentTitle(why.data?.title ?? null);
  if (why.isPending) return <PageLoader />;
  if (why.isError)
    return (
      <Container size="md" py="xl">
        <ErrorAlert error={why.error} />
      </Container>
    );
  const w = why.data;
  const cornerPath = org ? `/orgs/${org.id}/owners` : null;
  const actionLink = (no: number) => (cornerPath ? `${cornerPath}#action-${no}` : null);

  return (
    <>
      <Box className="hero" py={{ base: 32, sm: 52 }}>
        <Container size="md">
          <Stack gap="md">
            <Group gap="sm">
              <ThemeIcon size={40} radius="xl" variant="white" color="brand" aria-hidden>
                <IconBriefcase size={22} />
              </ThemeIcon>
              <Text fw={700} c="brand.1">
                {t('owners.why.kicker')}
              </Text>
            </Group>
            <Title order={1} fz={{ base: 26, sm: 36 }} lh={1.35}>
              {w.title}
            </Title>
            <Text fz={{ base: 'md', sm: 'lg' }}>{w.lead}</Text>
            <Group gap={6}>
              <IconClock size={18} aria-hidden />
              <Text size="sm" fw={600}>
                {t('owners.why.minutes', { minutes: w.minutes })}
              </Text>
            </Group>
          </Stack>
        </Container>
      </Box>

      <Container size="md" py={{ base: 28, sm: 44 }}>
        <Stack gap={40}>
          <Box component="section" aria-labelledby="why-reasons">
            <Title order={2} size="h3" id="why-reasons" mb="md">
              {w.reasons.title}
            </Title>
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
              {w.reasons.items.map((r, i) => (
                <Card key={r.title} withBorder padding="md" radius="md">
                  <Text size="xs" fw={700} c="brand.7">
                    {t('owners.why.reasonNo', { no: i + 1 })}
                  </Text>
                  <Text fw={700} mt={2} mb={6}>
                    {r.title}
                  </Text>
                  <Text size="sm">{r.body}</Text>
                </Card>
              ))}
            </SimpleGrid>
          </Box>

          <Box component="section" aria-labelledby="why-pitfalls">
            <Title order={2} size="h3" id="why-pitfalls" mb="md">
              {w.pitfalls.title}
            </Title>
            <Stack gap="md">
              {w.pitfalls.items.map((p, i) => (
                <Card key={p.title} withBorder padding="lg" radius="md">
                  <Group gap="sm" wrap="nowrap" align="flex-start">
                    <ThemeIcon size={34} radius="xl" variant="light" color="orange" aria-hidden>
                      <IconAlert size={18} />
                    </ThemeIcon>
                    <Box style={{ minWidth: 0 }}>
                      <Text size="xs" fw={700} c="orange.8">
                        {t('owners.why.pitfallNo', { no: i + 1 })}
                      </Text>
                      <Title order={3} size="h4" mb={6}>
                        {p.title}
                      </Title>
                      <Text size="sm">{p.body}</Text>
                      <Box mt="sm" p="sm" bg="teal.0" style={{ borderRadius: 'var(--mantine-radius-sm)' }}>
                        <Text size="sm">
                          <Text span fw={700} c="teal.9">
                            {t('owners.why.fix')}:{' '}
                          </Text>
                          {p.fix}
                        </Text>
                        <Group gap={6} mt={6}>
                          <Text size="xs" c="dimmed">
                            {t('owners.why.related')}
                          </Text>
                          {p.actions.map((a) => {
                            const to = actionLink(a.no);
                            const label = `${a.no}. ${a.title}`;
                            return to ? (
                              <Badge
                                key={a.no}
                                component={Link}
                                to={to}
                                tt="none"
                                variant="white"
                                color="teal"
                                style={{ cursor: 'pointer' }}
                              >
                                {label}
                              </Badge>
                            ) : (
                              <Badge key={a.no} tt="none" variant="white" color="teal">
                                {label}
                              </Badge>
                            );
                          })}
                        </Group>
                      </Box>
                    </Box>
                  </Group>
                </Card>
              ))}
            </Stack>
          </Box>

          <Box component="section" aria-labelledby="why-principles">
            <Title order={2} size="h3" id="why-principles" mb="md">
              {t('owners.why.principlesTitle')}
            </Title>
            <Stack gap="sm">
              {w.principles.map((p) => (
                <Group key={p.no} gap="sm" wrap="nowrap" align="flex-start">
                  <ThemeIcon size={30} radius="xl" color="brand" aria-hidden>
                    <Text fw={800} size="sm">
                      {p.no}
                    </Text>
                  </ThemeIcon>
                  <Box>
                    <Text fw={700}>{p.title}</Text>
                    <Text size="sm" c="dimmed">
                      {p.body}
                    </Text>
                  </Box>
                </Group>
              ))}
            </Stack>
          </Box>

          <Card padding="lg" radius="md" bg="brand.0">
            <Text fw={600} mb="md">
              {w.closing}
            </Text>
            <Group gap="sm">
              {cornerPath ? (
                <Button component={Link} to={cornerPath} size="md">
                  {t('owners.why.openCorner')}
                </Button>
              ) : (
                <Button component={Link} to="/sign-up" size="md">
                  {t('owners.why.signUp')}
                </Button>
              )}
              <Button component={Link} to="/diagnosis" size="md" variant="default">
                {t('owners.why.tryDiagnosis')}
              </Button>
            </Group>
          </Card>
        </Stack>
      </Container>
    </>
  );
}

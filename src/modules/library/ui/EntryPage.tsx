import {
  Alert,
  Anchor,
  Box,
  Button,
  Card,
  Container,
  Grid,
  Group,
  Stack,
  Text,
  Title,
  Typography,
  VisuallyHidden,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../../../web/src/api.ts';
import { ErrorAlert, PageLoader, useDocumentTitle } from '../../../../web/src/components/Page.tsx';
import { IconArrowRight, IconGlobe } from '../../../../web/src/icons.tsx';
import { useEntry } from './library-api.ts';
import { AudienceBadges, CategoryBadge } from './parts.tsx';

/** /library/:id — one short page with its official sources. */
export function EntryPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const entry = useEntry(id);
  useDocumentTitle(entry.data?.title ?? t('library.home.docTitle'));

  if (entry.isPending) return <PageLoader />;
  if (entry.isError || !entry.data) {
    const missing = entry.error instanceof ApiError && entry.error.status === 404;
    return (
      <Container size="md" py="xl">
        {missing ? (
          <Alert color="gray" title={t('library.entry.notFound')}>
            <Anchor component={Link} to="/library">
              {t('library.entry.back')}
            </Anchor>
          </Alert>
        ) : (
          <ErrorAlert error={entry.error} />
        )}
      </Container>
    );
  }
  const e = entry.data;
  return (
    <Container size="lg" py={{ base: 'lg', sm: 'xl' }}>
      <Anchor component={Link} to="/library" size="sm">
        ← {t('library.entry.back')}
      </Anchor>
      <Grid gap="xl" mt="md">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Box component="article" aria-labelledby="entry-title">
            <Group gap={6} mb="sm">
              <CategoryBadge category={e.category} />
              <AudienceBadges audiences={e.audiences} />
            </Group>
            <Title order={1} id="entry-title" fz={{ base: 24, sm: 30 }} lh={1.35}>
              {e.title}
            </Title>
            <Text size="lg" mt="md" className="library-summary">
              {e.summary}
            </Text>
            <Typography mt="lg" className="library-body">
              {/* biome-ignore lint/security/noDangerouslySetInnerHtml: server-rendered Markdown, raw HTML disabled */}
              <div dangerouslySetInnerHTML={{ __html: e.bodyHtml }} />
            </Typography>
          </Box>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="lg" className="library-aside">
            <Card withBorder padding="lg" component="section" aria-labelledby="entry-sources">
              <Title order={2} size="h4" id="entry-sources" mb={6}>
                {t('library.entry.sources')}
              </Title>
              <Text size="xs" c="dimmed" mb="sm">
                {t('library.entry.sourcesLead')}
              </Text>
              <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
                {e.links.map((l) => (
                  <li key={l.url}>
                    <Anchor
                      href={l.url}
                      target="_blank"
                      rel="noopener noreferrer"
                      fw={600}
                      size="sm"
                      className="library-source"
                    >
                      <IconGlobe size={16} style={{ flexShrink: 0, marginTop: 3 }} />
                      <span>
                        {l.label}
                        <VisuallyHidden> ({t('library.entry.external')})</VisuallyHidden>
                      </span>
                    </Anchor>
                  </li>
                ))}
              </Stack>
            </Card>
            {e.related.length ? (
              <Box component="section" aria-labelledby="entry-related">
                <Title order={2} size="h5" id="entry-related" mb="xs">
                  {t('library.entry.related')}
                </Title>
                <Stack gap="xs">
                  {e.related.map((r) => (
                    <Button
                      key={r.id}
                      component={Link}
                      to={`/library/${r.id}`}
                      variant="default"
                      justify="space-between"
                      rightSection={<IconArrowRight size={14} />}
                      h="auto"
                      py={8}
                      styles={{ label: { whiteSpace: 'normal', textAlign: 'left' } }}
                    >
                      {r.title}
                    </Button>
                  ))}
                </Stack>
              </Box>
            ) : null}
          </Stack>
        </Grid.Col>
      </Grid>
    </Container>
  );
}

import { Box, Container, Grid, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** The coloured banner at the top of a public page: kicker, h1, lead and an optional panel beside them. */
export function PublicHero({
  kicker,
  title,
  lead,
  leadWidth,
  aside,
  span = 7,
  uppercaseKicker = false,
}: {
  kicker: ReactNode;
  title: ReactNode;
  lead: ReactNode;
  /** Max width of the lead paragraph, in px. */
  leadWidth: number;
  /** Shown to the right of the text on wide screens. */
  aside?: ReactNode;
  /** Columns (of 12) the text takes on wide screens when there is an aside. */
  span?: number;
  uppercaseKicker?: boolean;
}) {
  const text = (
    <>
      <Text size="sm" fw={700} c="teal.1" tt={uppercaseKicker ? 'uppercase' : undefined} mb={4}>
        {kicker}
      </Text>
      <Title order={1} c="white" fz={{ base: 26, sm: 34 }}>
        {title}
      </Title>
      <Text c="brand.0" mt="sm" maw={leadWidth}>
        {lead}
      </Text>
    </>
  );
  return (
    <Box className="hero" py={{ base: 32, sm: 48 }}>
      <Container size="lg">
        {aside ? (
          <Grid gap="xl" align="center">
            <Grid.Col span={{ base: 12, md: span }}>{text}</Grid.Col>
            <Grid.Col span={{ base: 12, md: 12 - span }}>{aside}</Grid.Col>
          </Grid>
        ) : (
          text
        )}
      </Container>
    </Box>
  );
}

import { Box, Container, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useDocumentTitle } from './Page.tsx';

/** The centred card used by sign-in, sign-up and the other account pages. */
export function AuthCard(props: {
  title: string;
  description?: ReactNode;
  icon?: ReactNode;
  children: ReactNode;
  width?: number;
}) {
  useDocumentTitle(props.title);
  return (
    <Box className="auth-bg" py={{ base: 32, sm: 64 }}>
      <Container size={props.width ?? 460} px="md">
        <Paper withBorder shadow="sm" p={{ base: 'lg', sm: 'xl' }}>
          <Stack gap="lg">
            <Stack gap={6}>
              {props.icon ? (
                <ThemeIcon size={48} radius="xl" variant="light" color="brand">
                  {props.icon}
                </ThemeIcon>
              ) : null}
              <Title order={1} size="h2">
                {props.title}
              </Title>
              {props.description ? <Text c="dimmed">{props.description}</Text> : null}
            </Stack>
            {props.children}
          </Stack>
        </Paper>
      </Container>
    </Box>
  );
}

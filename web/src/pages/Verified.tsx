import { Alert, Anchor, Button, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { authClient, authErrorMessage, safeRedirect } from '../auth-client.ts';
import { AuthCard } from '../components/AuthCard.tsx';
import { IconAlert, IconCheck } from '../icons.tsx';
import { useMe } from '../me.ts';
import { isEmail } from '../validation.ts';

export function VerifiedPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const error = params.get('error');
  const redirect = params.get('redirect');
  const me = useMe();

  if (error) return <VerificationFailed code={error} redirect={redirect} />;

  const next = safeRedirect(redirect);
  return (
    <AuthCard title={t('auth.verified.title')} icon={<IconCheck size={26} />}>
      <Text>{me.data ? t('auth.verified.bodySignedIn') : t('auth.verified.body')}</Text>
      {me.data ? (
        <Button component={Link} to={next} size="md">
          {next === '/dashboard' ? t('common.goToDashboard') : t('auth.verified.continue')}
        </Button>
      ) : (
        <Button
          component={Link}
          to={redirect ? `/sign-in?redirect=${encodeURIComponent(next)}` : '/sign-in'}
          size="md"
        >
          {t('common.signIn')}
        </Button>
      )}
    </AuthCard>
  );
}

function VerificationFailed({ code, redirect }: { code: string; redirect: string | null }) {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [state, setState] = useState<'idle' | 'busy' | 'sent'>('idle');
  const expired = code.toUpperCase() === 'TOKEN_EXPIRED';

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    if (!isEmail(email)) {
      setFieldError(t('auth.validation.email'));
      return;
    }
    setFieldError(null);
    setState('busy');
    const callbackURL = redirect
      ? `/auth/verified?redirect=${encodeURIComponent(safeRedirect(redirect))}`
      : '/auth/verified';
    const res = await authClient.sendVerificationEmail({ email: email.trim(), callbackURL });
    if (res.error) {
      setError(authErrorMessage(res.error));
      setState('idle');
    } else setState('sent');
  };

  return (
    <AuthCard title={t('auth.verified.failedTitle')} icon={<IconAlert size={26} />}>
      <Alert color="yellow" role="alert">
        {expired ? t('auth.verified.expired') : t('auth.verified.invalid')}
      </Alert>
      {state === 'sent' ? (
        <Alert color="teal" role="status">
          {t('auth.checkMail.resent')}
        </Alert>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <Text size="sm">{t('auth.verified.resendLead')}</Text>
            {error ? (
              <Alert color="red" role="alert">
                {error}
              </Alert>
            ) : null}
            <TextInput
              label={t('auth.fields.email')}
              type="email"
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              error={fieldError}
              autoComplete="email"
              required
            />
            <Button type="submit" loading={state === 'busy'}>
              {t('auth.checkMail.resend')}
            </Button>
          </Stack>
        </form>
      )}
      <Anchor component={Link} to="/sign-in" size="sm" ta="center">
        {t('auth.backToSignIn')}
      </Anchor>
    </AuthCard>
  );
}

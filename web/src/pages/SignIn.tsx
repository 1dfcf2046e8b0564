import { Alert, Anchor, Button, Group, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { authClient, authErrorMessage, safeRedirect } from '../auth-client.ts';
import { AuthCard } from '../components/AuthCard.tsx';
import { isLang, setLang, storedLang } from '../i18n.ts';
import { ME_KEY, type Me, refreshSession, useMe } from '../me.ts';
import { isEmail } from '../validation.ts';

/** After a completed sign-in: reload the session, adopt the account's language if this browser has none, go on. */
export async function finishSignIn(
  qc: ReturnType<typeof useQueryClient>,
  go: (to: string) => void,
  redirect: string | null,
) {
  await refreshSession(qc);
  const me = qc.getQueryData<Me | null>(ME_KEY);
  if (me && !storedLang() && isLang(me.user.locale)) await setLang(me.user.locale);
  go(safeRedirect(redirect));
}

export function SignInPage() {
  const { t } = useTranslation();
  const me = useMe();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const redirect = params.get('redirect');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [fields, setFields] = useState<{ email?: string; password?: string }>({});
  const [error, setError] = useState<string | null>(null);
  const [unverified, setUnverified] = useState(false);
  const [resend, setResend] = useState<'idle' | 'busy' | 'sent'>('idle');
  const [busy, setBusy] = useState(false);

  if (me.data && !busy) return <Navigate to={safeRedirect(redirect)} replace />;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const f: typeof fields = {};
    if (!isEmail(email)) f.email = t('auth.validation.email');
    if (!password) f.password = t('auth.validation.passwordRequired');
    setFields(f);
    setError(null);
    setUnverified(false);
    if (Object.keys(f).length > 0) return;
    setBusy(true);
    const res = await authClient.signIn.email({ email: email.trim(), password });
    if (res.error) {
      setBusy(false);
      if (res.error.status === 403 || res.error.code === 'EMAIL_NOT_VERIFIED') {
        setUnverified(true);
        setResend('idle');
      } else setError(authErrorMessage(res.error));
      return;
    }
    if (res.data && 'twoFactorRedirect' in res.data && res.data.twoFactorRedirect) {
      // the two-factor plugin has already moved to /sign-in/two-factor (keeping ?redirect=)
      setBusy(false);
      return;
    }
    await finishSignIn(qc, (to) => navigate(to, { replace: true }), redirect);
  };

  const resendMail = async () => {
    setResend('busy');
    const callbackURL = redirect
      ? `/auth/verified?redirect=${encodeURIComponent(safeRedirect(redirect))}`
      : '/auth/verified';
    const res = await authClient.sendVerificationEmail({ email: email.trim(), callbackURL });
    if (res.error) {
      setError(authErrorMessage(res.error));
      setResend('idle');
    } else setResend('sent');
  };

  const signUpHref = redirect ? `/sign-up?redirect=${encodeURIComponent(redirect)}` : '/sign-up';

  return (
    <AuthCard title={t('auth.signIn.title')} description={t('auth.signIn.lead')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {error ? (
            <Alert color="red" role="alert">
              {error}
            </Alert>
          ) : null}
          {unverified ? (
            <Alert color="yellow" role="alert" title={t('auth.signIn.unverifiedTitle')}>
              <Stack gap="xs">
                <Text size="sm">{t('auth.signIn.unverifiedBody')}</Text>
                {resend === 'sent' ? (
                  <Text size="sm" fw={600} role="status">
                    {t('auth.checkMail.resent')}
                  </Text>
                ) : (
                  <Button
                    size="xs"
                    variant="white"
                    color="dark"
                    w="fit-content"
                    onClick={() => void resendMail()}
                    loading={resend === 'busy'}
                  >
                    {t('auth.checkMail.resend')}
                  </Button>
                )}
              </Stack>
            </Alert>
          ) : null}
          <TextInput
            label={t('auth.fields.email')}
            type="email"
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            error={fields.email}
            autoComplete="email"
            required
          />
          <PasswordInput
            label={t('auth.fields.password')}
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={fields.password}
            autoComplete="current-password"
            required
          />
          <Group justify="flex-end">
            <Anchor component={Link} to="/forgot-password" size="sm">
              {t('auth.signIn.forgot')}
            </Anchor>
          </Group>
          <Button type="submit" loading={busy} fullWidth size="md">
            {t('auth.signIn.submit')}
          </Button>
          <Text size="sm" ta="center">
            {t('auth.signIn.noAccount')}{' '}
            <Anchor component={Link} to={signUpHref}>
              {t('common.signUpFree')}
            </Anchor>
          </Text>
        </Stack>
      </form>
    </AuthCard>
  );
}

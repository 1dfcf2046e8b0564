import { Alert, Anchor, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useSearchParams } from 'react-router';
import { authClient, authErrorMessage, safeRedirect } from '../auth-client.ts';
import { AuthCard } from '../components/AuthCard.tsx';
import { currentLang } from '../i18n.ts';
import { IconMail } from '../icons.tsx';
import { useMe } from '../me.ts';
import { isEmail, MIN_PASSWORD } from '../validation.ts';

type Fields = Partial<Record<'name' | 'email' | 'password', string>>;

export function SignUpPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [params] = useSearchParams();
  const redirect = params.get('redirect');
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [fields, setFields] = useState<Fields>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [sentTo, setSentTo] = useState<string | null>(null);

  if (me.data && !sentTo) return <Navigate to={safeRedirect(redirect)} replace />;
  if (sentTo) return <CheckYourMail email={sentTo} redirect={redirect} />;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const f: Fields = {};
    if (!name.trim()) f.name = t('auth.validation.nameRequired');
    if (!isEmail(email)) f.email = t('auth.validation.email');
    if (password.length < MIN_PASSWORD)
      f.password = t('auth.validation.passwordLength', { min: MIN_PASSWORD });
    setFields(f);
    setError(null);
    if (Object.keys(f).length > 0) return;
    setBusy(true);
    const callbackURL = redirect
      ? `/auth/verified?redirect=${encodeURIComponent(safeRedirect(redirect))}`
      : '/auth/verified';
    const res = await authClient.signUp.email({
      name: name.trim(),
      email: email.trim(),
      password,
      locale: currentLang(),
      callbackURL,
    });
    setBusy(false);
    if (res.error) {
      const code = res.error.code;
      if (code === 'USER_ALREADY_EXISTS' || code === 'USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL')
        setFields({ email: authErrorMessage(res.error) });
      else if (code === 'PASSWORD_TOO_SHORT' || code === 'PASSWORD_TOO_LONG')
        setFields({ password: authErrorMessage(res.error) });
      else if (code === 'INVALID_EMAIL') setFields({ email: authErrorMessage(res.error) });
      else setError(authErrorMessage(res.error));
      return;
    }
    setSentTo(email.trim());
  };

  return (
    <AuthCard title={t('auth.signUp.title')} description={t('auth.signUp.lead')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {error ? (
            <Alert color="red" role="alert">
              {error}
            </Alert>
          ) : null}
          <TextInput
            label={t('auth.fields.name')}
            description={t('auth.signUp.nameHint')}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={fields.name}
            autoComplete="name"
            required
          />
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
            description={t('auth.passwordHint', { min: MIN_PASSWORD })}
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={fields.password}
            autoComplete="new-password"
            required
          />
          <Button type="submit" loading={busy} fullWidth size="md">
            {t('auth.signUp.submit')}
          </Button>
          <Text size="sm" ta="center">
            {t('auth.signUp.haveAccount')}{' '}
            <Anchor
              component={Link}
              to={redirect ? `/sign-in?redirect=${encodeURIComponent(redirect)}` : '/sign-in'}
            >
              {t('common.signIn')}
            </Anchor>
          </Text>
        </Stack>
      </form>
    </AuthCard>
  );
}

function CheckYourMail({ email, redirect }: { email: string; redirect: string | null }) {
  const { t } = useTranslation();
  const [state, setState] = useState<'idle' | 'busy' | 'sent'>('idle');
  const [error, setError] = useState<string | null>(null);
  const resend = async () => {
    setState('busy');
    setError(null);
    const callbackURL = redirect
      ? `/auth/verified?redirect=${encodeURIComponent(safeRedirect(redirect))}`
      : '/auth/verified';
    const res = await authClient.sendVerificationEmail({ email, callbackURL });
    if (res.error) {
      setError(authErrorMessage(res.error));
      setState('idle');
    } else setState('sent');
  };
  return (
    <AuthCard title={t('auth.checkMail.title')} icon={<IconMail size={26} />}>
      <Text>{t('auth.checkMail.body', { email })}</Text>
      <Text size="sm" c="dimmed">
        {t('auth.checkMail.hint')}
      </Text>
      {error ? (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      ) : null}
      {state === 'sent' ? (
        <Alert color="teal" role="status">
          {t('auth.checkMail.resent')}
        </Alert>
      ) : null}
      <Button variant="light" onClick={() => void resend()} loading={state === 'busy'}>
        {t('auth.checkMail.resend')}
      </Button>
      <Anchor component={Link} to="/sign-in" ta="center" size="sm">
        {t('auth.backToSignIn')}
      </Anchor>
    </AuthCard>
  );
}

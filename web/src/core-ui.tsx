import { IconHome, IconUser } from './icons.tsx';
import type { ModuleUi } from './module-ui.ts';
import { AccountPage } from './pages/Account.tsx';
import { DashboardPage } from './pages/Dashboard.tsx';
import { ForgotPasswordPage } from './pages/ForgotPassword.tsx';
import { HomePage } from './pages/Home.tsx';
import { ResetPasswordPage } from './pages/ResetPassword.tsx';
import { SignInPage } from './pages/SignIn.tsx';
import { SignUpPage } from './pages/SignUp.tsx';
import { TwoFactorPage } from './pages/TwoFactor.tsx';
import { VerifiedPage } from './pages/Verified.tsx';

/** The shell's own pages: top page, accounts, dashboard. */
export const coreUi: ModuleUi = {
  id: 'core',
  routes: [
    { path: '/', element: <HomePage />, auth: 'public' },
    { path: '/sign-up', element: <SignUpPage />, auth: 'public' },
    { path: '/sign-in', element: <SignInPage />, auth: 'public' },
    { path: '/sign-in/two-factor', element: <TwoFactorPage />, auth: 'public' },
    { path: '/auth/verified', element: <VerifiedPage />, auth: 'public' },
    { path: '/forgot-password', element: <ForgotPasswordPage />, auth: 'public' },
    { path: '/reset-password', element: <ResetPasswordPage />, auth: 'public' },
    { path: '/dashboard', element: <DashboardPage />, auth: 'user' },
    { path: '/account', element: <AccountPage />, auth: 'user' },
  ],
  nav: [
    { to: '/dashboard', labelKey: 'common.nav.dashboard', icon: IconHome, section: 'main', order: 0 },
    { to: '/account', labelKey: 'common.nav.account', icon: IconUser, section: 'main', order: 90 },
  ],
};

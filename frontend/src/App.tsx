import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { match, navigate, useLocation } from './router';
import { onAnnounce, useAppState } from './store';
import { homeFor } from './session';
import { applyUpdate } from './sync/sw-register';
import { Logo } from './ui/Icons';
import { Loading } from './ui/Page';
import { SyncBanner } from './ui/SyncBanner';
import { Takeover } from './ui/Takeover';
import { EpisodeBanner } from './ui/EpisodeBanner';
import { SettingsChangeNotice } from './ui/SettingsChangeNotice';
import { lazyPage } from './ui/Lazy';
import { SignInPage } from './pages/SignIn';
import { RegisterPage } from './pages/Register';
import { LogPage } from './log/LogPage';
import type { Role } from './api/types';

// Everything not needed for sign-in and today's log is split into its own chunk.
const HistoryPage = lazyPage(() => import('./pages/History'));
const SharingPage = lazyPage(() => import('./pages/Sharing'));
const SettingsPage = lazyPage(() => import('./pages/Settings'));
const ClinicianListPage = lazyPage(() => import('./pages/ClinicianList'));
const ClinicianPatientPage = lazyPage<{ id: string }>(() => import('./pages/ClinicianPatient'));
const CoachPage = lazyPage(() => import('./pages/Coach'));
const WelcomePage = lazyPage(() => import('./pages/Welcome'));
// Outcomes, goals and education (issue 15)
const ProgressPage = lazyPage(() => import('./outcomes/ProgressPage'));
const CheckInPage = lazyPage(() => import('./outcomes/CheckInPage'));
const GoalsPage = lazyPage(() => import('./outcomes/GoalsPage'));
const PhasePage = lazyPage(() => import('./outcomes/PhasePage'));
const LearnPage = lazyPage(() => import('./outcomes/LearnPage'));
const SelfTestsPage = lazyPage(() => import('./outcomes/SelfTestsPage'));
const VisitSummaryPage = lazyPage<{ id: string }>(() => import('./outcomes/VisitSummaryPage'));
const IntakePage = lazyPage(() => import('./intake/IntakePage'));
const MaintenancePage = lazyPage(() => import('./intake/MaintenancePage'));
const ForgotPasswordPage = lazyPage(() => import('./pages/ForgotPassword'));
const ResetPasswordPage = lazyPage<{ token: string | null }>(() => import('./pages/ResetPassword'));

const NAV: Record<Role, { href: string; label: string }[]> = {
  patient: [
    { href: '/', label: 'Today' },
    { href: '/history', label: 'History' },
    { href: '/progress', label: 'Progress' },
    { href: '/sharing', label: 'Sharing' },
    { href: '/settings', label: 'Settings' },
  ],
  clinician: [
    { href: '/clinician', label: 'Patients' },
    { href: '/settings', label: 'Settings' },
  ],
  coach: [
    { href: '/coach', label: 'Athletes' },
    { href: '/settings', label: 'Settings' },
  ],
};

/** The skip link lands on the log form's first question (not the date strip above it); on other
 * pages it lands on the main region. */
function skipToContent(e: MouseEvent) {
  const first = document.querySelector<HTMLElement>('#main form :is(input:not([type=hidden]), select, textarea)');
  const onLog = location.pathname === '/' || location.pathname.startsWith('/log/');
  if (onLog && first) {
    e.preventDefault();
    first.focus();
  }
}

function isActive(href: string, path: string): boolean {
  if (href === '/') return path === '/' || path.startsWith('/log/');
  if (href === '/progress') return ['/progress', '/check-in', '/checkin', '/goals', '/phase', '/learn', '/me/tests'].includes(path);
  return path === href || path.startsWith(`${href}/`);
}

function Announcer() {
  const [msg, setMsg] = useState('');
  useEffect(
    () =>
      onAnnounce((m) => {
        // re-set so that repeating the same message is announced again
        setMsg('');
        setTimeout(() => setMsg(m), 50);
      }),
    [],
  );
  return (
    <div class="sr-only" role="status" aria-live="polite" aria-atomic="true" id="announcer">
      {msg}
    </div>
  );
}

function Redirect({ to }: { to: string }) {
  useEffect(() => navigate(to, { replace: true }), [to]);
  return <Loading />;
}

function NotFound() {
  return (
    <>
      <h1 class="page-title">Page not found</h1>
      <p>
        <a href="/">Go to the start page</a>
      </p>
    </>
  );
}

function Routes({ path, role }: { path: string; role: Role }) {
  const patientOnly = (el: JSX.Element) => (role === 'patient' ? el : <Redirect to={homeFor(role)} />);
  if (path === '/' || path === '/log') return patientOnly(<LogPage />); // '/log': where the reminder's tap leads
  const log = match('/log/:date', path);
  if (log) return patientOnly(<LogPage date={log.date} />);
  if (path === '/history') return patientOnly(<HistoryPage />);
  if (path === '/sharing') return patientOnly(<SharingPage />);
  if (path === '/welcome') return patientOnly(<WelcomePage />);
  if (path === '/settings') return <SettingsPage />;
  if (path === '/progress') return patientOnly(<ProgressPage />);
  if (path === '/check-in' || path === '/checkin') return patientOnly(<CheckInPage />);
  if (path === '/goals') return patientOnly(<GoalsPage />);
  if (path === '/phase') return patientOnly(<PhasePage />);
  if (path === '/learn') return <LearnPage />;
  if (path === '/me/tests') return patientOnly(<SelfTestsPage />);
  const summary = match('/clinician/patients/:id/summary', path);
  if (summary) return role === 'clinician' ? <VisitSummaryPage id={summary.id!} /> : <Redirect to={homeFor(role)} />;
  if (path === '/intake') return patientOnly(<IntakePage />);
  if (path === '/maintenance') return patientOnly(<MaintenancePage />);
  if (path === '/clinician') return role === 'clinician' ? <ClinicianListPage /> : <Redirect to={homeFor(role)} />;
  const pat = match('/clinician/patients/:id', path);
  if (pat) return role === 'clinician' ? <ClinicianPatientPage id={pat.id!} /> : <Redirect to={homeFor(role)} />;
  if (path === '/coach') return role === 'coach' ? <CoachPage /> : <Redirect to={homeFor(role)} />;
  // Signed in on /register: the account was just made, so a patient goes on to the introduction.
  if (path === '/register') return <Redirect to={role === 'patient' ? '/welcome' : homeFor(role)} />;
  if (path === '/signin') return <Redirect to={homeFor(role)} />;
  return <NotFound />;
}

export function App() {
  const { path, search } = useLocation();
  const { me, booted, online, updateReady } = useAppState();
  // password reset works signed out and signed in (a reset signs this phone out too)
  const resetPage = path === '/forgot-password' || path === '/reset-password';
  const publicPage = path === '/signin' || path === '/register' || resetPage;

  let content: JSX.Element;
  if (!booted) content = <Loading label="Opening Loadline…" />;
  else if (path === '/forgot-password') content = <ForgotPasswordPage />;
  else if (path === '/reset-password') content = <ResetPasswordPage token={search.get('token')} />;
  else if (!me) {
    if (path === '/register') content = <RegisterPage />;
    else if (path === '/signin') content = <SignInPage next={search.get('next')} />;
    else content = <Redirect to={`/signin${path !== '/' ? `?next=${encodeURIComponent(path)}` : ''}`} />;
  } else if (publicPage && path === '/signin' && search.get('next')) {
    content = <Redirect to={search.get('next')!} />;
  } else content = <Routes path={path} role={me.role} />;

  const nav = me ? NAV[me.role] ?? [] : [];
  // Until the session has been read, a signed-in page keeps the navigation's place, so the page
  // does not move down when it appears (sign-in and register never show it).
  const navShell = !booted && !publicPage;
  return (
    <>
      <div id="shell">
        <a class="skip-link" href="#main" onClick={skipToContent}>
          Skip to content
        </a>
        <header class="topbar">
          <a class="brand" href={me ? homeFor(me.role) : '/signin'}>
            <Logo />
            <span>Loadline</span>
          </a>
          {!online && <span class="offline-pill">Offline</span>}
        </header>
        {navShell && <div class="mainnav mainnav-shell" aria-hidden="true" />}
        {nav.length > 0 && (
          <nav class="mainnav" aria-label="Main">
            <ul>
              {nav.map((n) => (
                <li key={n.href}>
                  <a href={n.href} aria-current={isActive(n.href, path) ? 'page' : undefined}>
                    {n.label}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        )}
        {updateReady && (
          <div class="update-banner">
            <p>A new version of Loadline is ready.</p>
            <button type="button" class="btn btn-small" onClick={applyUpdate}>
              Reload to update
            </button>
          </div>
        )}
        <SyncBanner />
        <main id="main" tabIndex={-1}>
          {booted && me?.role === 'patient' && !publicPage && <EpisodeBanner path={path} />}
          {booted && me?.role === 'patient' && !publicPage && online && <SettingsChangeNotice userId={me.id} />}
          {content}
        </main>
        <Announcer />
      </div>
      <Takeover />
    </>
  );
}

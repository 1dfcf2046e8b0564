import { createBrowserRouter, type RouteObject } from 'react-router';
import { setAuthNavigator } from './auth-client.ts';
import { AppLayout } from './components/AppLayout.tsx';
import { RequireOperator, RequireUser } from './components/Guards.tsx';
import { PublicLayout } from './components/PublicLayout.tsx';
import { RootBoundary, RouteError } from './components/RootBoundary.tsx';
import type { ModuleRoute, RouteAuth } from './module-ui.ts';
import { modules } from './modules.ts';
import { NotFoundPage } from './pages/NotFound.tsx';

function routesFor(auth: RouteAuth): RouteObject[] {
  return modules
    .flatMap((m) => m.routes)
    .filter((r: ModuleRoute) => r.auth === auth)
    .map((r) => ({ path: r.path, element: r.element }));
}

const routes: RouteObject[] = [
  {
    element: <RootBoundary />,
    errorElement: <RouteError />,
    children: [
      {
        element: <PublicLayout />,
        children: [...routesFor('public'), { path: '*', element: <NotFoundPage /> }],
      },
      {
        element: <RequireUser />,
        children: [
          {
            element: <AppLayout />,
            children: [
              ...routesFor('user'),
              { element: <RequireOperator />, children: routesFor('operator') },
            ],
          },
        ],
      },
    ],
  },
];

export const router = createBrowserRouter(routes);

setAuthNavigator((to) => {
  void router.navigate(to);
});

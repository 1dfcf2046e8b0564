import { existsSync } from 'node:fs';
import path from 'node:path';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { registerAuthRoutes } from './kernel/auth/auth.routes.ts';
import { type Auth, createAuth } from './kernel/auth/auth.ts';
import type { Config } from './kernel/config.ts';
import type { Database } from './kernel/db/client.ts';
import { errorBody, registerErrorHandling } from './kernel/http/error-handler.ts';
import { AppError } from './kernel/http/errors.ts';
import { registerOpenApi } from './kernel/http/openapi.ts';
import { createMetricsRegistry, registerOpsRoutes } from './kernel/http/ops.routes.ts';
import { registerRequestContext } from './kernel/http/request-context.ts';
import { createMailer, type Mailer } from './kernel/mail/mailer.ts';
import type { ModuleContext, ModuleManifest } from './kernel/module.ts';
import { modules as defaultModules } from './modules.ts';

export interface AppDeps {
  database: Database;
  mailer?: Mailer;
  modules?: ModuleManifest[];
  logger?: boolean;
}

export const BODY_LIMIT = 1024 * 1024;

export type App = FastifyInstance & { mamori: ModuleContext & { auth: Auth } };

/** The whole HTTP application, kernel plus modules. Tests call this directly. */
export async function buildApp(config: Config, deps: AppDeps): Promise<App> {
  const { database } = deps;
  const app = Fastify({
    logger: deps.logger === false ? false : { level: config.logLevel },
    bodyLimit: BODY_LIMIT,
    trustProxy: false,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const mailer = deps.mailer ?? createMailer(config);
  const auth = createAuth({ db: database.db, config, mailer });
  const mounted = deps.modules ?? defaultModules;
  const ctx: ModuleContext = {
    db: database.db,
    auth,
    mailer,
    config,
    metrics: createMetricsRegistry(),
    modules: mounted,
  };
  app.decorate('mamori', ctx);

  registerErrorHandling(app, BODY_LIMIT);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    crossOriginEmbedderPolicy: false,
  });
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (req, context) => {
      const err = new AppError('rate_limited', { params: { seconds: Math.ceil(context.ttl / 1000) } });
      return Object.assign(new Error('rate_limited'), {
        statusCode: 429,
        appError: err,
        ...errorBody(err, req.lang),
      });
    },
  });
  await registerOpenApi(app);
  registerRequestContext(app, { auth, db: database.db, trustedOrigins: config.trustedOrigins });
  registerOpsRoutes(app, {
    registry: ctx.metrics,
    isReady: async () => {
      await database.ping();
      return true;
    },
  });
  registerAuthRoutes(app, auth, database.db);

  for (const m of mounted) {
    await app.register(async (scope) => m.routes(scope, ctx), { prefix: '' });
  }

  await serveWeb(app, config.webDir);
  return app as unknown as App;
}

/** The built SPA: static files, and index.html for any other page a person opens. */
async function serveWeb(app: FastifyInstance, webDir: string): Promise<void> {
  const hasWeb = existsSync(path.join(webDir, 'index.html'));
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: webDir,
      // Files are looked up per request, so a rebuild under a running server is picked up.
      wildcard: true,
      cacheControl: false,
      index: false,
      // Hashed assets may be cached; the HTML that names them must not be.
      setHeaders: (res, file) => {
        res.setHeader(
          'cache-control',
          file.endsWith('.html') ? 'no-cache' : 'public, max-age=31536000, immutable',
        );
      },
    });
  }
  if (hasWeb) {
    app.get('/', { schema: { hide: true } }, (_req, reply) =>
      reply.header('cache-control', 'no-cache').sendFile('index.html'),
    );
  }
  app.setNotFoundHandler((req, reply) => {
    const isPage =
      req.method === 'GET' && !req.url.startsWith('/api/') && !path.extname(req.url.split('?')[0] ?? '');
    if (hasWeb && isPage) {
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    }
    const err = new AppError('route_not_found', {
      params: { method: req.method, url: req.url.split('?')[0] },
    });
    return reply.status(404).send(errorBody(err, req.lang));
  });
}

import Fastify, { type FastifyInstance } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyMultipart from '@fastify/multipart';
import fastifySwagger from '@fastify/swagger';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { installChineseZodMessages, systemClock, type Clock } from '@zhengji/domain';
import type { Config } from './config.ts';
import type { Db } from './db/client.ts';
import { createMailer, type Mailer } from './plugins/mailer.ts';
import { registerErrorHandler } from './plugins/error-handler.ts';
import { registerAuth } from './plugins/auth.ts';
import { registerWeb } from './plugins/web.ts';
import type { RouteAccess } from './plugins/access.ts';
import { systemRoutes } from './routes/system.ts';
import { authRoutes } from './routes/auth.ts';
import { userRoutes } from './routes/users.ts';
import { unitRoutes } from './routes/units.ts';
import { auditRoutes } from './routes/audit.ts';
import { formRoutes } from './routes/forms.ts';
import { eligibilityRoutes } from './routes/eligibility.ts';
import { fileRoutes } from './routes/files.ts';
import { currentCampaignRoutes } from './routes/campaigns-current.ts';

/** What buildApp needs: the database and configuration; the clock and mailer are replaceable in tests. */
export interface AppDeps {
  db: Db;
  config: Config;
  clock?: Clock;
  mailer?: Mailer;
  /** Serve the built web app (off in API tests). */
  serveWeb?: boolean;
}

/** A registered route and its declared access, for the deny-by-default test. */
export interface RouteEntry {
  method: string;
  url: string;
  access: RouteAccess | undefined;
}

/** Builds the Fastify application: plugins and routes. Never listens. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance & { routeTable: RouteEntry[] }> {
  installChineseZodMessages();
  const clock = deps.clock ?? systemClock;
  const app = Fastify({
    logger: deps.config.logLevel === 'silent' ? false : { level: deps.config.logLevel },
    trustProxy: deps.config.trustProxy,
    bodyLimit: 2 * 1024 * 1024,
  });
  const mailer = deps.mailer ?? createMailer(deps.config.smtpUrl, deps.config.mailFrom, (m) => app.log.info(m));
  const routeTable: RouteEntry[] = [];
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) if (method !== 'HEAD') routeTable.push({ method, url: route.url, access: route.config?.access });
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);

  await app.register(fastifyCookie);
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameSrc: ["'self'", 'blob:'],
        objectSrc: ["'self'", 'blob:'],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        baseUri: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    referrerPolicy: { policy: 'same-origin' },
    hsts: deps.config.secureCookies,
    crossOriginEmbedderPolicy: false,
  });
  await app.register(fastifyMultipart, { limits: { fileSize: 20 * 1024 * 1024, files: 3, fields: 20 } });
  await app.register(fastifySwagger, {
    openapi: { info: { title: '征集 Zhengji API', version: '1.0.0', description: '社会化职业技能等级认定职业（工种）征集系统接口' } },
    transform: jsonSchemaTransform,
  });
  registerAuth(app, { db: deps.db, clock, config: deps.config, mailer });

  await app.register(systemRoutes);
  await app.register(authRoutes);
  await app.register(userRoutes);
  await app.register(unitRoutes);
  await app.register(auditRoutes);
  await app.register((await import('./routes/experts.ts')).expertRoutes);
  await app.register((await import('./routes/review.ts')).reviewRoutes);
  await app.register((await import('./routes/review-scoring.ts')).reviewScoringRoutes);
  await app.register((await import('./routes/review-results.ts')).reviewResultRoutes);
  await app.register((await import('./routes/reference.ts')).referenceRoutes);
  await app.register(formRoutes);
  await app.register((await import('./routes/form-documents.ts')).formDocumentRoutes);
  await app.register(eligibilityRoutes);
  await app.register(fileRoutes);
  await app.register(currentCampaignRoutes);
  await app.register((await import('./routes/notices.ts')).noticeRoutes);
  await app.register((await import('./routes/objections.ts')).objectionRoutes);
  await app.register((await import('./routes/final-lists.ts')).finalListRoutes);
  await app.register((await import('./public-site/public-site.routes.ts')).publicSiteRoutes);
  await app.register((await import('./routes/campaigns.ts')).campaignRoutes);
  await app.register((await import('./routes/checks.ts')).checkRoutes);
  await app.register((await import('./routes/pool.ts')).poolRoutes);
  await app.register((await import('./routes/outbox.ts')).outboxRoutes);
  if (deps.serveWeb) await registerWeb(app, deps.config.webDistDir);

  const built = app as unknown as FastifyInstance & { routeTable: RouteEntry[] };
  built.routeTable = routeTable;
  return built;
}

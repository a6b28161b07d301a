import Fastify, { type FastifyInstance } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifySwagger from '@fastify/swagger';
import { jsonSchemaTransform, validatorCompiler } from 'fastify-type-provider-zod';
import { installChineseZodMessages, systemClock, type Clock } from '@zhengji/domain';
import type { Config } from './config.ts';
import type { Db } from './db/client.ts';
import { createMailer, type Mailer } from './plugins/mailer.ts';
import { registerErrorHandler } from './plugins/error-handler.ts';
import { loggerOptions } from './plugins/log-redaction.ts';
import { registerAuth } from './plugins/auth.ts';
import { answerClientError, answerFrameworkError, registerInputGuard } from './plugins/input-guard.ts';
import { registerWeb } from './plugins/web.ts';
import { registerSecurityHeaders } from './plugins/security-headers.ts';
import { auditSealTick } from './plugins/audit-seal-tick.ts';
import type { RouteAccess } from './plugins/access.ts';
import { systemRoutes } from './routes/system.ts';
import { authRoutes } from './routes/auth.ts';
import { userRoutes } from './routes/users.ts';
import { unitRoutes } from './routes/units.ts';
import { auditRoutes } from './routes/audit.ts';
import { dashboardRoutes } from './routes/dashboard.ts';
import { formRoutes } from './routes/forms.ts';
import { eligibilityRoutes } from './routes/eligibility.ts';
import { fileRoutes } from './routes/files.ts';
import { currentCampaignRoutes } from './routes/campaigns-current.ts';
import { expertRoutes } from './routes/experts.ts';
import { reviewRoutes } from './routes/review.ts';
import { reviewScoringRoutes } from './routes/review-scoring.ts';
import { reviewResultRoutes } from './routes/review-results.ts';
import { referenceRoutes } from './routes/reference.ts';
import { formDocumentRoutes } from './routes/form-documents.ts';
import { noticeRoutes } from './routes/notices.ts';
import { objectionRoutes } from './routes/objections.ts';
import { finalListRoutes } from './routes/final-lists.ts';
import { publicSiteRoutes } from './public-site/public-site.routes.ts';
import { campaignRoutes } from './routes/campaigns.ts';
import { checkRoutes } from './routes/checks.ts';
import { poolRoutes } from './routes/pool.ts';
import { notificationRoutes } from './routes/notifications.ts';
import { outboxRoutes } from './routes/outbox.ts';
import { responseSerializerCompiler } from './plugins/response-serializer.ts';

/** What buildApp needs: the database and configuration; the clock and mailer are replaceable in tests. */
export interface AppDeps {
  db: Db;
  config: Config;
  clock?: Clock;
  mailer?: Mailer;
  /** Serve the built web app (off in API tests). */
  serveWeb?: boolean;
  /** Where log lines go (default stdout); tests capture them. */
  logStream?: { write(line: string): void };
}

/** A registered route and its declared access, for the deny-by-default test. */
export interface RouteEntry {
  method: string;
  url: string;
  access: RouteAccess | undefined;
  /** The route's declared schemas (zod), for the tests that probe every route. */
  schema?: { body?: unknown; params?: unknown; querystring?: unknown };
}

/** Builds the Fastify application: plugins and routes. Never listens. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance & { routeTable: RouteEntry[] }> {
  installChineseZodMessages();
  const clock = deps.clock ?? systemClock;
  const app = Fastify({
    logger: deps.config.logLevel === 'silent' ? false : loggerOptions(deps.config.logLevel, deps.logStream),
    trustProxy: deps.config.trustProxy,
    bodyLimit: 2 * 1024 * 1024,
    // What the router and Node's HTTP parser refuse (broken address, oversized headers) is answered in Chinese too.
    frameworkErrors: answerFrameworkError,
    clientErrorHandler: answerClientError,
  });
  const mailer = deps.mailer ?? createMailer(deps.config.smtpUrl, deps.config.mailFrom, (m) => app.log.info(m));
  const routeTable: RouteEntry[] = [];
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) if (method !== 'HEAD') routeTable.push({ method, url: route.url, access: route.config?.access, schema: route.schema });
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(responseSerializerCompiler({ checkResponses: deps.config.checkResponses }));
  registerErrorHandler(app);

  await app.register(fastifyCookie);
  registerSecurityHeaders(app, {
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
  registerInputGuard(app);

  await app.register(systemRoutes);
  await app.register(authRoutes);
  await app.register(userRoutes);
  await app.register(unitRoutes);
  await app.register(auditRoutes);
  await app.register(dashboardRoutes);
  await app.register(referenceRoutes);
  await app.register(campaignRoutes);
  await app.register(currentCampaignRoutes);
  await app.register(formRoutes);
  await app.register(formDocumentRoutes);
  await app.register(eligibilityRoutes);
  await app.register(fileRoutes);
  await app.register(checkRoutes);
  await app.register(poolRoutes);
  await app.register(outboxRoutes);
  await app.register(notificationRoutes);
  await app.register(expertRoutes);
  await app.register(reviewRoutes);
  await app.register(reviewScoringRoutes);
  await app.register(reviewResultRoutes);
  await app.register(noticeRoutes);
  await app.register(objectionRoutes);
  await app.register(finalListRoutes);
  await app.register(publicSiteRoutes);
  if (deps.serveWeb) await registerWeb(app, deps.config.webDistDir);
  if (deps.config.auditSealIntervalMs > 0) await app.register(auditSealTick, { db: deps.db, clock, intervalMs: deps.config.auditSealIntervalMs });

  const built = app as unknown as FastifyInstance & { routeTable: RouteEntry[] };
  built.routeTable = routeTable;
  return built;
}

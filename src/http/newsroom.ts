import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ComponentChildren } from "preact";
import { signFor, unsignFor } from "../lib/crypto.js";
import { Forbidden, SignInRequired } from "../lib/errors.js";
import { parseRowId } from "../lib/row-id.js";
import {
  accounts,
  canWriteArticles,
  type Actor,
  type StaffSession,
  type StaffUser,
} from "../modules/accounts/index.js";
import { privacy } from "../modules/privacy/index.js";
import { renderNewsroomPage, type PageMeta } from "../web/document.js";
import { messages, type Messages } from "../web/i18n/index.js";
import type { NewsroomPerson } from "../web/layouts/newsroom-layout.js";
import { paths } from "../web/urls.js";
import type { Rendered } from "./cacheable.js";
import { HTML, type RouteKit } from "./route-kit.js";

declare module "fastify" {
  interface FastifyRequest {
    /** The newsroom session this request carries, alive and fully signed in; null elsewhere. */
    staff: StaffSession | null;
  }
}

/** The session cookie: sent to the newsroom's paths only, never to reader pages (nor caches). */
const SESSION_COOKIE = "kq_staff";
/**
 * "This browser signed in to account N before" (signed): the person's own browser is never
 * locked out by failures elsewhere (accounts/sign-in.ts).
 */
const DEVICE_COOKIE = "kq_device";
const YEAR_S = 365 * 86_400;

const cookieOptions = (req: FastifyRequest) =>
  ({
    path: paths.admin.home,
    httpOnly: true,
    sameSite: "lax",
    secure: req.protocol === "https",
  }) as const;

/** What newsroom route handlers are handed, besides the reader kit. */
export interface NewsroomKit {
  /**
   * The signed-in person when `rule` lets them do this; else SignInRequired (a page sends them to
   * the sign-in form) or Forbidden. Every newsroom handler starts with it.
   */
  allow(req: FastifyRequest, rule: (actor: Actor) => boolean): StaffUser;
  /** The words of this request's person (their chosen language), or the site's before sign-in. */
  words(req: FastifyRequest): Promise<Messages>;
  /** A newsroom page, in the person's language, as output (a refused form's page). */
  page(req: FastifyRequest, meta: PageMeta, body: ComponentChildren): Promise<Rendered>;
  /** A newsroom page, in the person's language, never stored by any cache. */
  sendPage(
    req: FastifyRequest,
    reply: FastifyReply,
    meta: PageMeta,
    body: ComponentChildren,
    status?: number,
  ): Promise<FastifyReply>;
  /** Keyed hash of the client's address group, as the sign-in limits count it. */
  client(req: FastifyRequest): Promise<string>;
  /** The account this browser signed in to before, from its verified device cookie. */
  knownDevice(req: FastifyRequest): number | undefined;
  /** Sets the session cookie (a new token: sessions rotate at sign-in) and the device cookie. */
  startSession(req: FastifyRequest, reply: FastifyReply, token: string, userId: number): void;
  /** Closes this request's session, if any, and clears its cookie. */
  endSession(req: FastifyRequest, reply: FastifyReply): Promise<void>;
}

/** The newsroom's menu for this person: what their role may open, in a fixed order. */
function menuFor(user: StaffUser, t: Messages): NewsroomPerson["menu"] {
  const items: { href: string; label: string; shown: boolean }[] = [
    { href: paths.admin.home, label: t.newsroom.dashboard, shown: true },
    { href: paths.admin.articles, label: t.newsroom.articles, shown: canWriteArticles(user) },
    { href: paths.admin.media, label: t.newsroom.media.title, shown: canWriteArticles(user) },
  ];
  return items.filter((i) => i.shown).map(({ href, label }) => ({ href, label }));
}

/**
 * The newsroom's request handling, for the routes registered under /admin in this scope: reads
 * the session once per request (a database read: newsroom pages are never cached), and marks
 * every answer private and unindexed.
 */
export function registerNewsroom(app: FastifyInstance, kit: RouteKit): NewsroomKit {
  const { ctx } = kit;
  app.decorateRequest("staff", null);
  app.addHook("onRequest", async (req, reply) => {
    reply.header("cache-control", "private, no-store");
    reply.header("x-robots-tag", "noindex");
    const session = await accounts.findSession(ctx, req.cookies[SESSION_COOKIE]);
    req.staff = session?.stage === "complete" ? session : null;
  });

  const words = async (req: FastifyRequest) =>
    messages(req.staff?.user.locale ?? (await ctx.settings())["site.locale"]);

  async function page(req: FastifyRequest, meta: PageMeta, body: ComponentChildren) {
    const [site, t] = await Promise.all([kit.site(), words(req)]);
    const user = req.staff?.user;
    const person = user && { name: user.name, menu: menuFor(user, t) };
    return { type: HTML, changeKeys: [], body: renderNewsroomPage(site, t, person, meta, body) };
  }

  return {
    allow(req, rule) {
      const user = req.staff?.user;
      if (!user) throw new SignInRequired({ url: req.url });
      if (!rule(user)) throw new Forbidden("KIOSQUE_FORBIDDEN", { user: user.id, url: req.url });
      return user;
    },
    words,
    page,
    async sendPage(req, reply, meta, body, status = 200) {
      const rendered = await page(req, meta, body);
      return reply.status(status).type(rendered.type).send(rendered.body);
    },
    async client(req) {
      // A client that hung up has no address; it is one client among others for the limits.
      return privacy.hashClientAddress(ctx, req.ip ?? "0.0.0.0", ctx.clock.now());
    },
    knownDevice(req) {
      const value = unsignFor(ctx.secret, "staff-device", req.cookies[DEVICE_COOKIE]);
      return value === undefined ? undefined : parseRowId(value);
    },
    startSession(req, reply, token, userId) {
      reply.setCookie(SESSION_COOKIE, token, cookieOptions(req));
      reply.setCookie(DEVICE_COOKIE, signFor(ctx.secret, "staff-device", String(userId)), {
        ...cookieOptions(req),
        maxAge: YEAR_S,
      });
    },
    async endSession(req, reply) {
      const token = req.cookies[SESSION_COOKIE];
      if (token) await accounts.closeSessionByToken(ctx, token);
      reply.clearCookie(SESSION_COOKIE, { path: paths.admin.home });
    },
  };
}

/**
 * Where a person goes after signing in: back to the newsroom page they asked for, never to
 * another site (`//evil.example`, `/\evil.example`, a URL with a scheme).
 */
export function safeNext(next: string | undefined): string {
  if (!next || next.length > 2000) return paths.admin.home;
  const home = paths.admin.home;
  const local = next.startsWith(home) && ["", "/", "?", "#"].includes(next.charAt(home.length));
  return local && !/[\\\s]/.test(next) && !next.startsWith("//") ? next : paths.admin.home;
}

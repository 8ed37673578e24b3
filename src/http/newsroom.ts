import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ComponentChildren } from "preact";
import { signFor, unsignFor } from "../lib/crypto.js";
import { Forbidden, SecondFactorRequired, SignInRequired } from "../lib/errors.js";
import { parseRowId } from "../lib/row-id.js";
import {
  accounts,
  canManagePages,
  canManageSections,
  canChangeSettings,
  canManageUsers,
  canModerate,
  canReadJournal,
  canSecureOwnAccount,
  canUseNewsroom,
  canWriteArticles,
  type Actor,
  type StaffSession,
  type StaffUser,
} from "../modules/accounts/index.js";
import type { MenuCounts } from "../modules/comments/index.js";
import { desk } from "../modules/desk/index.js";
import { deskMenuLabel } from "../web/desk-menu.js";
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
  /**
   * The words of this request's person (their chosen language, from the password step on), or
   * the site's before sign-in.
   */
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
  /**
   * Sets the session cookie (a new token: sessions rotate at sign-in) and, once the person is
   * fully signed in (`deviceOf`: their id), the device cookie.
   */
  startSession(req: FastifyRequest, reply: FastifyReply, token: string, deviceOf?: number): void;
  /** The session this request carries while it still owes its second factor (sign-in's code step). */
  pendingSession(req: FastifyRequest): { session: StaffSession; token: string } | undefined;
  /** Closes this request's session, if any, and clears its cookie. */
  endSession(req: FastifyRequest, reply: FastifyReply): Promise<void>;
}

/**
 * The newsroom's menu for this person: what their role may open, in a fixed order. `pending`:
 * the comments waiting for a moderator, for those who moderate.
 */
function menuFor(session: StaffSession, t: Messages, counts?: MenuCounts): NewsroomPerson["menu"] {
  const user = session.user;
  // Owing a second factor, a person may only set it up (allow refuses the rest).
  const can = (rule: (a: Actor) => boolean) => rule(user) && !session.mustEnrol;
  const items: { href: string; label: string; shown: boolean; live?: string }[] = [
    { href: paths.admin.home, label: t.newsroom.dashboard, shown: can(canUseNewsroom) },
    { href: paths.admin.articles, label: t.newsroom.articles, shown: can(canWriteArticles) },
    {
      href: paths.admin.sections,
      label: t.newsroom.writing.sections.title,
      shown: can(canManageSections),
    },
    {
      href: paths.admin.pages,
      label: t.newsroom.writing.pages.title,
      shown: can(canManagePages),
    },
    { href: paths.admin.media, label: t.newsroom.media.title, shown: can(canWriteArticles) },
    {
      href: paths.admin.deskQueue({ status: "pending" }),
      label: deskMenuLabel(t, counts),
      shown: can(canModerate),
      // Kept current without a reload by web/islands/live-counts.ts.
      live: paths.admin.deskCounts,
    },
    { href: paths.admin.people, label: t.newsroom.people, shown: can(canManageUsers) },
    {
      href: paths.admin.settings.site,
      label: t.newsroom.settingsPage.title,
      shown: can(canChangeSettings),
    },
    { href: paths.admin.journal, label: t.desk.journal.title, shown: can(canReadJournal) },
    { href: paths.admin.account, label: t.newsroom.account, shown: can(canUseNewsroom) },
    {
      href: paths.admin.secondFactor,
      label: t.newsroom.twoFactor.title,
      shown: session.mustEnrol,
    },
  ];
  return items.filter((i) => i.shown).map(({ href, label, live }) => ({ href, label, live }));
}

/**
 * The newsroom's request handling, for the routes registered under /admin in this scope: reads
 * the session once per request (a database read: newsroom pages are never cached), and marks
 * every answer private and unindexed.
 */
export function registerNewsroom(app: FastifyInstance, kit: RouteKit): NewsroomKit {
  const { ctx } = kit;
  app.decorateRequest("staff", null);
  // Sessions that passed the password but still owe their second factor: only the code step
  // sees them (`pendingSession`); to every other route, nobody is signed in.
  const pending = new WeakMap<FastifyRequest, { session: StaffSession; token: string }>();
  app.addHook("onRequest", async (req, reply) => {
    reply.header("cache-control", "private, no-store");
    reply.header("x-robots-tag", "noindex");
    const token = req.cookies[SESSION_COOKIE];
    const session = await accounts.findSession(ctx, token);
    req.staff = session?.stage === "complete" ? session : null;
    if (session?.stage === "password" && token) pending.set(req, { session, token });
  });

  // A person half-way through signing in has said who they are: their language already.
  const words = async (req: FastifyRequest) =>
    messages(
      req.staff?.user.locale ??
        pending.get(req)?.session.user.locale ??
        (await ctx.settings())["site.locale"],
    );

  async function page(req: FastifyRequest, meta: PageMeta, body: ComponentChildren) {
    const [site, t] = await Promise.all([kit.site(), words(req)]);
    const session = req.staff;
    // The moderators' menu says how many comments wait and how many the spam rules caught:
    // counts capped like the desk's, right at page load, then kept current by an island.
    const moderates = session !== null && canModerate(session.user) && !session.mustEnrol;
    const counts = moderates ? await desk.menuCounts(ctx, session.user) : undefined;
    const person = session
      ? { name: session.user.name, menu: menuFor(session, t, counts) }
      : undefined;
    const scripts = moderates
      ? [...(meta.scripts ?? []), kit.assets.liveCountsIsland]
      : meta.scripts;
    return {
      type: HTML,
      changeKeys: [],
      body: renderNewsroomPage(site, t, person, { ...meta, scripts }, body),
    };
  }

  return {
    allow(req, rule) {
      const user = req.staff?.user;
      if (!user) throw new SignInRequired({ url: req.url });
      if (req.staff?.mustEnrol && rule !== canSecureOwnAccount)
        throw new SecondFactorRequired({ user: user.id, url: req.url });
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
    startSession(req, reply, token, deviceOf) {
      reply.setCookie(SESSION_COOKIE, token, cookieOptions(req));
      if (deviceOf !== undefined)
        reply.setCookie(DEVICE_COOKIE, signFor(ctx.secret, "staff-device", String(deviceOf)), {
          ...cookieOptions(req),
          maxAge: YEAR_S,
        });
    },
    pendingSession: (req) => pending.get(req),
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

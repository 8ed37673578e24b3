import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { expect } from "vitest";
import { cookieHeader, setCookies } from "./http.js";

/**
 * A comment post refused without JavaScript, followed as a browser follows it (decision 022):
 * the post answers 303 to the form's own address, its fragment on the error summary, with the
 * `kq_refused` cookie for that address; the GET there, with the cookie, is the refused form's page.
 */
export async function followRefusal(
  app: FastifyInstance,
  posted: LightMyRequestResponse | Promise<LightMyRequestResponse>,
): Promise<LightMyRequestResponse & { cookie: string; post: LightMyRequestResponse }> {
  const res = await posted;
  expect(res.statusCode, res.body.slice(0, 200)).toBe(303);
  const location = String(res.headers.location);
  const m = /^(\/article\/[^/?#]+\/commentaires)#form-errors$/.exec(location);
  expect(m, location).not.toBeNull();
  expect(res.headers["cache-control"]).toBe("private, no-store");
  const refused = setCookies(res).get("kq_refused");
  expect(refused?.attributes.get("path")).toBe(m?.[1]);
  const cookie = cookieHeader(refused);
  // A fragment is never sent: the browser keeps it for the page it gets.
  const page = await app.inject({ method: "GET", url: m?.[1] ?? location, headers: { cookie } });
  return Object.assign(page, { cookie, post: res });
}

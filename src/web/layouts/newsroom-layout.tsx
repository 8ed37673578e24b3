import type { ComponentChildren } from "preact";
import type { Messages } from "../i18n/index.js";
import type { Site } from "../site.js";
import { paths } from "../urls.js";

/** Who is signed in, as the newsroom's chrome shows them. */
export interface NewsroomPerson {
  name: string;
  /** The sections of the newsroom this person may open, in menu order. */
  menu: readonly {
    href: string;
    label: string;
    /** Where the island reads this entry's label again (JSON `{ label }`), to keep it current. */
    live?: string | undefined;
  }[];
}

/**
 * The newsroom's chrome: its own header and menu, in the person's language, with sign-out as a
 * real form (a POST, so no link or prefetch signs anyone out).
 */
export function NewsroomLayout({
  site,
  t,
  person,
  children,
}: {
  site: Site;
  t: Messages;
  person: NewsroomPerson | undefined;
  children: ComponentChildren;
}) {
  return (
    <>
      <a class="skip-link" href="#content">
        {t.skipToContent}
      </a>
      <header class="newsroom-header">
        <div class="wrap">
          <a class="site-name" href={paths.admin.home}>
            {site.name} · {t.newsroom.title}
          </a>
          <a class="view-site" href={paths.home()}>
            {t.newsroom.viewSite}
          </a>
          {person ? (
            <form class="sign-out" method="post" action={paths.admin.signOut}>
              <span>{t.newsroom.signedInAs(person.name)}</span>{" "}
              <button type="submit">{t.newsroom.signOut}</button>
            </form>
          ) : null}
        </div>
        {person ? (
          <nav class="newsroom-nav" aria-label={t.newsroom.nav}>
            <ul class="wrap">
              {person.menu.map((item) => (
                <li>
                  <a href={item.href} data-live-counts={item.live}>
                    {item.label}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
      </header>
      {/* The editor's image dialog judges addresses by the public URL, as the server does. */}
      <main id="content" class="wrap newsroom" data-public-url={site.publicUrl}>
        {children}
      </main>
    </>
  );
}

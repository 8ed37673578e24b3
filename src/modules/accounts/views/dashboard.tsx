import type { Messages } from "../../../web/i18n/index.js";
import { paths } from "../../../web/urls.js";
import type { Role } from "../table.js";

/** The newsroom's first page: who you are, and signing out of every browser. */
export function DashboardView({ t, name, role }: { t: Messages; name: string; role: Role }) {
  return (
    <>
      <h1>{t.newsroom.welcome(name)}</h1>
      <p>{t.newsroom.yourRole(t.newsroom.roleNames[role])}</p>
      <form method="post" action={paths.admin.signOutEverywhere}>
        <button type="submit" class="secondary">
          {t.newsroom.signOutEverywhere}
        </button>
      </form>
    </>
  );
}

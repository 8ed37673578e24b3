import { BarChart } from "../../../web/components/bar-chart.js";
import type { Formatter } from "../../../web/i18n/format.js";
import type { Messages } from "../../../web/i18n/index.js";
import { paths } from "../../../web/urls.js";
import type { Role } from "../../accounts/index.js";
import type { Dashboard } from "../service.js";

/**
 * A calendar date ("2026-08-30") in words. The date is the site zone's already: it is read at
 * noon UTC and written in UTC, so no zone moves it to another day.
 */
function calendar(t: Messages, options: Intl.DateTimeFormatOptions) {
  const f = new Intl.DateTimeFormat(t.intlLocale, { ...options, timeZone: "UTC" });
  return (date: string) => f.format(new Date(`${date}T12:00:00Z`));
}

function DailyChart({
  t,
  fmt,
  id,
  title,
  dates,
  values,
}: {
  t: Messages;
  fmt: Formatter;
  id: string;
  title: string;
  dates: readonly string[];
  values: readonly number[];
}) {
  const short = calendar(t, { day: "numeric", month: "short" });
  const long = calendar(t, { weekday: "long", day: "numeric", month: "long", year: "numeric" });
  const total = values.reduce((a, b) => a + b, 0);
  const max = Math.max(0, ...values);
  const busiest = values.indexOf(max);
  return (
    <section aria-labelledby={`${id}-heading`} class="dashboard-part">
      <h2 id={`${id}-heading`}>{title}</h2>
      <BarChart
        id={id}
        title={`${title} — ${t.newsroom.dashboardPage.period(long(dates[0] ?? ""), long(dates[dates.length - 1] ?? ""))}`}
        description={
          total === 0
            ? t.newsroom.dashboardPage.chartNone
            : t.newsroom.dashboardPage.chartSummary(
                fmt.number(total),
                fmt.number(max),
                long(dates[busiest] ?? ""),
              )
        }
        labels={dates.map(short)}
        longLabels={dates.map(long)}
        values={values}
        format={fmt.number}
        tableSummary={t.newsroom.dashboardPage.numbers}
        labelHeader={t.newsroom.dashboardPage.day}
        valueHeader={t.newsroom.dashboardPage.count}
      />
    </section>
  );
}

/** Minutes between two instants, for "waiting for 3 h". */
const minutesBetween = (from: string, to: string) =>
  Math.max(0, Math.floor((Date.parse(to) - Date.parse(from)) / 60_000));

/**
 * The newsroom's first page: who you are, then the site's activity as your role sees it (the
 * charts of the last 30 days, the moderation queue, the week's most commented articles).
 */
export function DashboardView({
  t,
  fmt,
  name,
  role,
  data,
  now,
}: {
  t: Messages;
  fmt: Formatter;
  name: string;
  role: Role;
  data: Dashboard;
  now: string;
}) {
  return (
    <>
      <h1>{t.newsroom.welcome(name)}</h1>
      <p>{t.newsroom.yourRole(t.newsroom.roleNames[role])}</p>
      <div class="dashboard">
        {data.queue ? (
          <section aria-labelledby="queue-heading" class="dashboard-part dashboard-queue">
            <h2 id="queue-heading">{t.newsroom.dashboardPage.queue}</h2>
            <p class="dashboard-figure">
              {t.newsroom.dashboardPage.queueSize(
                data.queue.pending,
                fmt.number(data.queue.pending),
              )}
            </p>
            {data.queue.oldestAt ? (
              <p>
                {t.newsroom.dashboardPage.oldest(
                  t.newsroom.dashboardPage.age(minutesBetween(data.queue.oldestAt, now)),
                  fmt.dateTime(data.queue.oldestAt),
                )}
              </p>
            ) : null}
          </section>
        ) : null}
        {data.published ? (
          <DailyChart
            t={t}
            fmt={fmt}
            id="chart-published"
            title={
              data.own ? t.newsroom.dashboardPage.publishedOwn : t.newsroom.dashboardPage.published
            }
            dates={data.dates}
            values={data.published}
          />
        ) : null}
        {data.received ? (
          <DailyChart
            t={t}
            fmt={fmt}
            id="chart-received"
            title={
              data.own ? t.newsroom.dashboardPage.receivedOwn : t.newsroom.dashboardPage.received
            }
            dates={data.dates}
            values={data.received}
          />
        ) : null}
        {data.week ? (
          <section aria-labelledby="week-heading" class="dashboard-part">
            <h2 id="week-heading">
              {data.own ? t.newsroom.dashboardPage.weekOwn : t.newsroom.dashboardPage.week}
            </h2>
            {data.week.length === 0 ? (
              <p>{t.newsroom.dashboardPage.weekNone}</p>
            ) : (
              <ol class="dashboard-top">
                {data.week.map((a) => (
                  <li>
                    <a href={paths.article(a.slug)}>{a.title}</a>{" "}
                    <span class="dashboard-count">
                      {t.newsroom.dashboardPage.comments(a.comments, fmt.number(a.comments))}
                    </span>
                  </li>
                ))}
              </ol>
            )}
          </section>
        ) : null}
      </div>
      <form method="post" action={paths.admin.signOutEverywhere}>
        <button type="submit" class="secondary">
          {t.newsroom.signOutEverywhere}
        </button>
      </form>
    </>
  );
}

import { AxeBuilder } from "@axe-core/playwright";
import type { Page } from "playwright-core";

/** WCAG 2.0 and 2.1, levels A and AA: the newsroom's pages are held to these. */
export const WCAG21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
/** The same and WCAG 2.2 AA (target size…): reader pages are held to these (issue 14). */
export const WCAG22_AA = [...WCAG21_AA, "wcag22aa"];

/** axe's serious and critical violations on the page as it is, one line each (rule, elements). */
export async function seriousViolations(page: Page, tags = WCAG21_AA): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(tags).analyze();
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

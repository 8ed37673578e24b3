export { dashboardFor, CHART_DAYS, type Dashboard, type MostCommented } from "./service.js";

export { seedDemo, demoArticles, type SeedReport } from "./seed.js";

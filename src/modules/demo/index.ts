export { seedDemo, type SeedReport } from "./seed.js";

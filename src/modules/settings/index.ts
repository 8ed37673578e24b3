export { loadSettings, setSetting, ensureSecret, defaults } from "./service.js";
export { SettingsSchema, type Settings, type SettingKey } from "./schema.js";
export type { SettingsTables } from "./table.js";

export {
  loadSettings,
  setSetting,
  setSettings,
  ensureSecret,
  defaults,
  isSettingKey,
  type SettingChange,
} from "./service.js";
export { SettingsSchema, type Settings, type SettingKey } from "./schema.js";
export type { SettingsTables } from "./table.js";
export {
  integrations,
  integrationStatus,
  recordOutcome,
  testIntegration,
  type Integration,
  type IntegrationName,
  type IntegrationStatus,
} from "./integrations.js";
export { screens, screenIds, elsewhere, isScreenId, keysOf, type ScreenId } from "./screens.js";
export { saveScreen, shownValues } from "./screen-form.js";
export { maskSecret } from "./secrets.js";
export { kindOf, choicesOf, schemaOf, settingKeys, type SettingKind } from "./values.js";

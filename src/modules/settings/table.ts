export interface SettingsTable {
  key: string;
  /** JSON-encoded value. */
  value: string;
}

export interface SettingsTables {
  settings: SettingsTable;
}

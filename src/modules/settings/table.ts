export interface SettingsTable {
  key: string;
  /** JSON-encoded value. */
  value: string;
}

/**
 * Whether an outside service the settings name works (migration 013): the last time it answered
 * well and the last error it gave. Written by "test this key" and by real calls that fail; never
 * a reason to invalidate pages, so never announced as a change.
 */
export interface IntegrationStatusTable {
  name: string;
  ok_at: string | null;
  error: string | null;
  error_at: string | null;
}

export interface SettingsTables {
  settings: SettingsTable;
  integration_status: IntegrationStatusTable;
}

export interface IpSaltsTable {
  /** The UTC day the salt hashes addresses for, `YYYY-MM-DD`. */
  period: string;
  /** Random, base64url; deleted once its day is over. */
  salt: string;
}

export interface PrivacyTables {
  ip_salts: IpSaltsTable;
}

/** A setting wrong for this machine, said to the operator in its message alone. */
export class ConfigError extends Error {
  override name = "ConfigError";
}

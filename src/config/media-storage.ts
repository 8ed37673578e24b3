/**
 * Where uploaded images live. Every instance must serve every upload, so never on one machine's
 * disk: in the database by default (a table, backed up with it), or in an S3-compatible bucket
 * (AWS S3, MinIO, Garage, Ceph, R2…) named by the KIOSQUE_S3_* variables.
 */
export type MediaStorage =
  | { readonly store: "database" }
  | {
      readonly store: "s3";
      /** The service's origin, requests are path-style: `<endpoint>/<bucket>/<key>`. */
      readonly endpoint: string;
      readonly bucket: string;
      readonly region: string;
      readonly accessKeyId: string;
      readonly secretAccessKey: string;
    };

export interface S3Variables {
  KIOSQUE_S3_ENDPOINT?: string;
  KIOSQUE_S3_BUCKET?: string;
  KIOSQUE_S3_REGION?: string;
  KIOSQUE_S3_ACCESS_KEY_ID?: string;
  KIOSQUE_S3_SECRET_ACCESS_KEY?: string;
}

/** The region signed into requests when none is named: what most S3-compatible servers expect. */
const DEFAULT_REGION = "us-east-1";

// S3's bucket naming rules (lower case, digits, dots and hyphens, 3 to 63 characters).
const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const REGION = /^[a-z0-9-]{1,50}$/;

/**
 * None of the variables: the database. Any of them: S3, and then every one but the region must be
 * there, so that a typo in one name never silently keeps images in the database.
 */
export function parseMediaStorage(vars: S3Variables, problems: string[]): MediaStorage {
  const named = Object.entries(vars).filter(
    ([k, v]) => k.startsWith("KIOSQUE_S3_") && v !== undefined,
  );
  if (named.length === 0) return { store: "database" };
  const required = [
    "KIOSQUE_S3_ENDPOINT",
    "KIOSQUE_S3_BUCKET",
    "KIOSQUE_S3_ACCESS_KEY_ID",
    "KIOSQUE_S3_SECRET_ACCESS_KEY",
  ] as const;
  for (const name of required)
    if (vars[name] === undefined)
      problems.push(`${name}: required when any KIOSQUE_S3_* variable is set`);
  const endpoint = parseEndpoint(vars.KIOSQUE_S3_ENDPOINT, problems);
  const bucket = vars.KIOSQUE_S3_BUCKET ?? "";
  if (vars.KIOSQUE_S3_BUCKET !== undefined && !BUCKET.test(bucket))
    problems.push(
      `KIOSQUE_S3_BUCKET: a bucket name (3–63 lower-case letters, digits, dots, hyphens; got ${JSON.stringify(bucket)})`,
    );
  const region = vars.KIOSQUE_S3_REGION ?? DEFAULT_REGION;
  if (!REGION.test(region))
    problems.push(
      `KIOSQUE_S3_REGION: a region name like eu-west-3 (got ${JSON.stringify(region)})`,
    );
  return {
    store: "s3",
    endpoint,
    bucket,
    region,
    accessKeyId: vars.KIOSQUE_S3_ACCESS_KEY_ID ?? "",
    secretAccessKey: vars.KIOSQUE_S3_SECRET_ACCESS_KEY ?? "",
  };
}

/** An http(s) origin, nothing after it: buckets are addressed by path under it. */
function parseEndpoint(value: string | undefined, problems: string[]): string {
  if (value === undefined) return "";
  const url = URL.parse(value);
  const fine =
    url !== null &&
    (url.protocol === "http:" || url.protocol === "https:") &&
    url.username === "" &&
    url.password === "" &&
    url.pathname === "/" &&
    url.search === "" &&
    url.hash === "";
  if (!fine || url === null) {
    problems.push(
      `KIOSQUE_S3_ENDPOINT: the service's origin, like https://s3.eu-west-3.amazonaws.com (got ${JSON.stringify(value)})`,
    );
    return "";
  }
  return url.origin;
}

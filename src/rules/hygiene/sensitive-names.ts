/**
 * Which names say "this is a credential", for env vars and ConfigMap keys: the words kube-linter
 * (env-var-secret) and Polaris (sensitiveContainerEnvVar, sensitiveConfigmapContent) look for,
 * minus names that hold where a secret is, not the secret (DB_PASSWORD_FILE, TOKEN_PATH).
 */
const SENSITIVE = /(PASSWORD|PASSWD|SECRET|TOKEN|APIKEY|API_KEY|PRIVATE_KEY|PRIVATEKEY|ACCESS_KEY|CREDENTIAL)/;
const NOT_THE_VALUE = /(_FILE|_PATH|_DIR|_NAME|_REF|_KEY_ID|_ID|_URL|_URI|_ENABLED|_TTL|_EXPIRY|_EXPIRATION|_TIMEOUT|_LENGTH|_HEADER|_TYPE|_FIELD|_ENDPOINT|_AUDIENCE|_ISSUER|_LIFETIME|_DURATION|_SECONDS|_MINUTES|_TEMPLATE|_FORMAT|_PATTERN|_PREFIX|_SUFFIX|_NAMESPACE|_ENCRYPTION|_ALGORITHM|_POLICY)$/;

/** The name in upper snake case: dbPassword, db.password and db-password all read DB_PASSWORD. */
export const normalise = (name: string) => name.replace(/([a-z0-9])([A-Z])/g, "$1_$2").replace(/[-.\s]/g, "_").toUpperCase();

export function isSensitiveName(name: string): boolean {
  const n = normalise(name);
  return SENSITIVE.test(n) && !NOT_THE_VALUE.test(n);
}

/**
 * A value that cannot be a credential: empty, a number, a boolean, a file path, a $(VAR)
 * reference, or a name pattern of `{placeholders}` (postgres-operator's
 * `{username}.{cluster}.credentials`).
 */
export function isPlainValue(value: string): boolean {
  const v = value.trim();
  return v === "" || /^-?\d+(\.\d+)?$/.test(v) || /^(true|false|yes|no|on|off)$/i.test(v) || v.startsWith("/") || /\$\(|\$\{/.test(v) || NAME_PATTERN.test(v);
}

/** Words, dots and dashes around at least one `{placeholder}`: a template for names, not a value. */
const NAME_PATTERN = /^[\w.-]*\{\w+\}[\w.{}-]*$/;

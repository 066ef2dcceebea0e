/**
 * Which names say "this is a credential", for env vars and ConfigMap keys: the words kube-linter
 * (env-var-secret) and Polaris (sensitiveContainerEnvVar, sensitiveConfigmapContent) look for,
 * minus names that hold where a secret is, not the secret (DB_PASSWORD_FILE, TOKEN_PATH, Dex's
 * secretEnv, the environment variable that holds it). A tokenizer (of a language model) is no token.
 */
const SENSITIVE = /(PASSWORD|PASSWD|SECRET|TOKEN(?!IZ)|APIKEY|API_KEY|PRIVATE_KEY|PRIVATEKEY|ACCESS_KEY|CREDENTIAL)/;
/**
 * Last words that make the name about a credential rather than the credential: where it is
 * (a Secret's name, a reference, a file, a secret store or Vault mount), or a setting about it
 * (an HTTP Basic realm, which backend or connector handles it: Dex's passwordConnector). Plurals count (SECRETS_NAMES,
 * SECRET_REFS), and so does a suffix written onto the credential word (secretname, tokenRef).
 */
const NOT_THE_VALUE = new RegExp(
  `(?:_|(?<=${SENSITIVE.source}S?))(?:FILE|PATH|DIR|NAME|REF|ENV|KEY_ID|ID|URL|URI|ENABLED|TTL|EXPIRY|EXPIRATION|TIMEOUT|LENGTH|HEADER|TYPE|FIELD|ENDPOINT|AUDIENCE|ISSUER|LIFETIME|DURATION|SECONDS|MINUTES|TEMPLATE|FORMAT|PATTERN|PREFIX|SUFFIX|NAMESPACE|ENCRYPTION|ALGORITHM|POLICY|REALM|STORE|MOUNT|PROVIDER|BACKEND|CONNECTOR)S?$`,
);

/** The name in upper snake case: dbPassword, db.password and db-password all read DB_PASSWORD. */
export const normalise = (name: string) => name.replace(/([a-z0-9])([A-Z])/g, "$1_$2").replace(/[-.\s]/g, "_").toUpperCase();

/** The Secret that holds credentials or a password, named (Tekton's credentialsSecret, an operator's passwordSecret): a reference. */
const SECRET_OF = /(?:CREDENTIALS?|PASSWORDS?)_SECRET$/;

/**
 * Names of settings that are called tokens and hold no secret: etcd's initial cluster token keeps
 * two clusters from joining; nginx's server_tokens (the server-tokens key of the NGINX and
 * ingress-nginx controllers' ConfigMaps) says what the Server header tells of the version (on,
 * off, build, or NGINX Plus' own string).
 */
const IDENTIFIER_TOKEN = /(?:INITIAL_CLUSTER_TOKEN|SERVER_TOKENS)$/;

export function isSensitiveName(name: string): boolean {
  const n = normalise(name);
  return SENSITIVE.test(n) && !NOT_THE_VALUE.test(n) && !SECRET_OF.test(n) && !IDENTIFIER_TOKEN.test(n);
}

/**
 * A value that cannot be a credential: empty (an empty map, list or quoted string, or null), a
 * number, a boolean, a file path, a $(VAR) reference or a value that is only a $name (a shell
 * variable, a key of Argo CD notifications' Secret: `token: $slack-token`), or a name pattern of
 * `{placeholders}` (postgres-operator's `{username}.{cluster}.credentials`).
 */
export function isPlainValue(value: string): boolean {
  const v = value.trim();
  return EMPTY.test(v) || /^-?\d+(\.\d+)?$/.test(v) || /^(true|false|yes|no|on|off)$/i.test(v) || v.startsWith("/") || /\$\(|\$\{/.test(v) || /^\$[\w.-]+$/.test(v) || NAME_PATTERN.test(v);
}

/** Nothing written out: an empty map, list or quoted string, or null (trivy-operator's `"{}"`). */
const EMPTY = /^(?:\{\s*\}|\[\s*\]|""|''|null|)$/i;

/** Words, dots and dashes around at least one `{placeholder}`: a template for names, not a value. */
const NAME_PATTERN = /^[\w.-]*\{\w+\}[\w.{}-]*$/;

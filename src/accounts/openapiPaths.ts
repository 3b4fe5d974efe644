/**
 * OpenAPI 3.1 entries for the accounts, alerts and live-stream routes
 * (accounts/routes.ts, alerts/routes.ts, live/routes.ts). Written by hand:
 * these routes read JSON bodies checked in code (checkRule.ts and the
 * handlers), not the zod query schemas the read API is generated from.
 * docs/accounts.md, docs/alerts.md and docs/live.md say the same in prose.
 */
const problem = { description: 'Problem details (RFC 9457)', content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } };
const json = (schema: Record<string, unknown>, description = 'OK') => ({ description, content: { 'application/json': { schema } } });
const body = (schema: Record<string, unknown>) => ({ required: true, content: { 'application/json': { schema } } });
const signedIn = [{ bearer: [] }, { cookie: [] }];
const id = [{ name: 'id', in: 'path', required: true, schema: { type: 'integer' } }];
const obj = (properties: Record<string, unknown>, required: string[] = []) => ({ type: 'object', properties, ...(required.length ? { required } : {}) });

const User = obj({ id: { type: 'integer' }, name: { type: 'string' }, role: { enum: ['admin', 'reader'] }, createdAt: { type: 'string', format: 'date-time' } });
const Follow = obj({ kind: { enum: ['breaking', 'region', 'country', 'topic', 'source'] }, value: { type: 'string' } }, ['kind', 'value']);
const SavedSearch = obj({ id: { type: 'integer' }, name: { type: 'string' }, query: { type: 'string' }, createdAt: { type: 'string' } });
const Token = obj({ id: { type: 'integer' }, kind: { enum: ['session', 'api'] }, name: { type: 'string' }, createdAt: { type: 'string' }, expiresAt: { type: ['string', 'null'] }, lastUsedAt: { type: ['string', 'null'] }, revokedAt: { type: ['string', 'null'] } });
const RuleInput = obj(
  {
    name: { type: 'string', maxLength: 100 },
    query: { type: 'string', maxLength: 1000, description: 'a search in the desk grammar' },
    trigger: { enum: ['new', 'breaking', 'reach'], default: 'new' },
    minOutlets: { type: 'integer', minimum: 1, maximum: 1000 },
    minRegions: { type: 'integer', minimum: 1, maximum: 8 },
    target: { enum: ['webhook', 'ntfy', 'feed'], default: 'feed' },
    url: { type: 'string', format: 'uri', description: 'webhook or ntfy topic URL; public addresses only' },
  },
  ['name', 'query'],
);
const Rule = obj({ id: { type: 'integer' }, name: { type: 'string' }, query: { type: 'string' }, trigger: { type: 'string' }, minOutlets: { type: ['integer', 'null'] }, minRegions: { type: ['integer', 'null'] }, targetKind: { type: 'string' }, targetUrl: { type: ['string', 'null'] }, secret: { type: 'string', description: 'HMAC-SHA256 key of X-Globedesk-Signature' }, paused: { type: 'boolean' }, lastError: { type: ['string', 'null'] }, feed: { type: 'string', format: 'uri' } });

export const ACCOUNT_SECURITY_SCHEMES = {
  bearer: { type: 'http', scheme: 'bearer', description: 'an API token (POST /me/tokens)' },
  cookie: { type: 'apiKey', in: 'cookie', name: 'gd_user', description: 'the session cookie of POST /session; changes need this site as Origin' },
};

export const ACCOUNT_PATHS: Record<string, unknown> = {
  '/session': {
    post: { summary: 'Log in: sets the gd_user session cookie', operationId: 'session_create', requestBody: body(obj({ name: { type: 'string' }, password: { type: 'string' } }, ['name', 'password'])), responses: { '200': json(obj({ user: User, expiresAt: { type: 'string' } })), '401': problem, '415': problem, '429': problem } },
    delete: { summary: 'Log out (revokes this session)', operationId: 'session_delete', security: signedIn, responses: { '204': { description: 'Logged out' }, '401': problem } },
  },
  '/me': { get: { summary: 'The signed-in user, what they follow, their saved searches', operationId: 'me', security: signedIn, responses: { '200': json(obj({ user: User, follows: { type: 'array', items: Follow }, searches: { type: 'array', items: SavedSearch } })), '401': problem } } },
  '/me/follows': { put: { summary: 'Replace what the user follows (the reader APIs show these as subscriptions)', operationId: 'me_follows', security: signedIn, requestBody: body(obj({ follows: { type: 'array', items: Follow, maxItems: 500 } }, ['follows'])), responses: { '200': json(obj({ follows: { type: 'array', items: Follow } })), '400': problem } } },
  '/me/searches': {
    get: { summary: 'Saved searches', operationId: 'me_searches', security: signedIn, responses: { '200': json(obj({ searches: { type: 'array', items: SavedSearch } })) } },
    post: { summary: 'Save a search', operationId: 'me_searches_add', security: signedIn, requestBody: body(obj({ name: { type: 'string' }, query: { type: 'string' } }, ['name', 'query'])), responses: { '201': json(SavedSearch, 'Saved'), '400': problem, '409': problem } },
  },
  '/me/searches/{id}': { delete: { summary: 'Remove a saved search', operationId: 'me_searches_remove', security: signedIn, parameters: id, responses: { '204': { description: 'Removed' }, '404': problem } } },
  '/me/tokens': {
    get: { summary: 'API tokens (without their secrets)', operationId: 'me_tokens', security: signedIn, responses: { '200': json(obj({ tokens: { type: 'array', items: Token } })) } },
    post: { summary: 'A new API token; its secret is shown once', operationId: 'me_tokens_add', security: signedIn, requestBody: body(obj({ name: { type: 'string' } }, ['name'])), responses: { '201': json({ allOf: [Token, obj({ secret: { type: 'string' } })] }, 'Created') } },
  },
  '/me/tokens/{id}': { delete: { summary: 'Revoke a token', operationId: 'me_tokens_revoke', security: signedIn, parameters: id, responses: { '204': { description: 'Revoked' }, '404': problem } } },
  ...Object.fromEntries(
    (['read', 'starred'] as const).flatMap((flag) => [
      [`/me/${flag}`, { get: { summary: `Stories the user marked ${flag}`, operationId: `me_${flag}`, security: signedIn, responses: { '200': json(obj({ stories: { type: 'array', items: obj({ id: { type: 'string' }, at: { type: 'string' } }) } })) } } }],
      [
        `/me/${flag}/{story}`,
        {
          put: { summary: `Mark a story ${flag}`, operationId: `me_${flag}_set`, security: signedIn, parameters: [{ name: 'story', in: 'path', required: true, schema: { type: 'string' } }], responses: { '204': { description: 'Done' }, '404': problem } },
          delete: { summary: `Clear ${flag} on a story`, operationId: `me_${flag}_clear`, security: signedIn, parameters: [{ name: 'story', in: 'path', required: true, schema: { type: 'string' } }], responses: { '204': { description: 'Done' }, '404': problem } },
        },
      ],
    ]),
  ),
  '/users': { get: { summary: '(admin) every user', operationId: 'users', security: signedIn, responses: { '200': json(obj({ users: { type: 'array', items: User } })), '403': problem } } },
  '/alerts': {
    get: { summary: "The user's alert rules", operationId: 'alerts', security: signedIn, responses: { '200': json(obj({ rules: { type: 'array', items: Rule } })) } },
    post: { summary: 'A new alert rule (a malformed query or a private target is a 400 naming it)', operationId: 'alerts_add', security: signedIn, requestBody: body(RuleInput), responses: { '201': json(Rule, 'Created'), '400': problem, '409': problem } },
  },
  '/alerts/{id}': {
    get: { summary: 'A rule with its last deliveries (each attempt) and events', operationId: 'alert', security: signedIn, parameters: id, responses: { '200': json({ type: 'object' }), '404': problem } },
    patch: { summary: 'Pause or resume', operationId: 'alert_pause', security: signedIn, parameters: id, requestBody: body(obj({ paused: { type: 'boolean' } }, ['paused'])), responses: { '200': json(Rule), '400': problem, '404': problem } },
    delete: { summary: 'Remove a rule with its events and deliveries', operationId: 'alert_remove', security: signedIn, parameters: id, responses: { '204': { description: 'Removed' }, '404': problem } },
  },
  '/alerts/{id}/test': { post: { summary: 'Send a signed sample to the target now (nothing recorded)', operationId: 'alert_test', security: signedIn, parameters: id, responses: { '200': json(obj({ ok: { type: 'boolean' }, status: { type: 'integer' }, detail: { type: 'string' } })), '404': problem } } },
  '/alerts/{id}/digest': {
    put: { summary: 'Set the email digest (hourly or daily)', operationId: 'alert_digest', security: signedIn, parameters: id, requestBody: body(obj({ email: { type: 'string', format: 'email' }, period: { enum: ['hourly', 'daily'] } }, ['email', 'period'])), responses: { '200': json({ type: 'object' }), '400': problem, '404': problem } },
    delete: { summary: 'Stop the email digest', operationId: 'alert_digest_remove', security: signedIn, parameters: id, responses: { '204': { description: 'Stopped' }, '404': problem } },
  },
  '/stream': {
    get: {
      summary: 'Server-Sent Events: story, phase, merge, update (and reset), each with the desk clock as now; heartbeats every 15 s; resume with Last-Event-ID',
      operationId: 'stream',
      parameters: [
        { name: 'Last-Event-ID', in: 'header', required: false, schema: { type: 'string' } },
        { name: 'lastEventId', in: 'query', required: false, schema: { type: 'string' } },
      ],
      responses: { '200': { description: 'An endless event stream', content: { 'text/event-stream': { schema: { type: 'string' } } } }, '503': problem },
    },
  },
};

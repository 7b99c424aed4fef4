// The one way the pages talk to Rapport: POST a GraphQL document to the gateway with the current bearer token.
// Errors keep the gateway's stable extensions.code (docs/gateway.md), so a page can say what went wrong.
import { accessToken } from './auth.js';
import { settings } from './settings.js';

export class GraphQLError extends Error {
  constructor(errors, data) {
    super(errors.map((e) => e.message).join('; '));
    this.name = 'GraphQLError';
    this.errors = errors;
    this.data = data || null;
    this.codes = errors.map((e) => (e.extensions && e.extensions.code) || 'unknown');
    this.code = this.codes[0];
  }

  /** The field names a service named as invalid (extensions.problem.errors[].field). */
  get fields() {
    return this.errors.flatMap((e) => ((e.extensions && e.extensions.problem && e.extensions.problem.errors) || [])
      .map((p) => p.field));
  }
}

function failure(code, message) {
  return new GraphQLError([{ message, extensions: { code } }]);
}

/**
 * Runs a document and answers { data, errors } (errors: [] when none). A field that failed is null in data, with its
 * error beside: a page may show the rest. Transport failures throw a GraphQLError (code network, unauthorized, http-…).
 * Options: anonymous (no token, e.g. to open a link session).
 */
export async function request(query, variables = {}, options = {}) {
  const { graphqlUrl } = await settings();
  const headers = { 'Content-Type': 'application/json', Accept: 'application/graphql-response+json, application/json' };
  if (!options.anonymous) {
    const token = await accessToken();
    if (token) headers.Authorization = 'Bearer ' + token;
  }
  let response;
  try {
    response = await fetch(graphqlUrl, {
      method: 'POST', headers, body: JSON.stringify({ query, variables }),
      credentials: 'omit', referrerPolicy: 'no-referrer', mode: 'cors'
    });
  } catch (e) {
    throw failure('network', 'The gateway could not be reached');
  }
  const body = await response.json().catch(() => null);
  if (!body || (!body.data && !body.errors)) {
    throw failure(response.status === 401 ? 'unauthorized' : response.status === 403 ? 'forbidden' : 'http-' + response.status,
      'The gateway answered HTTP ' + response.status);
  }
  return { data: body.data || null, errors: body.errors || [] };
}

/** Runs a document and answers its data; any error throws a GraphQLError carrying the codes (and partial data). */
export async function graphql(query, variables = {}, options = {}) {
  const { data, errors } = await request(query, variables, options);
  if (errors.length) throw new GraphQLError(errors, data);
  return data;
}

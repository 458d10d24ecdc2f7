import assert from 'node:assert/strict';
import { applyCredential, credentialProblem, credentialSecrets, parseCredentialText, showCredentialHeaders } from './credentials';
import type { WireRequest } from './transport';

/**
 * Braze's stored credentials (making_an_api_call.md, "Authentication types"): Basic is a user name
 * and password; token authentication is header key/value pairs with an allowed domain.
 */
describe('stored credentials of :basic_auth and :auth_credentials', () => {
  const tokenCall: WireRequest = {
    method: 'POST',
    url: 'https://acme.my.salesforce.com/services/oauth2/token',
    headers: [['Content-Type', 'application/x-www-form-urlencoded'], ['Authorization', 'Basic <stored credential "sf_client">']],
    body: 'grant_type=client_credentials',
  };

  it('parses user:password (split at the first colon) and a JSON object of headers, with or without a domain', () => {
    assert.deepEqual(parseCredentialText('basic_auth', '3MVG9id:se:cret'), { kind: 'basic', username: '3MVG9id', password: 'se:cret' });
    assert.equal(parseCredentialText('basic_auth', 'no-colon'), undefined);
    assert.equal(parseCredentialText('basic_auth', ':only-password'), undefined);
    assert.deepEqual(parseCredentialText('auth_credentials', '{"X-Api-Key":"k1"}'), { kind: 'headers', headers: { 'X-Api-Key': 'k1' } });
    assert.deepEqual(parseCredentialText('auth_credentials', '{"headers":{"X-Api-Key":"k1"},"domain":"acme.my.salesforce.com"}'), { kind: 'headers', headers: { 'X-Api-Key': 'k1' }, domain: 'acme.my.salesforce.com' });
    assert.equal(parseCredentialText('auth_credentials', '{"X-Api-Key": 5}'), undefined);
    assert.equal(parseCredentialText('auth_credentials', 'k1'), undefined);
  });

  it(':basic_auth replaces the placeholder with the Basic header, base64 of user:password', () => {
    const sent = applyCredential(tokenCall, { option: 'basic_auth', name: 'sf_client' }, { kind: 'basic', username: 'Aladdin', password: 'open sesame' });
    // RFC 7617 §2's own example.
    assert.deepEqual(sent.headers[1], ['Authorization', 'Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==']);
    assert.equal(sent.body, tokenCall.body);
  });

  it(':auth_credentials sets its headers over the template\'s; records show them by name', () => {
    const ref = { option: 'auth_credentials', name: 'sf_token' } as const;
    const credential = { kind: 'headers', headers: { authorization: 'Bearer abc123', 'X-Org': 'acme' } } as const;
    const sent = applyCredential(tokenCall, ref, credential);
    assert.deepEqual(sent.headers, [['Content-Type', 'application/x-www-form-urlencoded'], ['authorization', 'Bearer abc123'], ['X-Org', 'acme']]);
    const shown = showCredentialHeaders(sent, ref, credential);
    assert.deepEqual(shown.headers, [['Content-Type', 'application/x-www-form-urlencoded'], ['authorization', '<stored credential "sf_token">'], ['X-Org', '<stored credential "sf_token">']]);
  });

  it('says why a credential cannot be used: missing, the wrong kind, another domain', () => {
    const basic = { option: 'basic_auth', name: 'sf_client' } as const;
    const headers = { option: 'auth_credentials', name: 'sf_token' } as const;
    assert.equal(credentialProblem(basic, undefined, 'acme.my.salesforce.com'), 'The credential :basic_auth sf_client is not set.');
    assert.equal(credentialProblem(basic, { kind: 'headers', headers: { a: 'b' } }, 'acme.my.salesforce.com'), 'The credential :basic_auth sf_client must be a user name and password.');
    assert.equal(credentialProblem(headers, { kind: 'headers', headers: { a: 'b' }, domain: 'other.example.com' }, 'acme.my.salesforce.com'), 'The credential :auth_credentials sf_token is allowed for other.example.com only, and this call goes to acme.my.salesforce.com.');
    assert.equal(credentialProblem(headers, { kind: 'headers', headers: { a: 'b' }, domain: 'my.salesforce.com' }, 'acme.my.salesforce.com'), undefined);
    assert.equal(credentialProblem(basic, { kind: 'basic', username: 'u', password: 'p' }, 'acme.my.salesforce.com'), undefined);
  });

  it('lists every form of a credential that must be redacted', () => {
    assert.deepEqual(credentialSecrets({ kind: 'basic', username: 'Aladdin', password: 'open sesame' }), ['QWxhZGRpbjpvcGVuIHNlc2FtZQ==', 'open sesame', 'Aladdin:open sesame']);
    assert.deepEqual(credentialSecrets({ kind: 'headers', headers: { Authorization: 'Bearer abc123', 'X-Key': 'k1k1' } }), ['Bearer abc123', 'abc123', 'k1k1']);
  });
});

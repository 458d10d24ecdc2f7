import assert from 'node:assert/strict';
import { checkTarget, type SendPolicy } from './policy';

const ALLOWED: SendPolicy = { allowedHosts: ['Acme--Sbx.Sandbox.My.Salesforce.com', '127.0.0.1'], allowLoopback: false };
const LOOPBACK: SendPolicy = { ...ALLOWED, allowLoopback: true };

describe('send policy: only hosts the user allowed, https, ports 80/443; loopback only behind its switch', () => {
  const cases: Array<[string, SendPolicy, string]> = [
    ['https://acme--sbx.sandbox.my.salesforce.com/services/data/v60.0/sobjects/Lead/', ALLOWED, 'ok acme--sbx.sandbox.my.salesforce.com'],
    ['https://ACME--SBX.sandbox.my.salesforce.com./x', ALLOWED, 'ok acme--sbx.sandbox.my.salesforce.com'],
    ['https://acme.my.salesforce.com/services/oauth2/token', ALLOWED, 'host-not-allowed acme.my.salesforce.com'],
    ['https://evil.example.com/acme--sbx.sandbox.my.salesforce.com', ALLOWED, 'host-not-allowed evil.example.com'],
    ['https://acme--sbx.sandbox.my.salesforce.com.evil.example.com/', ALLOWED, 'host-not-allowed acme--sbx.sandbox.my.salesforce.com.evil.example.com'],
    ['http://acme--sbx.sandbox.my.salesforce.com/x', ALLOWED, 'scheme acme--sbx.sandbox.my.salesforce.com'],
    ['https://acme--sbx.sandbox.my.salesforce.com:8443/x', ALLOWED, 'port acme--sbx.sandbox.my.salesforce.com'],
    ['https://user:pw@acme--sbx.sandbox.my.salesforce.com/x', ALLOWED, 'userinfo acme--sbx.sandbox.my.salesforce.com'],
    ['ftp://acme--sbx.sandbox.my.salesforce.com/x', ALLOWED, 'scheme acme--sbx.sandbox.my.salesforce.com'],
    ['https://[insert_instance_name].my.salesforce.com/x', ALLOWED, 'not-a-url'],
    ['http://127.0.0.1:43123/services/oauth2/token', ALLOWED, 'scheme 127.0.0.1'],
    ['http://127.0.0.1:43123/services/oauth2/token', LOOPBACK, 'ok 127.0.0.1'],
    ['http://[::1]:43123/x', LOOPBACK, 'host-not-allowed [::1]'],
    ['http://localhost:43123/x', { allowedHosts: ['localhost'], allowLoopback: true }, 'scheme localhost'],
  ];
  for (const [url, policy, expected] of cases) {
    it(`${url}${policy.allowLoopback ? ' (loopback on)' : ''} → ${expected}`, () => {
      const result = checkTarget(url, policy);
      const got = 'target' in result ? `ok ${result.target.host}` : `${result.refusal.code}${result.refusal.host ? ` ${result.refusal.host}` : ''}`;
      assert.equal(got, expected);
    });
  }
});

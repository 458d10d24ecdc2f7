import assert from 'node:assert/strict';
import { contextToLiquidScope } from './context-scope';

const read = (value: unknown) => contextToLiquidScope(JSON.stringify(value), value);

describe('contextToLiquidScope (liquid --context)', () => {
  it('a Liquid-scope context is used as it is', () => {
    const context = { first_name: 'Ana', custom_attribute: { company: 'Acme' }, email: 'kept@example.com' };
    assert.deepEqual(read(context), { kind: 'liquid-scope', scope: context });
  });

  it('a Braze export user is mapped as a sample profile is, its own keys kept', () => {
    const user = { external_id: 'u-1', first_name: 'Ana', email: 'ana@example.com', home_city: 'Madrid', custom_attributes: { company: 'Acme' } };
    const result = read(user);
    assert.equal(result.kind, 'braze-export');
    assert.ok(result.kind === 'braze-export');
    assert.deepEqual(result.scope.custom_attribute, { company: 'Acme' });
    assert.equal(result.scope.user_id, 'u-1');
    assert.equal(result.scope.email_address, 'ana@example.com');
    assert.equal(result.scope.city, 'Madrid');
    assert.equal(result.scope.email, 'ana@example.com');
  });

  it('the export response and an array with one user are read too', () => {
    const user = { external_id: 'u-1', custom_attributes: { company: 'Acme' } };
    for (const value of [{ message: 'success', users: [user] }, [user]]) {
      const result = read(value);
      assert.ok(result.kind === 'braze-export');
      assert.deepEqual(result.scope, { user_id: 'u-1', custom_attribute: { company: 'Acme' } });
    }
  });

  it('several users (or none) cannot be one context', () => {
    assert.deepEqual(read({ message: 'success', users: [{ external_id: 'a' }, { external_id: 'b' }] }), { kind: 'not-one-user', users: 2 });
    assert.deepEqual(read([]), { kind: 'not-one-user', users: 0 });
  });
});

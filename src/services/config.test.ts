import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('loadConfig: proxy and cookie settings', () => {
  it('ignores proxy headers and marks cookies Secure over HTTPS by default', () => {
    const c = loadConfig({});
    expect(c.trustProxy).toBeUndefined();
    expect(c.secureCookies).toBe('auto');
  });

  it.each([
    ['true', true],
    ['false', undefined],
    ['2', 2],
    ['10.0.0.1, 192.168.0.0/16', ['10.0.0.1', '192.168.0.0/16']],
  ] as const)('reads TRUST_PROXY=%s', (text, expected) => {
    expect(loadConfig({ TRUST_PROXY: text }).trustProxy).toEqual(expected);
  });

  it('refuses what it cannot read, naming the variable', () => {
    expect(() => loadConfig({ TRUST_PROXY: 'the load balancer' })).toThrow(ConfigError);
    expect(() => loadConfig({ TRUST_PROXY: 'the load balancer' })).toThrow(/^TRUST_PROXY must be/);
    expect(() => loadConfig({ SECURE_COOKIES: 'sometimes' })).toThrow(
      'SECURE_COOKIES must be "auto" or "always"; got "sometimes"',
    );
    expect(loadConfig({ SECURE_COOKIES: 'ALWAYS' }).secureCookies).toBe('always');
  });
});

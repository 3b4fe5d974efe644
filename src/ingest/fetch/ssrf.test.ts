import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isForbiddenAddress, parseIpLiteral } from './ssrf.js';

test('parseIpLiteral reads every spelling of an address', async (t) => {
  const cases: { name: string; host: string; want: string | null }[] = [
    { name: 'dotted quad', host: '127.0.0.1', want: '127.0.0.1' },
    { name: 'decimal integer', host: '2130706433', want: '127.0.0.1' },
    { name: 'hex first part', host: '0x7f.0.0.1', want: '127.0.0.1' },
    { name: 'hex integer', host: '0x7f000001', want: '127.0.0.1' },
    { name: 'octal first part', host: '0177.0.0.1', want: '127.0.0.1' },
    { name: 'short form a.b', host: '127.1', want: '127.0.0.1' },
    { name: 'short form a.b.c', host: '10.1.1', want: '10.1.0.1' },
    { name: 'mixed radices', host: '0xa.010.0x0.1', want: '10.8.0.1' },
    { name: 'trailing dot', host: '127.0.0.1.', want: '127.0.0.1' },
    { name: 'metadata as decimal', host: '2852039166', want: '169.254.169.254' },
    { name: 'bracketed IPv6 loopback', host: '[::1]', want: '::1' },
    { name: 'IPv4-mapped dotted', host: '[::ffff:127.0.0.1]', want: '::ffff:7f00:1' },
    { name: 'IPv4-mapped hex', host: '[::ffff:7f00:1]', want: '::ffff:7f00:1' },
    { name: 'full IPv6 upper case', host: '2001:0DB8:0000:0000:0000:0000:0000:0001', want: '2001:db8::1' },
    { name: 'link-local with zone', host: 'fe80::1%eth0', want: 'fe80::1' },
    { name: 'hostname', host: 'example.com', want: null },
    { name: 'hostname with digits', host: '1.2.3.example', want: null },
    { name: 'octet too large', host: '256.0.0.1', want: null },
    { name: 'five parts', host: '1.2.3.4.5', want: null },
    { name: 'bad octal digit', host: '08.0.0.1', want: null },
    { name: 'two double colons', host: '1::2::3', want: null },
    { name: 'empty', host: '', want: null },
  ];
  for (const c of cases) {
    await t.test(c.name, () => assert.equal(parseIpLiteral(c.host), c.want));
  }
});

test('isForbiddenAddress refuses special-purpose ranges (RFC 6890)', async (t) => {
  const cases: { name: string; ip: string; forbidden: boolean; allowLoopback?: boolean }[] = [
    { name: 'public IPv4', ip: '93.184.216.34', forbidden: false },
    { name: 'public IPv6', ip: '2606:2800:220:1:248:1893:25c8:1946', forbidden: false },
    { name: 'loopback', ip: '127.0.0.1', forbidden: true },
    { name: 'loopback elsewhere in 127/8', ip: '127.255.0.9', forbidden: true },
    { name: 'loopback allowed', ip: '127.0.0.1', forbidden: false, allowLoopback: true },
    { name: 'IPv6 loopback', ip: '::1', forbidden: true },
    { name: 'IPv6 loopback allowed', ip: '::1', forbidden: false, allowLoopback: true },
    { name: '10/8', ip: '10.0.0.1', forbidden: true },
    { name: '10/8 even with allowLoopback', ip: '10.0.0.1', forbidden: true, allowLoopback: true },
    { name: '172.16/12 low', ip: '172.16.0.1', forbidden: true },
    { name: '172.16/12 high', ip: '172.31.255.254', forbidden: true },
    { name: 'just outside 172.16/12', ip: '172.32.0.1', forbidden: false },
    { name: '192.168/16', ip: '192.168.1.1', forbidden: true },
    { name: 'link-local metadata', ip: '169.254.169.254', forbidden: true },
    { name: 'CGNAT', ip: '100.64.0.1', forbidden: true },
    { name: 'CGNAT top', ip: '100.127.255.255', forbidden: true },
    { name: 'just outside CGNAT', ip: '100.128.0.1', forbidden: false },
    { name: 'unspecified', ip: '0.0.0.0', forbidden: true },
    { name: 'this network', ip: '0.1.2.3', forbidden: true },
    { name: 'broadcast', ip: '255.255.255.255', forbidden: true },
    { name: 'reserved 240/4', ip: '240.0.0.1', forbidden: true },
    { name: 'multicast', ip: '224.0.0.251', forbidden: true },
    { name: 'TEST-NET-1', ip: '192.0.2.10', forbidden: true },
    { name: 'TEST-NET-2', ip: '198.51.100.10', forbidden: true },
    { name: 'TEST-NET-3', ip: '203.0.113.10', forbidden: true },
    { name: 'benchmarking', ip: '198.18.0.1', forbidden: true },
    { name: 'IPv6 unspecified', ip: '::', forbidden: true },
    { name: 'ULA fc00::/7', ip: 'fd12:3456::1', forbidden: true },
    { name: 'link-local fe80::/10', ip: 'fe80::1', forbidden: true },
    { name: 'bracketed link-local', ip: '[fe80::1]', forbidden: true },
    { name: 'IPv6 multicast', ip: 'ff02::1', forbidden: true },
    { name: 'IPv6 documentation', ip: '2001:db8::1', forbidden: true },
    { name: 'IPv4-mapped loopback', ip: '::ffff:127.0.0.1', forbidden: true },
    { name: 'IPv4-mapped loopback hex', ip: '::ffff:7f00:1', forbidden: true },
    { name: 'IPv4-mapped private', ip: '::ffff:10.0.0.1', forbidden: true },
    { name: 'IPv4-mapped metadata', ip: '::ffff:a9fe:a9fe', forbidden: true },
    { name: 'IPv4-mapped public', ip: '::ffff:93.184.216.34', forbidden: false },
    { name: 'IPv4-compatible loopback', ip: '::127.0.0.1', forbidden: true },
    { name: 'IPv4-compatible private', ip: '::10.0.0.1', forbidden: true },
    { name: 'NAT64 of private', ip: '64:ff9b::192.168.0.1', forbidden: true },
    { name: 'NAT64 of loopback even when loopback allowed', ip: '64:ff9b::127.0.0.1', forbidden: true, allowLoopback: true },
    { name: '6to4 of private', ip: '2002:c0a8:0101::1', forbidden: true },
    { name: 'Teredo', ip: '2001:0:4136:e378::1', forbidden: true },
    { name: 'decimal spelling of loopback', ip: '2130706433', forbidden: true },
    { name: 'short hex spelling of loopback', ip: '0x7f.1', forbidden: true },
    { name: 'decimal spelling of a public address', ip: '1572395042', forbidden: false },
    { name: 'not an address fails closed', ip: 'example.com', forbidden: true },
    { name: 'empty string fails closed', ip: '', forbidden: true },
  ];
  for (const c of cases) {
    await t.test(c.name, () => assert.equal(isForbiddenAddress(c.ip, { allowLoopback: c.allowLoopback ?? false }), c.forbidden));
  }
});

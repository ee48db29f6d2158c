import { test } from 'node:test';
import assert from 'node:assert/strict';
import { httpUrl, telHref } from './safeLinks';

test('only http and https URLs from a bot become links', () => {
  assert.equal(httpUrl('https://shop.example/item?id=1'), 'https://shop.example/item?id=1');
  assert.equal(httpUrl('http://127.0.0.1:3001/menu'), 'http://127.0.0.1:3001/menu');
  for (const bad of ['javascript:alert(1)', ' JavaScript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:x', '/relative', '//evil.example', 'file:///etc/passwd', 42, null, undefined]) {
    assert.equal(httpUrl(bad), null, String(bad));
  }
});

test('a call button dials only an E.164 number', () => {
  assert.equal(telHref('+21671123456'), 'tel:+21671123456');
  assert.equal(telHref('javascript:alert(1)'), null);
  assert.equal(telHref('+1 650 555'), null);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { en } from './en';
import { ar } from './ar';
import { fr } from './fr';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

test('every translation fills the same placeholders as English', () => {
  for (const [name, catalog] of Object.entries({ ar, fr })) {
    for (const [key, text] of Object.entries(en)) {
      const translated = catalog[key as keyof typeof en];
      assert.ok(translated.trim(), `${name} ${key} is empty`);
      assert.deepEqual(placeholders(translated), placeholders(text), `${name} ${key} placeholders`);
    }
  }
});

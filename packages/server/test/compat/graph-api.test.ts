// Graph behaviours that client libraries rarely exercise but hand-written 2016–2018 bots rely on:
// path shapes, token transports, appsecret_proof, cross-page isolation, limits, the 24-hour window,
// the legacy thread_settings and the subscription edges. Real HTTP on loopback, both engines.
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import type { ApiClient } from '../helpers/client.js';
import { testEngines } from '../helpers/db.js';
import { connectBot, openShop, visit, type Bot, type Shop } from '../helpers/fixtures.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { graph, lastSeenByShopper, shopperSees, startHandshakeReceiver } from './setup.js';

const proofOf = (secret: string, token: string) => createHmac('sha256', secret).update(token).digest('hex');
const dayAndAnHourAgo = () => Date.now() - 25 * 60 * 60 * 1000;

for (const engine of await testEngines()) {
  describe(`Graph API compatibility on ${engine}`, () => {
    let server: TestServer;
    let shop: Shop;
    let app: Bot;
    let shopper: ApiClient;
    let threadId: string;
    let psid: string;

    const send = (path: string, body: unknown, token = app.token) => graph(server.url, `${path}?access_token=${encodeURIComponent(token)}`, { body });
    const text = (value: string) => ({ recipient: { id: psid }, message: { text: value } });

    before(async () => {
      server = await startTestServer({ engine });
      shop = await openShop(server.url, { name: 'Atlas Spices' });
      app = await connectBot(shop, 'Compat Bot');
      const visitor = await visit(server.url, shop, 'Youssef Benali');
      shopper = visitor.shopper;
      threadId = visitor.thread.id;
      psid = visitor.thread.shopper.psid;
    });
    after(() => server.close());

    test('a doubled slash, another version, no version and the page id instead of me all reach the Send API', async () => {
      const paths = ['//v6.0/me/messages', '/v6.0//me/messages', '/v2.6/me/messages', '/me/messages', `/v3.1/${shop.page.id}/messages`, `/${shop.page.id}/messages`];
      for (const [index, path] of paths.entries()) {
        const reply = await send(path, text(`path ${index}`));
        assert.equal(reply.status, 200, `${path}: ${JSON.stringify(reply.body)}`);
        assert.equal(reply.body.recipient_id, psid);
        assert.equal((await lastSeenByShopper(shopper, threadId)).id, reply.body.message_id);
      }
    });

    test('the token works as a Bearer header and in a form-encoded body with JSON-string values', async () => {
      const bearer = await graph(server.url, '/v6.0/me/messages', { body: text('by bearer'), headers: { authorization: `Bearer ${app.token}` } });
      assert.equal(bearer.status, 200, JSON.stringify(bearer.body));
      assert.equal((await lastSeenByShopper(shopper, threadId)).text, 'by bearer');

      const form = await graph(server.url, '/v6.0/me/messages', {
        form: { access_token: app.token, recipient: JSON.stringify({ id: psid }), message: JSON.stringify({ text: 'by form' }), messaging_type: 'RESPONSE' },
      });
      assert.equal(form.status, 200, JSON.stringify(form.body));
      assert.equal((await lastSeenByShopper(shopper, threadId)).text, 'by form');

      const none = await graph(server.url, '/v6.0/me/messages', { body: text('no token') });
      assert.equal(none.body.error.code, 190);
    });

    test('a wrong appsecret_proof is refused with #100; the right one passes', async () => {
      const wrong = await graph(server.url, `/v6.0/me/messages?access_token=${app.token}&appsecret_proof=${proofOf('guess', app.token)}`, { body: text('forged') });
      assert.equal(wrong.status, 400);
      assert.equal(wrong.body.error.code, 100);
      assert.equal(wrong.body.error.type, 'OAuthException');
      assert.match(wrong.body.error.message, /^\(#100\) .*appsecret_proof/);
      assert.match(wrong.body.error.fbtrace_id, /^\S+$/);
      assert.notEqual((await lastSeenByShopper(shopper, threadId)).text, 'forged');

      const right = await graph(server.url, `/v6.0/me/messages?access_token=${app.token}&appsecret_proof=${proofOf(app.appSecret, app.token)}`, { body: text('proved') });
      assert.equal(right.status, 200, JSON.stringify(right.body));
    });

    test('a token of one page cannot message, profile or address another page\'s shopper', async () => {
      const other = await openShop(server.url, { name: 'Other Shop' });
      const otherApp = await connectBot(other);
      const otherVisitor = await visit(server.url, other, 'Someone Else');
      const otherPsid = otherVisitor.thread.shopper.psid;

      const message = await send('/v6.0/me/messages', { recipient: { id: otherPsid }, message: { text: 'not yours' } });
      assert.equal(message.status, 400);
      assert.deepEqual([message.body.error.code, message.body.error.error_subcode], [100, 2018001]);
      const profile = await graph(server.url, `/v6.0/${otherPsid}?fields=first_name&access_token=${app.token}`);
      assert.deepEqual([profile.body.error.code, profile.body.error.error_subcode], [100, 2018001]);
      const viaNode = await send(`/v6.0/${other.page.id}/messages`, { recipient: { id: otherPsid }, message: { text: 'not yours either' } });
      assert.equal(viaNode.body.error.code, 100);
      assert.deepEqual(await shopperSees(otherVisitor.shopper, otherVisitor.thread.id), []);

      // The other page's own token works, so the refusal above was about ownership only.
      const own = await send('/v6.0/me/messages', { recipient: { id: otherPsid }, message: { text: 'yours' } }, otherApp.token);
      assert.equal(own.status, 200);
    });

    test('an unknown PSID is 100/2018001; a revoked token is 190', async () => {
      const unknown = await send('/v6.0/me/messages', { recipient: { id: '1234567890123456' }, message: { text: 'anyone?' } });
      assert.deepEqual([unknown.status, unknown.body.error.code, unknown.body.error.error_subcode], [400, 100, 2018001]);
      assert.match(unknown.body.error.message, /No matching user found/);

      const spare = await shop.merchant.post(`/api/developer/apps/${app.appId}/pages`, { pageId: shop.page.id });
      assert.equal(spare.status, 201);
      const token: string = spare.body.pageAccessToken;
      assert.equal((await send('/v6.0/me/messages', text('before revoking'), token)).status, 200);
      const console = await shop.merchant.get(`/api/developer/apps/${app.appId}`);
      const tokens = console.body.pages.find((page: { pageId: string }) => page.pageId === shop.page.id).tokens as Array<{ id: string; createdAt: number; revokedAt: number | null }>;
      const newest = tokens.reduce((a, b) => (b.createdAt >= a.createdAt ? b : a));
      const revoked = await shop.merchant.request('DELETE', `/api/developer/apps/${app.appId}/tokens/${newest.id}`);
      assert.equal(revoked.status, 200);
      const refused = await send('/v6.0/me/messages', text('after revoking'), token);
      assert.deepEqual([refused.status, refused.body.error.code], [400, 190]);
      assert.notEqual((await lastSeenByShopper(shopper, threadId)).text, 'after revoking');
      // The app's first token still works.
      assert.equal((await send('/v6.0/me/messages', text('first token still fine'), app.token)).status, 200);
    });

    test('limits are enforced with #100 naming the field', async () => {
      const atLimit = await send('/v6.0/me/messages', text('x'.repeat(2000)));
      assert.equal(atLimit.status, 200);

      const tooLong = await send('/v6.0/me/messages', text('x'.repeat(2001)));
      assert.equal(tooLong.status, 400);
      assert.equal(tooLong.body.error.code, 100);
      assert.match(tooLong.body.error.message, /message\.text/);

      const both = await send('/v6.0/me/messages', { recipient: { id: psid }, message: { text: 'hi', attachment: { type: 'image', payload: { url: 'https://example.com/a.png' } } } });
      assert.equal(both.status, 400);
      assert.equal(both.body.error.code, 100);
      assert.match(both.body.error.message, /message\.(text|attachment)/);

      const buttons = Array.from({ length: 4 }, (_, i) => ({ type: 'postback', title: `Option ${i + 1}`, payload: `OPT_${i + 1}` }));
      const fourButtons = await send('/v6.0/me/messages', { recipient: { id: psid }, message: { attachment: { type: 'template', payload: { template_type: 'button', text: 'Pick one', buttons } } } });
      assert.equal(fourButtons.status, 400);
      assert.equal(fourButtons.body.error.code, 100);
      assert.match(fourButtons.body.error.message, /message\.attachment\.payload\.buttons/);

      const messages = await shopperSees(shopper, threadId);
      assert.equal(messages.at(-1)?.text, 'x'.repeat(2000), 'nothing refused reached the shopper');
    });

    test('outside the 24-hour window only a tagged message goes out, and the shopper sees it', async () => {
      const quiet = await openShop(server.url, { name: 'Quiet Shop' });
      const quietApp = await connectBot(quiet);
      const visitor = await visit(server.url, quiet, 'Late Shopper');
      const quietPsid = visitor.thread.shopper.psid;
      // The shopper last did anything 25 hours ago.
      await server.platform.deps.db.updateTable('threads').set({ shopper_active_at: dayAndAnHourAgo(), created_at: dayAndAnHourAgo() }).where('id', '=', visitor.thread.id).execute();

      const message = (extra: Record<string, unknown>) => send('/v6.0/me/messages', { recipient: { id: quietPsid }, message: { text: 'Your order shipped' }, ...extra }, quietApp.token);
      for (const extra of [{}, { messaging_type: 'RESPONSE' }, { messaging_type: 'UPDATE' }]) {
        const refused = await message(extra);
        assert.equal(refused.status, 400);
        assert.deepEqual([refused.body.error.code, refused.body.error.error_subcode], [10, 2018065], JSON.stringify(extra));
      }
      const untagged = await message({ messaging_type: 'MESSAGE_TAG' });
      assert.equal(untagged.body.error.code, 100);
      assert.match(untagged.body.error.message, /tag/);
      assert.deepEqual(await shopperSees(visitor.shopper, visitor.thread.id), []);

      const tagged = await message({ messaging_type: 'MESSAGE_TAG', tag: 'SHIPPING_UPDATE' });
      assert.equal(tagged.status, 200, JSON.stringify(tagged.body));
      const seen = await shopperSees(visitor.shopper, visitor.thread.id);
      assert.deepEqual(seen.map((m) => m.text), ['Your order shipped']);

      // Once the shopper writes, the window opens again for ordinary messages.
      await visitor.shopper.post(`/api/threads/${visitor.thread.id}/messages`, { clientId: 'back', text: 'Thanks!' });
      assert.equal((await message({ messaging_type: 'RESPONSE' })).status, 200);
    });

    test('legacy thread_settings (form-encoded and JSON) show through messenger_profile and to the shopper', async () => {
      const settings = (body: Record<string, unknown>, method = 'POST') =>
        graph(server.url, `/v2.6/me/thread_settings?access_token=${app.token}`, {
          method,
          form: Object.fromEntries(Object.entries(body).map(([key, value]) => [key, typeof value === 'string' ? value : JSON.stringify(value)])),
        });
      const greeting = await settings({ setting_type: 'greeting', greeting: { text: 'Marhaba {{user_first_name}}!' } });
      assert.equal(greeting.status, 200, JSON.stringify(greeting.body));
      assert.match(greeting.body.result, /greeting/);
      const started = await graph(server.url, `/v2.6/me/thread_settings?access_token=${app.token}`, {
        body: { setting_type: 'call_to_actions', thread_state: 'new_thread', call_to_actions: [{ payload: 'START' }] },
      });
      assert.equal(started.status, 200, JSON.stringify(started.body));
      const menu = await settings({
        setting_type: 'call_to_actions',
        thread_state: 'existing_thread',
        call_to_actions: [
          { type: 'postback', title: 'Help', payload: 'HELP' },
          { type: 'web_url', title: 'Catalogue', url: 'https://example.com/catalogue' },
        ],
      });
      assert.equal(menu.status, 200, JSON.stringify(menu.body));

      const profile = await graph(server.url, `/v6.0/me/messenger_profile?fields=greeting,get_started,persistent_menu&access_token=${app.token}`);
      assert.equal(profile.status, 200);
      const [data] = profile.body.data;
      assert.deepEqual(data.greeting, [{ locale: 'default', text: 'Marhaba {{user_first_name}}!' }]);
      assert.deepEqual(data.get_started, { payload: 'START' });
      assert.deepEqual(data.persistent_menu[0].call_to_actions.map((item: { title: string }) => item.title), ['Help', 'Catalogue']);
      const shown = await shopper.get(`/api/threads/${threadId}/profile`);
      assert.equal(shown.body.greeting, 'Marhaba Youssef!');

      // 2016 bots removed settings with DELETE, and the Get Started button also with an empty list.
      assert.equal((await settings({ setting_type: 'call_to_actions', thread_state: 'existing_thread' }, 'DELETE')).status, 200);
      assert.equal((await settings({ setting_type: 'greeting' }, 'DELETE')).status, 200);
      const emptied = await graph(server.url, `/v2.6/me/thread_settings?access_token=${app.token}`, {
        body: { setting_type: 'call_to_actions', thread_state: 'new_thread', call_to_actions: [] },
      });
      assert.equal(emptied.status, 200, JSON.stringify(emptied.body));
      const cleared = await graph(server.url, `/v6.0/me/messenger_profile?fields=greeting,get_started,persistent_menu&access_token=${app.token}`);
      assert.deepEqual(cleared.body, { data: [] });
    });

    test('subscribed_apps lists, subscribes with fields and unsubscribes the token\'s app', async () => {
      const edge = `/v6.0/me/subscribed_apps?access_token=${app.token}`;
      const listed = await graph(server.url, edge);
      assert.equal(listed.status, 200);
      assert.deepEqual(listed.body.data.map((entry: { id: string }) => entry.id), [app.appId], 'connecting the page subscribed the app');

      assert.deepEqual((await graph(server.url, edge, { method: 'DELETE' })).body, { success: true });
      assert.deepEqual((await graph(server.url, edge)).body, { data: [] });

      const subscribed = await graph(server.url, edge, { form: { subscribed_fields: 'messages,messaging_postbacks' } });
      assert.deepEqual(subscribed.body, { success: true });
      const again = await graph(server.url, edge);
      assert.deepEqual(again.body.data, [{ id: app.appId, name: 'Compat Bot', subscribed_fields: ['messages', 'messaging_postbacks'] }]);

      const unknownField = await graph(server.url, edge, { form: { subscribed_fields: 'messages,telepathy' } });
      assert.equal(unknownField.body.error.code, 100);
      assert.match(unknownField.body.error.message, /subscribed_fields.*telepathy/);
    });

    test('/<app-id>/subscriptions with an app token: POST runs the hub.challenge handshake, GET reads it back', async () => {
      const appToken = `${app.appId}|${app.appSecret}`;
      const edge = `/v6.0/${app.appId}/subscriptions?access_token=${encodeURIComponent(appToken)}`;
      assert.deepEqual((await graph(server.url, edge)).body, { data: [] });

      const receiver = await startHandshakeReceiver('open-sesame');
      try {
        const refused = await graph(server.url, edge, { form: { object: 'page', callback_url: receiver.url, verify_token: 'wrong', fields: 'messages' } });
        assert.equal(refused.status, 400);
        assert.equal(refused.body.error.code, 100);
        assert.deepEqual((await graph(server.url, edge)).body, { data: [] }, 'a failed handshake saves nothing');

        const created = await graph(server.url, edge, { form: { object: 'page', callback_url: receiver.url, verify_token: 'open-sesame', fields: 'messages,messaging_postbacks' } });
        assert.deepEqual(created.body, { success: true });
        const last = receiver.handshakes.at(-1)!;
        assert.equal(last.get('hub.mode'), 'subscribe');
        assert.match(last.get('hub.challenge') ?? '', /\S/);

        const read = await graph(server.url, edge);
        assert.deepEqual(read.body.data, [
          { object: 'page', callback_url: receiver.url, active: true, fields: [{ name: 'messages', version: 'v6.0' }, { name: 'messaging_postbacks', version: 'v6.0' }] },
        ]);

        // The webhook now receives the shopper's messages.
        await shopper.post(`/api/threads/${threadId}/messages`, { clientId: `hook-${engine}`, text: 'Anyone there?' });
        const deadline = Date.now() + 10_000;
        while (receiver.posts.length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 25));
        assert.equal((receiver.posts[0] as { object: string }).object, 'page');
      } finally {
        await shop.merchant.request('DELETE', `/api/developer/apps/${app.appId}/webhook`);
        await receiver.close();
      }

      const pageToken = await graph(server.url, `/v6.0/${app.appId}/subscriptions?access_token=${app.token}`);
      assert.equal(pageToken.body.error.code, 190);
      const badSecret = await graph(server.url, `/v6.0/${app.appId}/subscriptions?access_token=${encodeURIComponent(`${app.appId}|not-the-secret`)}`);
      assert.equal(badSecret.body.error.code, 190);
    });
  });
}

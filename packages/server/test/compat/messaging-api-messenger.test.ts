// The unmodified npm package `messaging-api-messenger` (the Send API client under Bottender), pointed
// at a running Tijara with its `origin` option: every call goes over real HTTP on loopback, and
// every result is checked where a person would see it, in the shopper's thread.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { after, before, describe, test } from 'node:test';
import messenger from 'messaging-api-messenger';
import type { ApiClient } from '../helpers/client.js';
import { testEngines } from '../helpers/db.js';
import { connectBot, openShop, visit, type Bot, type Shop } from '../helpers/fixtures.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { lastSeenByShopper, onePixelPng, shopperSees, startHandshakeReceiver } from './setup.js';

const { MessengerClient, MessengerBatch } = messenger;
const libraryVersion = (createRequire(import.meta.url)('messaging-api-messenger/package.json') as { version: string }).version;

type Client = InstanceType<typeof MessengerClient>;

/** What the library throws for a Graph error: an AxiosError carrying the response. */
async function graphErrorOf(call: Promise<unknown>): Promise<{ status: number; error: { code: number; error_subcode?: number; message: string } }> {
  try {
    await call;
  } catch (thrown) {
    const response = (thrown as { response?: { status: number; data: { error: { code: number; errorSubcode?: number; message: string } } } }).response;
    if (!response) throw thrown;
    // The library camel-cases response keys; put the Graph names back for the assertions.
    const { errorSubcode, ...error } = response.data.error;
    return { status: response.status, error: { ...error, ...(errorSubcode === undefined ? {} : { error_subcode: errorSubcode }) } };
  }
  assert.fail('the call should have been refused');
}

for (const engine of await testEngines()) {
  describe(`messaging-api-messenger ${libraryVersion} against Tijara on ${engine}`, () => {
    let server: TestServer;
    let shop: Shop;
    let app: Bot;
    let shopper: ApiClient;
    let threadId: string;
    let psid: string;
    let client: Client;

    before(async () => {
      server = await startTestServer({ engine });
      shop = await openShop(server.url, { name: 'Saffron House' });
      app = await connectBot(shop, 'Compat Bot');
      const visitor = await visit(server.url, shop, 'Amina Haddad');
      shopper = visitor.shopper;
      threadId = visitor.thread.id;
      psid = visitor.thread.shopper.psid;
      // The only change a bot makes to run on Tijara: the origin.
      client = new MessengerClient({ accessToken: app.token, version: '6.0', origin: server.url });
    });
    after(() => server.close());

    test('sendText with quick replies: the shopper sees the text and the replies', async () => {
      const sent = await client.sendText(psid, 'Which size?', {
        quickReplies: [
          { contentType: 'text', title: 'Small', payload: 'SIZE_S' },
          { contentType: 'text', title: 'Large', payload: 'SIZE_L', imageUrl: 'https://example.com/l.png' },
        ],
      });
      assert.equal(sent.recipientId, psid);
      const seen = await lastSeenByShopper(shopper, threadId);
      assert.equal(seen.id, sent.messageId);
      assert.equal(seen.text, 'Which size?');
      assert.equal(seen.appId, app.appId);
      assert.deepEqual(seen.quickReplies, [
        { content_type: 'text', title: 'Small', payload: 'SIZE_S' },
        { content_type: 'text', title: 'Large', payload: 'SIZE_L', image_url: 'https://example.com/l.png' },
      ]);
    });

    test('sendGenericTemplate: the carousel arrives with its elements, default action and buttons', async () => {
      const sent = await client.sendGenericTemplate(
        psid,
        [
          {
            title: 'Saffron, 5 g',
            subtitle: 'Taliouine, hand picked',
            imageUrl: 'https://example.com/saffron.jpg',
            defaultAction: { type: 'web_url', url: 'https://example.com/saffron', webviewHeightRatio: 'tall' },
            buttons: [
              { type: 'postback', title: 'Buy', payload: 'BUY_SAFFRON' },
              { type: 'web_url', title: 'Details', url: 'https://example.com/saffron' },
            ],
          },
          { title: 'Cumin, 100 g', subtitle: 'Ground', buttons: [{ type: 'postback', title: 'Buy', payload: 'BUY_CUMIN' }] },
        ],
        { imageAspectRatio: 'square' },
      );
      const seen = await lastSeenByShopper(shopper, threadId);
      assert.equal(seen.id, sent.messageId);
      const payload = (seen.attachment as { type: string; payload: any }).payload;
      assert.equal((seen.attachment as { type: string }).type, 'template');
      assert.equal(payload.template_type, 'generic');
      assert.equal(payload.image_aspect_ratio, 'square');
      assert.deepEqual(
        payload.elements.map((element: { title: string }) => element.title),
        ['Saffron, 5 g', 'Cumin, 100 g'],
      );
      assert.deepEqual(payload.elements[0].default_action, { type: 'web_url', url: 'https://example.com/saffron', webview_height_ratio: 'tall' });
      assert.deepEqual(payload.elements[0].buttons[0], { type: 'postback', title: 'Buy', payload: 'BUY_SAFFRON' });
    });

    test('sendReceiptTemplate: the receipt arrives with its lines, address and summary', async () => {
      const sent = await client.sendReceiptTemplate(psid, {
        recipientName: 'Amina Haddad',
        orderNumber: `order-${engine}-1`,
        currency: 'USD',
        paymentMethod: 'Visa 1234',
        timestamp: '1428444852',
        elements: [
          { title: 'Saffron, 5 g', subtitle: 'Taliouine', quantity: 2, price: 12.5, currency: 'USD', imageUrl: 'https://example.com/saffron.jpg' },
          { title: 'Gift wrap', price: 0, imageUrl: 'https://example.com/wrap.jpg' },
        ],
        address: { street1: '1 Hacker Way', street2: '', city: 'Menlo Park', postalCode: '94025', state: 'CA', country: 'US' },
        summary: { subtotal: 25, shippingCost: 4.95, totalTax: 2.5, totalCost: 32.45 },
        adjustments: [{ name: 'New customer', amount: -2 }],
      });
      const seen = await lastSeenByShopper(shopper, threadId);
      assert.equal(seen.id, sent.messageId);
      const payload = (seen.attachment as { payload: any }).payload;
      assert.equal(payload.template_type, 'receipt');
      assert.equal(payload.order_number, `order-${engine}-1`);
      assert.equal(payload.elements.length, 2);
      assert.equal(payload.address.street_1, '1 Hacker Way');
      assert.equal(payload.address.postal_code, '94025');
      assert.deepEqual(payload.summary, { subtotal: 25, shipping_cost: 4.95, total_tax: 2.5, total_cost: 32.45 });
    });

    test('typingOn shows the page typing to the shopper; markSeen moves the page\'s read mark', async () => {
      const socket = await shopper.openSocket();
      try {
        const typing = await client.typingOn(psid);
        assert.equal(typing.recipientId, psid);
        const frame = await socket.waitFor((f) => f.type === 'typing.changed' && f.threadId === threadId, 'typing frame');
        assert.equal(frame.side, 'page');
        assert.equal(frame.on, true);
        await client.typingOff(psid);
        await socket.waitFor((f) => f.type === 'typing.changed' && f.threadId === threadId && f.on === false, 'typing off frame');
      } finally {
        socket.close();
      }

      const asked = await shopper.post(`/api/threads/${threadId}/messages`, { clientId: `seen-${engine}`, text: 'Is it in stock?' });
      assert.equal(asked.status, 201);
      await client.markSeen(psid);
      const thread = await shopper.get(`/api/threads/${threadId}`);
      assert.equal(thread.body.marks.page.readSeq, asked.body.seq);
    });

    test('getUserProfile returns the shopper\'s page-scoped profile', async () => {
      const profile = await client.getUserProfile(psid);
      assert.equal(profile.id, psid);
      assert.equal(profile.name, 'Amina Haddad');
      assert.equal(profile.firstName, 'Amina');
      assert.equal(profile.lastName, 'Haddad');
      assert.match(profile.profilePic, /^http:\/\/127\.0\.0\.1:\d+\/avatars\//);
      const picture = await fetch(profile.profilePic);
      assert.equal(picture.status, 200);
    });

    test('messenger profile: Get Started, greeting and persistent menu set, read back, shown to the shopper, deleted', async () => {
      assert.deepEqual(await client.setGetStarted('GET_STARTED'), { result: 'success' });
      await client.setGreeting('Hello {{user_first_name}}, welcome to Saffron House!');
      await client.setPersistentMenu([
        { type: 'postback', title: 'Track my order', payload: 'TRACK' },
        { type: 'web_url', title: 'Shop online', url: 'https://example.com/shop' },
      ]);

      assert.deepEqual(await client.getGetStarted(), { payload: 'GET_STARTED' });
      assert.deepEqual(await client.getGreeting(), [{ locale: 'default', text: 'Hello {{user_first_name}}, welcome to Saffron House!' }]);
      const menu = await client.getPersistentMenu();
      assert.equal(menu?.[0]?.locale, 'default');
      assert.equal(menu?.[0]?.composerInputDisabled, false);
      assert.deepEqual(menu?.[0]?.callToActions?.map((item: { title: string }) => item.title), ['Track my order', 'Shop online']);

      const shown = await shopper.get(`/api/threads/${threadId}/profile`);
      assert.equal(shown.status, 200);
      assert.equal(shown.body.greeting, 'Hello Amina, welcome to Saffron House!');
      assert.deepEqual(shown.body.getStarted, { payload: 'GET_STARTED' });
      assert.deepEqual(shown.body.persistentMenu.map((item: { title: string }) => item.title), ['Track my order', 'Shop online']);

      await client.deletePersistentMenu();
      await client.deleteGreeting();
      await client.deleteGetStarted();
      assert.equal(await client.getGetStarted(), null);
      assert.equal(await client.getGreeting(), null);
      assert.equal(await client.getPersistentMenu(), null);
      const cleared = await shopper.get(`/api/threads/${threadId}/profile`);
      assert.deepEqual([cleared.body.greeting, cleared.body.getStarted, cleared.body.persistentMenu], [null, null, null]);
    });

    test('uploadAttachment by URL gives a reusable id the shopper then sees as an image', async () => {
      const uploaded = await client.uploadImage('https://example.com/saffron.jpg', { isReusable: true });
      assert.match(uploaded.attachmentId, /^\d+$/);
      const sent = await client.sendImage(psid, { attachmentId: uploaded.attachmentId });
      const seen = await lastSeenByShopper(shopper, threadId);
      assert.equal(seen.id, sent.messageId);
      assert.deepEqual(seen.attachment, { type: 'image', payload: { url: 'https://example.com/saffron.jpg', attachment_id: uploaded.attachmentId } });
    });

    test('uploadAttachment and sendImage with a Buffer (multipart filedata): the shopper can load the very bytes', async () => {
      const uploaded = await client.uploadImage(onePixelPng, { filename: 'pixel.png', isReusable: true });
      assert.match(uploaded.attachmentId, /^\d+$/);
      await client.sendImage(psid, { attachmentId: uploaded.attachmentId });
      const reused = (await lastSeenByShopper(shopper, threadId)).attachment as { payload: { url: string } };
      const served = await fetch(reused.payload.url);
      assert.equal(served.status, 200);
      assert.deepEqual(Buffer.from(await served.arrayBuffer()), onePixelPng);

      const direct = await client.sendImage(psid, onePixelPng, { filename: 'direct.png', contentType: 'image/png' } as never);
      const seen = await lastSeenByShopper(shopper, threadId);
      assert.equal(seen.id, direct.messageId);
      const image = seen.attachment as { type: string; payload: { url: string } };
      assert.equal(image.type, 'image');
      const bytes = await fetch(image.payload.url);
      assert.equal(bytes.headers.get('content-type'), 'image/png');
      assert.deepEqual(Buffer.from(await bytes.arrayBuffer()), onePixelPng);
    });

    test('sendBatch: text, template, sender action and a profile read in one call, answered in order', async () => {
      const before = (await shopperSees(shopper, threadId)).length;
      const answers = await client.sendBatch([
        MessengerBatch.sendText(psid, 'Batch one'),
        MessengerBatch.sendButtonTemplate(psid, 'Batch two', [{ type: 'postback', title: 'OK', payload: 'OK' }]),
        MessengerBatch.typingOff(psid),
        MessengerBatch.getUserProfile(psid, { fields: ['first_name'] }),
        MessengerBatch.sendText('0000000000000001', 'nobody'),
      ]);
      assert.deepEqual(
        answers.map((answer: { code: number }) => answer.code),
        [200, 200, 200, 200, 400],
      );
      assert.equal(answers[0]!.body.recipientId, psid);
      assert.equal(answers[3]!.body.firstName, 'Amina');
      assert.equal(answers[4]!.body.error.errorSubcode, 2018001);
      const messages = await shopperSees(shopper, threadId);
      assert.equal(messages.length, before + 2);
      assert.equal(messages.at(-2)?.text, 'Batch one');
      assert.equal((messages.at(-1)?.attachment as { payload: { text: string } }).payload.text, 'Batch two');
    });

    test('sendBatch with depends_on: a request whose parent failed is not run, so nothing reaches the shopper', async () => {
      const before = (await shopperSees(shopper, threadId)).length;
      const answers = await client.sendBatch([
        MessengerBatch.sendText('0000000000000001', 'to nobody', { name: 'greet' }),
        MessengerBatch.sendText(psid, 'only after the greeting', { dependsOn: 'greet' }),
        MessengerBatch.sendText(psid, 'first of a good chain', { name: 'good' }),
        MessengerBatch.sendText(psid, 'second of a good chain', { dependsOn: 'good' }),
      ]);
      assert.deepEqual(
        answers.map((answer: { code: number }) => answer.code),
        [400, 400, 200, 200],
      );
      assert.equal(answers[1]!.body.error.code, 100);
      assert.match(answers[1]!.body.error.message, /greet/);
      const texts = (await shopperSees(shopper, threadId)).slice(before).map((message) => message.text);
      assert.deepEqual(texts, ['first of a good chain', 'second of a good chain']);
    });

    test('getPageInfo (GET /me) names the page of the token', async () => {
      assert.deepEqual(await client.getPageInfo(), { name: 'Saffron House', id: shop.page.id });
      assert.deepEqual(await client.getPageInfo({ fields: ['id'] }), { id: shop.page.id });
    });

    test('createSubscription with the library\'s default fields sets the webhook after the handshake; getPageSubscription reads it', async () => {
      const receiver = await startHandshakeReceiver('compat-verify');
      try {
        const withApp = new MessengerClient({ accessToken: app.token, appId: app.appId, appSecret: app.appSecret, version: '6.0', origin: server.url });
        const accessToken = `${app.appId}|${app.appSecret}`;
        // The defaults include messaging_handovers and messaging_policy_enforcement, which Tijara never sends.
        assert.deepEqual(await withApp.createSubscription({ callbackUrl: receiver.url, verifyToken: 'compat-verify', accessToken }), { success: true });
        assert.equal(receiver.handshakes.length, 1);
        const subscription = await withApp.getPageSubscription();
        assert.equal(subscription?.callbackUrl, receiver.url);
        assert.equal(subscription?.active, true);
        assert.deepEqual(subscription?.fields.map((field: { name: string }) => field.name).sort(), ['messages', 'messaging_optins', 'messaging_postbacks', 'messaging_referrals']);
        const console = await shop.merchant.get(`/api/developer/apps/${app.appId}`);
        assert.equal(console.body.webhook.callbackUrl, receiver.url);

        const wrongToken = await graphErrorOf(withApp.createSubscription({ callbackUrl: receiver.url, verifyToken: 'not-what-the-bot-expects', accessToken }));
        assert.equal(wrongToken.error.code, 100);
      } finally {
        await shop.merchant.request('DELETE', `/api/developer/apps/${app.appId}/webhook`);
        await receiver.close();
      }
    });

    test('an unknown PSID comes back as the Graph error 100/2018001', async () => {
      const refused = await graphErrorOf(client.sendText('0000000000000001', 'hello?'));
      assert.equal(refused.status, 400);
      assert.equal(refused.error.code, 100);
      assert.equal(refused.error.error_subcode, 2018001);
    });

    test('with appSecret set, every call carries appsecret_proof and is accepted, batch included', async () => {
      const signed = new MessengerClient({ accessToken: app.token, appSecret: app.appSecret, version: '6.0', origin: server.url });
      const sent = await signed.sendText(psid, 'Signed hello');
      assert.equal((await lastSeenByShopper(shopper, threadId)).id, sent.messageId);
      assert.equal((await signed.getUserProfile(psid)).firstName, 'Amina');
      await signed.setGreeting('Signed greeting');
      assert.deepEqual(await signed.getGreeting(), [{ locale: 'default', text: 'Signed greeting' }]);
      const answers = await signed.sendBatch([MessengerBatch.sendText(psid, 'Signed batch')]);
      assert.equal(answers[0]!.code, 200);
      assert.equal((await lastSeenByShopper(shopper, threadId)).text, 'Signed batch');

      const wrongSecret = new MessengerClient({ accessToken: app.token, appSecret: 'not-the-secret', version: '6.0', origin: server.url });
      const refused = await graphErrorOf(wrongSecret.sendText(psid, 'forged'));
      assert.equal(refused.error.code, 100);
      assert.match(refused.error.message, /appsecret_proof/);
    });

    test('when the app requires appsecret_proof, a client without the secret is refused and one with it is not', async () => {
      const required = await shop.merchant.request('PATCH', `/api/developer/apps/${app.appId}`, { requireAppSecretProof: true });
      assert.equal(required.status, 200);
      assert.equal(required.body.requireAppSecretProof, true);
      try {
        const before = (await shopperSees(shopper, threadId)).length;
        const refused = await graphErrorOf(client.sendText(psid, 'unsigned'));
        assert.equal(refused.status, 400);
        assert.equal(refused.error.code, 100);
        assert.match(refused.error.message, /appsecret_proof/);
        const batchRefused = await client.sendBatch([MessengerBatch.sendText(psid, 'unsigned batch')]);
        assert.equal(batchRefused[0]!.code, 400);
        assert.equal((await shopperSees(shopper, threadId)).length, before, 'nothing unsigned reached the shopper');

        const signed = new MessengerClient({ accessToken: app.token, appSecret: app.appSecret, version: '6.0', origin: server.url });
        const sent = await signed.sendText(psid, 'signed, as required');
        assert.equal((await lastSeenByShopper(shopper, threadId)).id, sent.messageId);
      } finally {
        await shop.merchant.request('PATCH', `/api/developer/apps/${app.appId}`, { requireAppSecretProof: false });
      }
    });
  });
}

// The echo bot: repeats what a shopper writes, greets on Get Started. Built only on @tijara/bot.
import { createServer } from 'node:http';
import { Client, createWebhookHandler, nodeHttpAdapter, TijaraBotError } from '@tijara/bot';

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set (see examples/echo-bot/README.md)`);
  return value;
}

const tijaraUrl = process.env['TIJARA_URL'] ?? 'http://localhost:3000';
const appSecret = required('APP_SECRET');
const port = Number(process.env['PORT'] ?? 3001);
const GET_STARTED = 'GET_STARTED';

const client = new Client({ pageAccessToken: required('PAGE_ACCESS_TOKEN'), appSecret, baseUrl: tijaraUrl });
const bot = createWebhookHandler({ appSecret, verifyToken: required('VERIFY_TOKEN') });

bot.on('message', async ({ sender, message }) => {
  if (message.text) return client.sendText(sender.id, message.text);
  for (const attachment of message.attachments ?? []) {
    // Media comes back by URL; locations and shared templates have nothing to echo.
    if (attachment.type === 'image' || attachment.type === 'audio' || attachment.type === 'video' || attachment.type === 'file') {
      await client.sendAttachment(sender.id, attachment.type, attachment.payload.url);
    }
  }
  return undefined;
});

bot.on('postback', async ({ sender, postback }) => {
  if (postback.payload !== GET_STARTED) return;
  const { first_name } = await client.getUserProfile(sender.id, ['first_name']).catch(() => ({ first_name: undefined }));
  await client.sendText(sender.id, `Hello${first_name ? ` ${first_name}` : ''}! Write anything and I will write it back.`);
});

// The Get Started button must carry the payload handled above. Best effort: the bot still echoes
// if the platform is not up yet or the token may not change the page's profile.
client
  .setMessengerProfile({
    get_started: { payload: GET_STARTED },
    greeting: [{ locale: 'default', text: 'Hi {{user_first_name}}, I repeat whatever you write.' }],
  })
  .catch((error: unknown) => console.warn('could not set the Get Started button:', error instanceof TijaraBotError ? error.message : error));

createServer(nodeHttpAdapter(bot)).listen(port, () => console.log(`echo bot listening on http://localhost:${port}, talking to ${tijaraUrl}`));

import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { DeleteMessengerProfileRequest, MessengerProfile, MessengerProfileField, ThreadSettingsDeleteRequest, ThreadSettingsRequest, type MessengerProfileField as Field, type ThreadSettingsRequest as SettingsRequest } from '@tijara/protocol/messenger';
import type { AppDeps } from '../../deps.js';
import { checkGraph, invalidParam } from '../../http/graph.js';
import { graphAuth, pageRateLimit, requirePageCaller } from '../../http/graph.plugin.js';
import * as profiles from './messenger-profile.service.js';

const NodeParams = Type.Object({ node: Type.String({ maxLength: 40 }) });

function payloadOf(request: FastifyRequest): Record<string, unknown> {
  const body = (request.body ?? {}) as Record<string, unknown>;
  const { access_token: _token, appsecret_proof: _proof, ...rest } = body;
  return rest;
}

const fieldsParam = (raw: unknown): string[] =>
  (Array.isArray(raw) ? raw.map(String) : String(raw ?? '').split(','))
    .map((field) => field.trim())
    .filter(Boolean);

/** The pre-v1.4 thread_settings calls, mapped onto the same profile properties. */
function fromThreadSettings(settings: SettingsRequest, current: MessengerProfile): MessengerProfile {
  switch (settings.setting_type) {
    case 'greeting':
      return { greeting: [{ locale: 'default', text: settings.greeting.text }] };
    case 'call_to_actions':
      if (settings.thread_state === 'new_thread') return settings.call_to_actions[0] ? { get_started: { payload: settings.call_to_actions[0].payload } } : {};
      return { persistent_menu: [{ locale: 'default', composer_input_disabled: false, call_to_actions: settings.call_to_actions }] } as MessengerProfile;
    case 'domain_whitelisting': {
      const existing = new Set(current.whitelisted_domains ?? []);
      for (const domain of settings.whitelisted_domains) {
        if (settings.domain_action_type === 'add') existing.add(domain);
        else existing.delete(domain);
      }
      return { whitelisted_domains: [...existing] };
    }
    case 'account_linking':
      return { account_linking_url: settings.account_linking_url };
    case 'payment': {
      const payment = { ...(current.payment_settings ?? {}) } as Record<string, unknown>;
      if ('payment_privacy_url' in settings) payment.privacy_url = settings.payment_privacy_url;
      if ('payment_public_key' in settings) payment.public_key = settings.payment_public_key;
      if ('payment_testers' in settings) {
        const testers = new Set((payment.testers as string[] | undefined) ?? []);
        for (const tester of settings.payment_testers) {
          if (settings.payment_dev_mode_action === 'ADD') testers.add(tester);
          else testers.delete(tester);
        }
        payment.testers = [...testers];
      }
      return { payment_settings: payment } as MessengerProfile;
    }
  }
}

const legacyFieldsOf = (settingType: string, threadState?: string): Field[] => {
  if (settingType === 'greeting') return ['greeting'];
  if (settingType === 'call_to_actions') return threadState === 'new_thread' ? ['get_started'] : ['persistent_menu'];
  if (settingType === 'domain_whitelisting') return ['whitelisted_domains'];
  if (settingType === 'account_linking') return ['account_linking_url'];
  return ['payment_settings'];
};

export function messengerProfileRoutes(deps: AppDeps): FastifyPluginAsync {
  return async (app) => {
    app.addHook('preHandler', graphAuth(deps));
    // Messenger allows 10 profile calls per 10 minutes per page; reads and writes share the budget.
    const limited = pageRateLimit(deps.config.graphRateLimits.profilePerTenMinutes, 10 * 60 * 1000);
    const pageOf = (request: FastifyRequest) => requirePageCaller(request, (request.params as { node: string }).node).pageId;

    app.get('/:node/messenger_profile', { schema: { tags: ['graph'], summary: 'Messenger Profile: read properties (?fields=a,b)', params: NodeParams }, config: limited }, async (request) => {
      const fields = fieldsParam((request.query as { fields?: unknown }).fields);
      if (fields.length === 0) throw invalidParam('param fields is required');
      for (const field of fields) checkGraph(MessengerProfileField, field, `/fields/${field}`);
      const profile = await profiles.getProfile(deps.db, pageOf(request), fields);
      return { data: Object.keys(profile).length > 0 ? [profile] : [] };
    });

    app.post('/:node/messenger_profile', { schema: { tags: ['graph'], summary: 'Messenger Profile: set the properties present', params: NodeParams }, config: limited }, async (request) => {
      const body = payloadOf(request);
      checkGraph(Type.Object(MessengerProfile.properties, { additionalProperties: false, minProperties: 1 }), body);
      await deps.db.transaction().execute((trx) => profiles.setProfile(trx, pageOf(request), body as MessengerProfile));
      return { result: 'success' };
    });

    app.delete('/:node/messenger_profile', { schema: { tags: ['graph'], summary: 'Messenger Profile: delete properties', params: NodeParams }, config: limited }, async (request) => {
      const body = payloadOf(request);
      if (typeof body.fields === 'string') body.fields = fieldsParam(body.fields);
      checkGraph(DeleteMessengerProfileRequest, body);
      await deps.db.transaction().execute((trx) => profiles.deleteProfile(trx, pageOf(request), (body as { fields: Field[] }).fields));
      return { result: 'success' };
    });

    app.post('/:node/thread_settings', { schema: { tags: ['graph'], summary: 'Legacy thread settings (before Messenger Profile)', params: NodeParams }, config: limited }, async (request) => {
      const body = payloadOf(request);
      checkGraph(ThreadSettingsRequest, body);
      const pageId = pageOf(request);
      const settings = body as SettingsRequest;
      await deps.db.transaction().execute(async (trx) => {
        // 2016 bots removed the Get Started button (or the menu) by posting an empty call_to_actions.
        if (settings.setting_type === 'call_to_actions' && settings.call_to_actions.length === 0) {
          await profiles.deleteProfile(trx, pageId, legacyFieldsOf(settings.setting_type, settings.thread_state));
          return;
        }
        const current = await profiles.getProfile(trx, pageId);
        await profiles.setProfile(trx, pageId, fromThreadSettings(settings, current));
      });
      return { result: `Successfully updated ${String(body.setting_type)} setting` };
    });

    app.delete('/:node/thread_settings', { schema: { tags: ['graph'], summary: 'Legacy thread settings: remove one', params: NodeParams }, config: limited }, async (request) => {
      const body = payloadOf(request);
      checkGraph(ThreadSettingsDeleteRequest, body);
      const settings = body as { setting_type: string; thread_state?: string };
      await deps.db.transaction().execute((trx) => profiles.deleteProfile(trx, pageOf(request), legacyFieldsOf(settings.setting_type, settings.thread_state)));
      return { result: `Successfully deleted ${settings.setting_type} setting` };
    });
  };
}

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { AddCardBody, Address, AddressBody, AppError, Card, Contact, ContactBody, Wallet } from '@tijara/protocol';
import type { AppDeps } from '../../deps.js';
import { requireAccount, sessionAuth } from '../../http/auth.js';
import * as wallet from './wallet.service.js';

const errors = { 400: AppError, 401: AppError, 403: AppError, 404: AppError };
const tags = ['wallet'];
const CardParams = Type.Object({ cardId: Type.String({ maxLength: 40 }) });
const AddressParams = Type.Object({ addressId: Type.String({ maxLength: 40 }) });

/** The shopper's saved cards, addresses and contact details. */
export function walletRoutes(deps: AppDeps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.addHook('preHandler', sessionAuth(deps.db, { required: true }));
    const me = (request: Parameters<typeof requireAccount>[0]) => requireAccount(request).id;

    app.get('/api/wallet', { schema: { tags, summary: 'Saved cards (brand and last four only), addresses and contact', response: { 200: Wallet, ...errors } } }, async (request) => wallet.getWallet(deps.db, me(request)));

    app.post('/api/wallet/cards', { schema: { tags, summary: 'Save a card: number checked (Luhn, brand, expiry, CVC) and sealed in the vault; the CVC is never stored', body: AddCardBody, response: { 201: Card, ...errors } } }, async (request, reply) =>
      reply.status(201).send(await deps.db.transaction().execute((trx) => wallet.addCard(trx, deps.vault, me(request), request.body))),
    );
    app.delete('/api/wallet/cards/:cardId', { schema: { tags, summary: 'Remove a card', params: CardParams, response: { 204: Type.Null(), ...errors } } }, async (request, reply) => {
      await wallet.removeCard(deps.db, me(request), request.params.cardId);
      return reply.status(204).send(null);
    });
    app.post('/api/wallet/cards/:cardId/default', { schema: { tags, summary: 'Make this the default card', params: CardParams, response: { 204: Type.Null(), ...errors } } }, async (request, reply) => {
      await deps.db.transaction().execute((trx) => wallet.setDefaultCard(trx, me(request), request.params.cardId));
      return reply.status(204).send(null);
    });

    app.post('/api/wallet/addresses', { schema: { tags, summary: 'Save a shipping address', body: AddressBody, response: { 201: Address, ...errors } } }, async (request, reply) =>
      reply.status(201).send(await deps.db.transaction().execute((trx) => wallet.addAddress(trx, me(request), request.body))),
    );
    app.delete('/api/wallet/addresses/:addressId', { schema: { tags, summary: 'Remove an address', params: AddressParams, response: { 204: Type.Null(), ...errors } } }, async (request, reply) => {
      await wallet.removeAddress(deps.db, me(request), request.params.addressId);
      return reply.status(204).send(null);
    });
    app.post('/api/wallet/addresses/:addressId/default', { schema: { tags, summary: 'Make this the default address', params: AddressParams, response: { 204: Type.Null(), ...errors } } }, async (request, reply) => {
      await deps.db.transaction().execute((trx) => wallet.setDefaultAddress(trx, me(request), request.params.addressId));
      return reply.status(204).send(null);
    });

    app.put('/api/wallet/contact', { schema: { tags, summary: 'Contact name, email and phone used at checkout', body: ContactBody, response: { 200: Contact, ...errors } } }, async (request) =>
      wallet.setContact(deps.db, me(request), request.body),
    );
  };
}

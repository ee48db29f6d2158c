// The catalog (catalog.json) and the shipping rules (shipping.json): read once, checked field by
// field with errors that name the field, and turned into minor units so nothing later parses money.
import { readFileSync } from 'node:fs';
import { exponentOf, MoneyError, toDecimal, toMinor } from './money.js';

export type ProductKind = 'tea' | 'coffee' | 'spice';

export interface Product {
  /** Also the Buy button's payload, and the image's file name: lower case, digits and dashes. */
  id: string;
  title: string;
  subtitle: string;
  description: string;
  /** Minor units of the catalog's currency. */
  price: bigint;
  /** Units on hand when the bot starts. */
  stock: number;
  kind: ProductKind;
  /** Colour of the generated product picture, "#rrggbb". */
  color: string;
  /** A picture hosted elsewhere; without it the bot serves /images/<id>.svg itself. */
  image_url?: string;
}

export interface Catalog {
  merchantName: string;
  /** One currency for the whole catalog, shipping included. */
  currency: string;
  products: Product[];
}

export interface ShippingOptionRule {
  /** Comes back as payment.shipping_option_id: unique across all zones. */
  id: string;
  title: string;
  price: bigint;
}

export interface ShippingZone {
  name: string;
  /** ISO 3166-1 alpha-2 codes, or "*" for every country not named elsewhere. */
  countries: string[] | '*';
  options: ShippingOptionRule[];
}

export interface ShippingRules {
  zones: ShippingZone[];
  /** Countries the shop does not ship to: no options, and pre_checkout refuses them. */
  notServed: string[];
  /** Told to a shopper whose address is in one of them. */
  notServedReason: string;
}

export class CatalogError extends Error {
  override name = 'CatalogError';
}

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function object(value: unknown, where: string): Json {
  if (!isObject(value)) throw new CatalogError(`${where} must be an object`);
  return value;
}

function string(value: unknown, where: string, options: { pattern?: RegExp; max?: number; optional?: false }): string;
function string(value: unknown, where: string, options: { pattern?: RegExp; max?: number; optional: true }): string | undefined;
function string(value: unknown, where: string, options: { pattern?: RegExp; max?: number; optional?: boolean } = {}): string | undefined {
  if (value === undefined && options.optional) return undefined;
  if (typeof value !== 'string' || value.trim() === '') throw new CatalogError(`${where} must be a non-empty string`);
  if (options.max !== undefined && value.length > options.max) throw new CatalogError(`${where} is longer than ${options.max} characters`);
  if (options.pattern && !options.pattern.test(value)) throw new CatalogError(`${where} ${JSON.stringify(value)} does not match ${options.pattern}`);
  return value;
}

function array(value: unknown, where: string): unknown[] {
  if (!Array.isArray(value)) throw new CatalogError(`${where} must be an array`);
  return value;
}

function amount(value: unknown, currency: string, where: string): bigint {
  if (typeof value !== 'string') throw new CatalogError(`${where} must be a decimal string like "12.50" (got ${JSON.stringify(value)})`);
  try {
    return toMinor(value, currency);
  } catch (error) {
    throw new CatalogError(`${where}: ${error instanceof MoneyError ? error.message : String(error)}`);
  }
}

function currencyOf(value: unknown, where: string): string {
  const code = value === undefined ? 'USD' : string(value, where, { pattern: /^[A-Z]{3}$/ });
  try {
    exponentOf(code);
  } catch (error) {
    throw new CatalogError(`${where}: ${(error as Error).message}`);
  }
  return code;
}

const kinds: readonly ProductKind[] = ['tea', 'coffee', 'spice'];
const country = /^[A-Z]{2}$/;

// Title and subtitle go into a generic template element (§3.1: 80 characters each).
export function parseCatalog(json: unknown, file = 'catalog.json'): Catalog {
  const root = object(json, file);
  const currency = currencyOf(root['currency'], `${file}: currency`);
  const merchantName = string(root['merchant_name'], `${file}: merchant_name`, { max: 80 });
  const seen = new Set<string>();
  const products = array(root['products'], `${file}: products`).map((value, index): Product => {
    const where = `${file}: products[${index}]`;
    const item = object(value, where);
    const id = string(item['id'], `${where}.id`, { pattern: /^[a-z0-9][a-z0-9-]{0,39}$/ });
    if (seen.has(id)) throw new CatalogError(`${where}.id "${id}" is used twice`);
    seen.add(id);
    if (item['currency'] !== undefined && item['currency'] !== currency) {
      throw new CatalogError(`${where}.currency must be the catalog's currency (${currency}): one currency per catalog`);
    }
    const stock = item['stock'];
    if (typeof stock !== 'number' || !Number.isSafeInteger(stock) || stock < 0) throw new CatalogError(`${where}.stock must be a whole number ≥ 0`);
    const kind = item['kind'] ?? 'tea';
    if (!kinds.includes(kind as ProductKind)) throw new CatalogError(`${where}.kind must be one of ${kinds.join(', ')}`);
    const product: Product = {
      id,
      title: string(item['title'], `${where}.title`, { max: 80 }),
      subtitle: string(item['subtitle'], `${where}.subtitle`, { max: 60 }),
      description: string(item['description'], `${where}.description`, { max: 500 }),
      price: amount(item['price'], currency, `${where}.price`),
      stock,
      kind: kind as ProductKind,
      color: string(item['color'] ?? '#8a5a44', `${where}.color`, { pattern: /^#[0-9a-fA-F]{6}$/ }),
    };
    const image = string(item['image_url'], `${where}.image_url`, { pattern: /^https?:\/\/\S+$/, optional: true });
    if (image !== undefined) product.image_url = image;
    return product;
  });
  // §3.1: a carousel holds at most 10 elements.
  if (products.length < 1 || products.length > 10) throw new CatalogError(`${file}: products must hold 1 to 10 products (one carousel)`);
  return { merchantName, currency, products };
}

export function parseShipping(json: unknown, currency: string, file = 'shipping.json'): ShippingRules {
  const root = object(json, file);
  if (root['currency'] !== undefined && root['currency'] !== currency) {
    throw new CatalogError(`${file}: currency ${JSON.stringify(root['currency'])} differs from the catalog's ${currency}: one currency per catalog`);
  }
  const optionIds = new Set<string>();
  const zonedCountries = new Set<string>();
  let restOfWorld = false;
  const zones = array(root['zones'], `${file}: zones`).map((value, index): ShippingZone => {
    const where = `${file}: zones[${index}]`;
    const zone = object(value, where);
    let countries: string[] | '*';
    if (zone['countries'] === '*') {
      if (restOfWorld) throw new CatalogError(`${where}.countries: only one zone may be "*"`);
      restOfWorld = true;
      countries = '*';
    } else {
      countries = array(zone['countries'], `${where}.countries`).map((code, at) => {
        const checked = string(code, `${where}.countries[${at}]`, { pattern: country });
        if (zonedCountries.has(checked)) throw new CatalogError(`${where}.countries: ${checked} is in two zones`);
        zonedCountries.add(checked);
        return checked;
      });
    }
    const options = array(zone['options'], `${where}.options`).map((raw, at): ShippingOptionRule => {
      const optionWhere = `${where}.options[${at}]`;
      const option = object(raw, optionWhere);
      const id = string(option['option_id'], `${optionWhere}.option_id`, { max: 64 });
      if (optionIds.has(id)) throw new CatalogError(`${optionWhere}.option_id "${id}" is used twice (payment.shipping_option_id must name one option)`);
      optionIds.add(id);
      return { id, title: string(option['option_title'], `${optionWhere}.option_title`, { max: 80 }), price: amount(option['price'], currency, `${optionWhere}.price`) };
    });
    if (options.length === 0) throw new CatalogError(`${where}.options is empty: list the zone's countries under not_served instead`);
    return { name: string(zone['name'], `${where}.name`, {}), countries, options };
  });
  const notServed = array(root['not_served'] ?? [], `${file}: not_served`).map((code, at) => {
    const checked = string(code, `${file}: not_served[${at}]`, { pattern: country });
    if (zonedCountries.has(checked)) throw new CatalogError(`${file}: not_served[${at}] ${checked} is also in a zone`);
    return checked;
  });
  const notServedReason = string(root['not_served_reason'] ?? 'We do not ship there yet.', `${file}: not_served_reason`, {});
  return { zones, notServed, notServedReason };
}

export function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new CatalogError(`could not read ${file}: ${(error as Error).message}`);
  }
}

/** Reads and checks both files; throws a CatalogError naming the file and field. */
export function loadShop(catalogFile: string, shippingFile: string): { catalog: Catalog; shipping: ShippingRules } {
  const catalog = parseCatalog(readJson(catalogFile), catalogFile);
  return { catalog, shipping: parseShipping(readJson(shippingFile), catalog.currency, shippingFile) };
}

/** The options for a country (upper-cased ISO code): [] where the shop does not ship. */
export function shippingOptionsFor(rules: ShippingRules, countryCode: string): ShippingOptionRule[] {
  const code = countryCode.trim().toUpperCase();
  if (!country.test(code) || rules.notServed.includes(code)) return [];
  const zone = rules.zones.find((candidate) => candidate.countries !== '*' && candidate.countries.includes(code)) ?? rules.zones.find((candidate) => candidate.countries === '*');
  return zone?.options ?? [];
}

export function findShippingOption(rules: ShippingRules, id: string): ShippingOptionRule | undefined {
  for (const zone of rules.zones) {
    const option = zone.options.find((candidate) => candidate.id === id);
    if (option) return option;
  }
  return undefined;
}

/** Canonical decimal string of a product's price, as the Buy button carries it. */
export function priceText(catalog: Catalog, product: Product): string {
  return toDecimal(product.price, catalog.currency);
}

'use strict';
/**
 * Names and fixed values the stack modules share.
 */
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..', '..');
const PACKAGE = 'n8n-nodes-highlevel-shipping';
const TRIGGER_TYPE = `${PACKAGE}.shippingRatesTrigger`;
const DEV_ENCRYPTION_KEY = 'n8n-nodes-highlevel-shipping-local-development-key';

module.exports = { ROOT, PACKAGE, TRIGGER_TYPE, DEV_ENCRYPTION_KEY };

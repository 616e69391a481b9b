'use strict';
/** Id generators shaped like the real services' ids. */
const crypto = require('node:crypto');

let counter = crypto.randomInt(0xffffff);
const processPart = crypto.randomBytes(5).toString('hex');

/** MongoDB ObjectId (HighLevel `_id`): 4-byte seconds + 5 random bytes + 3-byte counter = 24 hex. */
function objectId() {
	counter = (counter + 1) % 0x1000000;
	const ts = Math.floor(Date.now() / 1000)
		.toString(16)
		.padStart(8, '0');
	return ts + processPart + counter.toString(16).padStart(6, '0');
}

/** Shippo `object_id`: 32 lowercase hex characters (a uuid4 without dashes). */
function shippoId() {
	return crypto.randomUUID().replace(/-/g, '');
}

const traceId = () => crypto.randomUUID();

module.exports = { objectId, shippoId, traceId };

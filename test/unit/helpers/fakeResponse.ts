/** A minimal stand-in for Express's response, recording what was sent. */
export class FakeResponse {
	headersSent = false;
	writableEnded = false;
	statusCode = 200;
	headers: Record<string, unknown> = {};
	body: string | undefined;
	writes = 0;

	status(code: number) {
		if (this.headersSent) throw new Error('ERR_HTTP_HEADERS_SENT');
		this.statusCode = code;
		return this;
	}

	getHeader(name: string) {
		return this.headers[name.toLowerCase()] as string | undefined;
	}

	setHeader(name: string, value: unknown) {
		if (this.headersSent) throw new Error('ERR_HTTP_HEADERS_SENT');
		this.headers[name.toLowerCase()] = value;
		return this;
	}

	/** As Node.js's: refuses once headers are out ("Cannot set headers after they are sent to the client"). */
	setHeaders(headers: Map<string, unknown> | Headers) {
		if (this.headersSent) throw new Error('Cannot set headers after they are sent to the client');
		headers.forEach((value, name) => this.setHeader(name, value));
		return this;
	}

	json(body?: unknown) {
		this.setHeader('content-type', 'application/json');
		return this.send(JSON.stringify(body));
	}

	send(body?: unknown) {
		return this.end(body);
	}

	end(chunk?: unknown) {
		if (this.writableEnded) throw new Error('write after end');
		this.headersSent = true;
		this.writableEnded = true;
		this.writes += 1;
		if (chunk !== undefined) this.body = String(chunk);
		return this;
	}

	parsed(): unknown {
		return this.body === undefined ? undefined : JSON.parse(this.body);
	}
}

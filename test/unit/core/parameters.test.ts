import type { INode } from 'n8n-workflow';
import { holdsExpression, parameterReader, staticParametersOf } from '../../../nodes/shared/parameters';

const node = (parameters: Record<string, unknown>) => ({ name: 'n', parameters }) as unknown as INode;

describe('static parameter reads', () => {
	it('finds expressions at any depth', () => {
		expect(holdsExpression({ a: 1, b: { c: ['x', '={{ $json.y }}'] } })).toBe(true);
		expect(holdsExpression({ a: 1, b: { c: ['x', 'y = z'] } })).toBe(false);
	});

	it('reads stored values with the description default, without n8n, when nothing is an expression', () => {
		const read = jest.fn();
		const get = parameterReader(node({ deadlineMs: 1500, options: { answerCacheSeconds: 60 } }), read);
		expect(get('deadlineMs', 2500)).toBe(1500);
		expect(get('fallbackRates', {})).toEqual({});
		expect(get('options.answerCacheSeconds', 0)).toBe(60);
		expect(read).not.toHaveBeenCalled();
	});

	it('reads every parameter through n8n when any of them is an expression', () => {
		const read = jest.fn((_name: string, fallback: unknown) => fallback);
		const parameters = { deadlineMs: '={{ 1000 + 500 }}', options: {} };
		expect(staticParametersOf(node(parameters))).toBeUndefined();
		const get = parameterReader(node(parameters), read);
		get('options', {});
		expect(read).toHaveBeenCalledWith('options', {});
	});
});

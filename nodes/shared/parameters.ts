/**
 * Reading node parameters without n8n's per-call cost, where that is safe.
 *
 * `getNodeParameter` resolves expressions and applies defaults on every call; on the live-rates
 * hot path the nodes read a dozen parameters per callback. When a node's stored parameters hold no
 * expression at all, the stored value is what n8n would return (the callers supply the same
 * defaults as the node description), so it is read directly; a node with any expression is read
 * through `getNodeParameter` as before.
 */
import type { INode, INodeParameters } from 'n8n-workflow';
import get from 'lodash/get';

/** Whether a parameter value (at any depth) holds an n8n expression (a string starting with "="). */
export function holdsExpression(value: unknown): boolean {
	if (typeof value === 'string') return value.startsWith('=');
	if (Array.isArray(value)) return value.some(holdsExpression);
	if (value !== null && typeof value === 'object') return Object.values(value).some(holdsExpression);
	return false;
}

/** The node's stored parameters when none is an expression; else undefined. */
export function staticParametersOf(node: INode): INodeParameters | undefined {
	return holdsExpression(node.parameters) ? undefined : node.parameters;
}

/** Reads one parameter (dot path allowed) with the description's default as `fallback`. */
export type ParameterReader = <T>(name: string, fallback: T) => T;

/**
 * A reader over the node's stored parameters when they are static, else over `read` (the
 * context's getNodeParameter for the item). Values are not copied: callers must not change them.
 */
export function parameterReader(node: INode, read: (name: string, fallback: unknown) => unknown): ParameterReader {
	const stored = staticParametersOf(node);
	if (!stored) return <T>(name: string, fallback: T) => read(name, fallback) as T;
	return <T>(name: string, fallback: T) => {
		const value = name.includes('.') ? get(stored, name) : stored[name];
		return (value === undefined ? fallback : value) as T;
	};
}

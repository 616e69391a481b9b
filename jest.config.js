/** Two projects: fast unit tests (core, nodes with mocked n8n contexts, stand-ins) and
 * end-to-end tests that boot a real n8n with the built pack (see test/e2e/). */
const tsJest = ['ts-jest', { tsconfig: 'test/tsconfig.json' }];

module.exports = {
	projects: [
		{
			displayName: 'unit',
			testEnvironment: 'node',
			roots: ['<rootDir>/test/unit', '<rootDir>/test/standins'],
			testMatch: ['**/*.test.ts', '**/*.test.js'],
			transform: { '^.+\\.ts$': tsJest },
		},
		{
			displayName: 'e2e',
			testEnvironment: 'node',
			roots: ['<rootDir>/test/e2e'],
			testMatch: ['**/*.test.ts', '**/*.test.js'],
			transform: { '^.+\\.ts$': tsJest },
			testTimeout: 600000,
		},
	],
};

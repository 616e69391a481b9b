/**
 * Every bundled workflow has its screenshot in the n8n editor (docs/images/workflow-<name>.png,
 * made by `npm run screenshots`), a real PNG of a usable size, shown in README.md.
 */
type Size = { width: number; height: number };

// eslint-disable-next-line @typescript-eslint/no-require-imports
const images = require('../../scripts/lib/workflow-images') as {
	PNG_SIGNATURE: Buffer;
	workflowNames: () => string[];
	imageOf: (name: string) => string;
	pngSize: (data: Buffer) => Size | string;
	pngFileSize: (file: string) => Size | string;
	readme: () => string;
};

const MIN_WIDTH = 800;
const MIN_HEIGHT = 400;
const names = images.workflowNames();

describe('workflow screenshots', () => {
	test('workflows/ has workflows to show', () => {
		expect(names.length).toBeGreaterThan(0);
	});

	test.each(names)('%s.json has a PNG screenshot of at least 800×400', (name) => {
		const file = images.imageOf(name);
		const size = images.pngFileSize(file);
		// A string here says what is wrong with the file ('missing', 'no PNG signature', …).
		expect({ file, size }).toEqual({
			file,
			size: { width: expect.any(Number), height: expect.any(Number) },
		});
		const { width, height } = size as Size;
		expect(width).toBeGreaterThanOrEqual(MIN_WIDTH);
		expect(height).toBeGreaterThanOrEqual(MIN_HEIGHT);
	});

	test.each(names)('README.md shows the screenshot of %s.json', (name) => {
		expect(images.readme()).toContain(`](${images.imageOf(name)})`);
	});

	test('the PNG check reads the IHDR size and rejects what is not a PNG', () => {
		const header = (width: number, height: number) => {
			const data = Buffer.alloc(33);
			images.PNG_SIGNATURE.copy(data, 0);
			data.writeUInt32BE(13, 8);
			data.write('IHDR', 12, 'latin1');
			data.writeUInt32BE(width, 16);
			data.writeUInt32BE(height, 20);
			return data;
		};
		expect(images.pngSize(header(1600, 900))).toEqual({ width: 1600, height: 900 });
		expect(images.pngSize(Buffer.from('<html>not a png</html>'.padEnd(40)))).toBe(
			'no PNG signature',
		);
		expect(images.pngSize(header(1600, 900).subarray(0, 20))).toBe('only 20 bytes');
		const broken = header(1600, 900);
		broken.write('IDAT', 12, 'latin1');
		expect(images.pngSize(broken)).toBe('the first chunk is not a 13-byte IHDR');
		expect(images.pngFileSize('docs/images/no-such-file.png')).toBe('missing');
	});
});

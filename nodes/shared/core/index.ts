export * from './money';
export * from './units';
export * from './schemas';
export * from './rules';
export * from './parcel';
export * from './tracking';

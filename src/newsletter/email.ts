// The characters of an unquoted local part or of a domain label: any letter, mark or digit
// (so IDN and non-Latin addresses pass), plus the RFC 5322 "atext" symbols for the local part.
const L = "[\\p{L}\\p{M}\\p{N}!#$%&'*+/=?^_`{|}~-]+";
const D = '[\\p{L}\\p{M}\\p{N}](?:[\\p{L}\\p{M}\\p{N}-]*[\\p{L}\\p{M}\\p{N}])?';
const EMAIL = new RegExp(`^(?=[^@]{1,64}@)${L}(?:\\.${L})*@(?:${D}\\.)+(?:[\\p{L}\\p{M}]{2,}|xn--[a-z\\d-]+)$`, 'iu');

/**
 * Whether `value` looks like an address a reader can receive mail at: a dot-atom local part (no
 * quoted local parts, no IP literals), and a domain of at least two labels whose last one is
 * letters (or punycode). Deliberately stricter than RFC 5322 where real inboxes never go.
 */
export const isEmail = (value: string): boolean => value.length <= 254 && EMAIL.test(value);

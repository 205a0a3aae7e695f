// Text PostgreSQL can store: no NUL character (text cannot hold one) and no unpaired UTF-16
// surrogate (not valid Unicode; jsonb refuses its \ud800 escape). Found by the fuzz suite: both
// reached the database and came back as 500s.
// eslint-disable-next-line no-control-regex -- NUL is exactly the character refused here
const NOT_STORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const isStorableText = (s: string): boolean => !NOT_STORABLE.test(s);

export const storableTextRule = (name: string) => `${name} must not contain NUL characters or unpaired surrogates`;

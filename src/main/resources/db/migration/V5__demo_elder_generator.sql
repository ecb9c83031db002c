-- SQL helpers for the demo elder generator (org.yinling.elder.DemoElders), and the resident-ID check character.
-- All are IMMUTABLE one-expression SQL functions, so PostgreSQL inlines them into the calling query instead of
-- calling them once per row.

-- ISO 7064 MOD 11-2 check character of the first 17 digits of a resident ID (GB 11643-1999): the digits weighted
-- 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2, summed, mod 11, index into '10X98765432'. The same rule as
-- ResidentId.checkCharacter. Written out term by term: a sub-select would keep the function from being inlined.
CREATE FUNCTION resident_id_check_character(first17 text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN substr('10X98765432', (
        substr(first17, 1, 1)::int * 7 + substr(first17, 2, 1)::int * 9 + substr(first17, 3, 1)::int * 10
      + substr(first17, 4, 1)::int * 5 + substr(first17, 5, 1)::int * 8 + substr(first17, 6, 1)::int * 4
      + substr(first17, 7, 1)::int * 2 + substr(first17, 8, 1)::int * 1 + substr(first17, 9, 1)::int * 6
      + substr(first17, 10, 1)::int * 3 + substr(first17, 11, 1)::int * 7 + substr(first17, 12, 1)::int * 9
      + substr(first17, 13, 1)::int * 10 + substr(first17, 14, 1)::int * 5 + substr(first17, 15, 1)::int * 8
      + substr(first17, 16, 1)::int * 4 + substr(first17, 17, 1)::int * 2) % 11 + 1, 1);

-- A pseudo-random number in [0, 1) that depends only on (n, salt). Demo person n must come out the same on every
-- run, so random() will not do. hashint8extended is PostgreSQL's portable 64-bit hash (hash partitioning relies on
-- it giving the same value on every platform); each salt gives an independent stream.
CREATE FUNCTION demo_uniform(n bigint, salt bigint) RETURNS double precision
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN (hashint8extended(n, salt) & 2147483647)::double precision / 2147483648;

-- One element of a non-empty array, chosen by u in [0, 1). A skew above 1 favours the first elements
-- (lists are written commonest first).
CREATE FUNCTION demo_pick(items text[], u double precision, skew double precision DEFAULT 1) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN items[1 + floor(power(u, skew) * cardinality(items))::int];

-- An 11-digit mobile number for person n: 1, then 3, 5, 8, 7 or 9, then nine digits.
CREATE FUNCTION demo_mobile(n bigint, salt bigint) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN '1' || demo_pick('{3,5,8,7,9}', demo_uniform(n, salt), 1.5)
           || lpad(floor(demo_uniform(n, salt + 1000) * 1e9)::bigint::text, 9, '0');

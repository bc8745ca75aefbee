-- Emails are stored in one normal form from now on (Unicode NFKC, lower case, no surrounding spaces), the form in
-- which Atrium looks them up, so that Alice@Atrium.dev and a fullwidth ａlice@atrium.dev name alice@atrium.dev.
-- Rows written before are brought to that form, except where it would collide: when several rows share one normal
-- form (a look-alike registered before the rule), the row that already holds it, or else the oldest, gets it and the
-- others keep their email as it is, for an administrator to sort out; no account is merged or lost. A normal form
-- longer than the column allows (NFKC can lengthen) is left alone too. lower() follows the database's locale; Atrium
-- lower-cases in the root locale, which agrees for every address that was ever valid ASCII.
UPDATE users u
SET email = n.normal
FROM (
    SELECT id, email, normal,
           row_number() OVER (PARTITION BY normal ORDER BY (lower(email) = normal) DESC, id) AS nth
    FROM (SELECT id, email, btrim(lower(normalize(email, NFKC))) AS normal FROM users) forms
) n
WHERE u.id = n.id
  AND n.nth = 1
  AND u.email <> n.normal
  AND length(n.normal) BETWEEN 3 AND 254
  AND NOT EXISTS (SELECT 1 FROM users o WHERE o.id <> u.id AND lower(o.email) = n.normal);

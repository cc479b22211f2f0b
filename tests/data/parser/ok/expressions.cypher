// Precedence, literals and every atom form.
RETURN 1 + 2 * 3 - 4 / 5 % 6 ^ 7 ^ 8 AS a, (1 + 2) * 3 AS b, -2 ^ 2 AS c, 2 ^ -1 AS d;
RETURN NOT a OR b XOR c AND NOT NOT d AS e;
RETURN 1 < 2 < 3 AS chained, a = b <> c AS also, (a = b) = c AS grouped;
RETURN a IN [1, 2] = true, x STARTS WITH 'a' AND x ENDS WITH 'b' OR x CONTAINS 'c', x =~ '.*', x IS NULL, x.y IS NOT NULL;
RETURN -9223372036854775808 AS min, 9223372036854775807 AS max, 0x1F AS hex, 0o17 AS oct, -0x8000000000000000 AS minhex;
RETURN 1.5 AS f, .5 AS g, 1e10 AS h, 1.5E-3 AS i, 123456789e300 AS j, -0.0 AS k, 3.0 AS l;
RETURN 'a\'b' AS s1, "dq \"x\"" AS s2, '\\ \n \t \r \b \f \u00e9 \uD83D\uDE00' AS s3, 'é 😀' AS s4;
RETURN TRUE, False, NULL, $param, $0, $`odd name`;
RETURN [1, [2, []], {}] AS l, {a: 1, `b c`: {d: [null]}} AS m;
RETURN n.a.b, n['x'], l[1..2], l[..-1], l[1..], l[0][1], n:A:B, (n:A).x;
RETURN count(*), count(DISTINCT n.x), a.b.c(1, 2), toUpper('x'), exists(n.x);
RETURN CASE WHEN a THEN 1 WHEN b THEN 2 ELSE 3 END, CASE x WHEN 1 THEN 'one' END;
RETURN [x IN range(1, 10) WHERE x % 2 = 0 | x * x], [x IN l WHERE x > 1], [x IN l | x], [x IN l];
RETURN all(x IN l WHERE x > 0), any(x IN l WHERE x), none(x IN l WHERE x), single(x IN l WHERE x);
RETURN reduce(acc = 0, x IN [1, 2, 3] | acc + x) AS sum;
MATCH (a) WHERE (a)-[:T]->() AND NOT (a)<-[:U]-(:B) RETURN a;
MATCH (a) RETURN [p = (a)-->(b) WHERE b.x > 1 | p] AS ps, [(a)--(c) | c.name] AS names;
MATCH (a) WHERE EXISTS { MATCH (a)-->(b) WHERE b.x = 1 RETURN b } AND exists { (a)-->(:C) WHERE a.y } RETURN a;
MATCH (n) RETURN n {.a, .*, k: n.x + 1, other}, n {};
RETURN `weird``name`, `match`, `1abc`, ünïcödé AS ü;
RETURN /* inline */ 1 // trailing
  AS one;
RETURN a - -1, a - (-1), -(-a), - - a, +a, -(a + b), -a.b;
RETURN (a OR b) AND c, a OR (b AND c), NOT (a AND b), (NOT a) = b;
RETURN a + b IN c, (a IN b) IN c, a IN (b IN c), (a IS NULL) IS NULL;

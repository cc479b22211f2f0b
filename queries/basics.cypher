// args: --empty
// Literals, UNWIND, WITH and ORDER BY on an empty graph, and one syntax error.

RETURN 1 AS int, 1.5 AS float, 'text' AS string, true AS bool, null AS nothing;

RETURN [1, 2.0, 'three'] AS list, {name: 'Ada', born: 1815} AS map;

UNWIND [3, 1, 2] AS x
RETURN x
ORDER BY x;

UNWIND [1, 2, 3, 4] AS x
WITH x * 10 AS y
WHERE y > 15
RETURN y
ORDER BY y DESC;

UNWIND ['b', 'a', 'c'] AS letter
WITH letter
ORDER BY letter
RETURN collect(letter) AS letters;

RETURN (1 + 2;

RETURN 'still running after the error' AS note;

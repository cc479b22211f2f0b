// args: --empty
// LOAD CSV: rows as maps (WITH HEADERS) or lists, converted and loaded into the graph.
// Paths are relative to the directory meridian runs in (the repository root in tests).

// Every record as a map of strings; an empty field is null.
LOAD CSV WITH HEADERS FROM 'queries/data/countries.csv' AS row
RETURN row.key AS key, row.population_m AS population
ORDER BY key;

// Without headers every record, the header line included, is a list.
LOAD CSV FROM 'queries/data/countries.csv' AS line
RETURN line[0] AS first, size(line) AS fields
ORDER BY first;

// Load typed nodes.
LOAD CSV WITH HEADERS FROM 'queries/data/countries.csv' AS row
CREATE (:Country {key: row.key, name: row.name, population_m: toFloat(row.population_m), eu: toBoolean(row.eu)});

MATCH (c:Country) WHERE c.eu
RETURN c.name AS name, c.population_m AS population_m
ORDER BY population_m DESC;

// A missing file is an error that names it.
LOAD CSV FROM 'queries/data/missing.csv' AS line RETURN line;

// LOAD CSV in canonical and non-canonical spellings.
LOAD CSV FROM 'file:///people.csv' AS row RETURN row;
load csv with headers from $url as line fieldterminator ';' create (:P {name: line.name});
LOAD CSV WITH HEADERS FROM 'https://x/' + $f AS r FIELDTERMINATOR '\t' WITH r WHERE r.a IS NOT NULL RETURN count(*);
MATCH (n) LOAD CSV FROM n.url AS `row x` RETURN `row x`[0];
LOAD CSV FROM 'a.csv' AS load RETURN load;

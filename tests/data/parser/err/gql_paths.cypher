// Malformed GQL path syntax and unsupported quantified path patterns.
MATCH (a)-[:T*1..3]->{1,3}(b) RETURN a;
MATCH (a)-[:T*]->+(b) RETURN a;
MATCH (a) ((x)-[:T]->()){1,3} (b) RETURN a;
MATCH (a) ((:L)-[:T]->()){1,3} (b) RETURN a;
MATCH (a) (()-[:T]->()-[:U]->()){1,3} (b) RETURN a;
MATCH (a) (()-[:T]->() WHERE true){1,3} (b) RETURN a;
MATCH (a) (()-[:T*2]->()){1,3} (b) RETURN a;
MATCH (a)-->{}(b) RETURN a;
MATCH (a)-->{1,3(b) RETURN a;
MATCH (a)-->{-1}(b) RETURN a;
MATCH SHORTEST (a)-->(b) RETURN a;
MATCH ANY 1.5 (a)-->(b) RETURN a;
MATCH ANY SHORTEST shortestPath((a)-->(b)) RETURN a;
MATCH (a)-->(b) COST RETURN a;
MATCH (a)-->(b) COST r.km AS RETURN a;
MATCH p = ANY SHORTEST RETURN p;

// Questions over time: the shipped graph stores publication dates as `date` values
// (month-precision ones, "April of this year", as the first of the month with
// `date_precision: 'month'`).

// Which reports and lists appeared before the article, and how long before?
MATCH (article:Source {key: 'src_article'}), (publisher)-[p:PUBLISHED]->(report)
WHERE p.date < article.date
RETURN p.id AS fact, report.key AS report, publisher.key AS published_by, p.date AS published,
       duration.between(p.date, article.date).months AS months_before
ORDER BY published;

// How many months lie between the TOP500 list the article quotes and the article?
MATCH (article:Source {key: 'src_article'}), (top:Source {key: 'src_x01'})
RETURN top.date AS top500_list, article.date AS article,
       duration.inMonths(top.date, article.date).months AS months,
       duration.inDays(top.date, article.date).days AS days;

// Which dated facts fall in each quarter of 2025?
MATCH ()-[r]->() WHERE r.date IS NOT NULL AND r.date.year = 2025
RETURN r.date.quarter AS quarter, collect(r.id) AS facts
ORDER BY quarter;

// How long had the EU AI Act been in force when the article appeared?
MATCH (law {key: 'eu_ai_act'}), (article:Source {key: 'src_article'})
RETURN law.in_force AS in_force, duration.between(law.in_force, article.date) AS in_force_for;

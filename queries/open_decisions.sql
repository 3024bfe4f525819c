-- the steering group's open decisions, those past their deadline at the report date marked
select
    id,
    datum,
    beslut,
    ansvarig,
    deadline,
    decision_overdue(status, deadline, $rapportdatum::date) as forsenat,
from beslut
where status = 'Öppen'
order by deadline nulls last, datum, id

-- what the steering group must decide: proposals (Förslag) first, then open decisions past their deadline
select
    id,
    datum,
    beslut,
    ansvarig,
    deadline,
    status,
    decision_overdue(status, deadline, $rapportdatum::date) as forsenat,
    case when status = 'Öppen' then datediff('day', deadline, $rapportdatum::date) end as dagar_efter_deadline,
from beslut
where status = 'Förslag'
    or decision_overdue(status, deadline, $rapportdatum::date)
order by status = 'Förslag' desc, deadline nulls last, datum, id

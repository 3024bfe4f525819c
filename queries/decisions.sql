-- every decision with whether it is open and past its deadline at the report date
select
    id,
    datum,
    beslut,
    ansvarig,
    deadline,
    status,
    decision_overdue(status, deadline, $rapportdatum::date) as forsenat,
from beslut
order by status desc, deadline nulls last, datum, id

-- the areas, owners and shown statuses that the activity filters can offer
select
    list(distinct omrade order by omrade) filter (where omrade is not null) as omraden,
    list(distinct ansvarig order by ansvarig) filter (where ansvarig is not null) as ansvariga,
    list(distinct activity_status_shown(status, slut, $rapportdatum::date)) filter (where status is not null) as statusar,
from aktiviteter

-- number of activities per area and status shown at the report date
select
    omrade,
    activity_status_shown(status, slut, $rapportdatum::date) as visad_status,
    count(*) as antal,
from aktiviteter
group by all
order by omrade, visad_status

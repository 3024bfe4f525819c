-- number of activities per area and status shown at the report date
select
    omrade,
    case
        when status in ('Ej påbörjad', 'Pågår') and slut < $rapportdatum::date then 'Försenad'
        else status
    end as visad_status,
    count(*) as antal,
from aktiviteter
group by all
order by omrade, visad_status

-- every activity with the status shown at the report date (Försenad when late and not done)
select
    id,
    omrade,
    aktivitet,
    mal,
    ansvarig,
    start,
    slut,
    status,
    case
        when status in ('Ej påbörjad', 'Pågår') and slut < $rapportdatum::date then 'Försenad'
        else status
    end as visad_status,
    andel_klar,
    kommentar,
from aktiviteter
order by omrade, start, id

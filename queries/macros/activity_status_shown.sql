-- the status an activity shows at a report date: Försenad when not started or ongoing past its end
create macro activity_status_shown(status, slut, rapportdatum) as (
    case
        when status in ('Ej påbörjad', 'Pågår') and slut < rapportdatum then 'Försenad'
        else status
    end
)

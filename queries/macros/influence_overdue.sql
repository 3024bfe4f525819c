-- whether an influence effort is overdue at a report date: still to do, and its date has passed
create macro influence_overdue(status, datum, rapportdatum) as (
    influence_open(status) and datum < rapportdatum
)

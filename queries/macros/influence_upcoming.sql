-- whether an influence effort still to do has its date or its answer deadline within the days after a report date
create macro influence_upcoming(status, datum, sista_svarsdag, rapportdatum, dagar) as (
    influence_open(status)
    and (
        (datum > rapportdatum and datum <= rapportdatum + to_days(dagar))
        or (sista_svarsdag >= rapportdatum and sista_svarsdag <= rapportdatum + to_days(dagar))
    )
)

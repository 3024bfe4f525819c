-- the last day a reporting period's figures count: the period's end, or the report date when that is earlier
create macro period_till(period_slut, rapportdatum) as (
    least(period_slut::date, rapportdatum::date)
)

-- whether a month (its first day) belongs to the reporting period [fran, till]: the month the period starts in counts
create macro month_in_period(manad, fran, till) as (
    manad between date_trunc('month', fran) and till
)

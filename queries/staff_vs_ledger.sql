-- per month of one reporting period: staff cost from hours against the staff costs booked in the ledger
with
period as (
    select
        $period_start::date as fran,
        period_till($period_slut, $rapportdatum) as till,
),
months as (
    select manad,
    from projektmanader
    where month_in_period(manad, $period_start::date, period_till($period_slut, $rapportdatum))
),
from_hours as (
    select
        tid_per_manad.manad,
        sum(tid_per_manad.timmar * hourly_cost_kr(personal.manadslon, personal.lonebikostnader, $arsarbetstid))
            as personalkostnad_kr,
    from tid_per_manad
    inner join personal on tid_per_manad.person = personal.person
    group by tid_per_manad.manad
),
booked as (
    select
        date_trunc('month', kostnader.datum)::date as manad,
        sum(kostnader.belopp_kr) as bokfort_kr,
    from kostnader, period
    where kostnader.kostnadsslag = $personalkostnadsslag
        and not kostnader.indirekt
        and kostnader.datum between period.fran and period.till
    group by date_trunc('month', kostnader.datum)
)
select
    months.manad,
    coalesce(from_hours.personalkostnad_kr, 0) as personalkostnad_kr,
    coalesce(booked.bokfort_kr, 0) as bokfort_kr,
    coalesce(booked.bokfort_kr, 0) - coalesce(from_hours.personalkostnad_kr, 0) as skillnad_kr,
from months
left join from_hours on months.manad = from_hours.manad
left join booked on months.manad = booked.manad
order by months.manad

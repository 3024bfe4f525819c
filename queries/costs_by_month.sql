-- costs per project month with the cumulative actual, plan and forecast curves
with
months_per_year as (
    select year(manad) as ar, count(*) as manader,
    from projektmanader
    group by year(manad)
),
plan_per_month as (
    select
        projektmanader.manad,
        coalesce(sum(budget.belopp) / any_value(months_per_year.manader), 0)::double as plan_kr,
    from projektmanader
    inner join months_per_year on year(projektmanader.manad) = months_per_year.ar
    left join budget on budget.ar = months_per_year.ar
    group by projektmanader.manad
),
booked as (
    select date_trunc('month', datum)::date as manad, sum(belopp_kr) as upparbetat_kr,
    from kostnader
    where datum <= $rapportdatum::date
    group by date_trunc('month', datum)
),
pace as (
    select
        sum(booked.upparbetat_kr) / greatest(count(*), 1) as per_manad_kr,
    from (
        select manad from projektmanader
        where last_day(manad) <= $rapportdatum::date
        order by manad desc
        limit 6
    ) as recent
    left join booked on booked.manad = recent.manad
),
curves as (
    select
        plan_per_month.manad,
        plan_per_month.plan_kr,
        case when plan_per_month.manad <= $rapportdatum::date
            then coalesce(booked.upparbetat_kr, 0) end as upparbetat_kr,
        sum(plan_per_month.plan_kr) over (order by plan_per_month.manad) as plan_ackumulerat_kr,
        sum(coalesce(booked.upparbetat_kr, 0)) over (order by plan_per_month.manad)
            as upparbetat_ackumulerat_kr,
        count(*) filter (where plan_per_month.manad > date_trunc('month', $rapportdatum::date))
            over (order by plan_per_month.manad) as manader_efter,
    from plan_per_month
    left join booked on booked.manad = plan_per_month.manad
)
select
    curves.manad,
    curves.plan_kr,
    curves.upparbetat_kr,
    curves.plan_ackumulerat_kr,
    case when curves.manad <= $rapportdatum::date then curves.upparbetat_ackumulerat_kr end
        as upparbetat_ackumulerat_kr,
    case when curves.manad >= date_trunc('month', $rapportdatum::date)
        then curves.upparbetat_ackumulerat_kr + curves.manader_efter * coalesce(pace.per_manad_kr, 0)
    end as prognos_ackumulerat_kr,
from curves, pace
order by curves.manad

-- budget, costs to date, plan to date, deviation and the forecast at project end two ways, as of the report date
with
budget_total as (
    select coalesce(sum(belopp), 0)::double as budget_kr,
    from budget
),
costs_to_date as (
    select
        coalesce(sum(belopp_kr), 0) as upparbetat_kr,
        coalesce(sum(belopp_kr) filter (where indirekt), 0) as indirekta_kr,
    from kostnader
    where datum <= $rapportdatum::date
),
plan_to_date as (
    select coalesce(sum(plan_kr), 0)::double as plan_till_datum_kr,
    from budgetplan
    where last_day(manad) <= $rapportdatum::date
),
recent_complete_months as (
    select manad,
    from projektmanader
    where last_day(manad) <= $rapportdatum::date
    order by manad desc
    limit 6
),
recent_pace as (
    select
        (select count(*) from recent_complete_months) as antal_manader,
        (select min(manad) from recent_complete_months) as fran_manad,
        (select max(manad) from recent_complete_months) as till_manad,
        coalesce(sum(kostnader.belopp_kr), 0)
            / greatest((select count(*) from recent_complete_months), 1) as per_manad_kr,
    from kostnader
    where date_trunc('month', kostnader.datum) in (select manad from recent_complete_months)
),
months_left as (
    select count(*) as manader_kvar,
    from projektmanader
    where manad > date_trunc('month', $rapportdatum::date)
)
select
    budget_total.budget_kr,
    costs_to_date.upparbetat_kr,
    costs_to_date.indirekta_kr,
    plan_to_date.plan_till_datum_kr,
    costs_to_date.upparbetat_kr - plan_to_date.plan_till_datum_kr as avvikelse_kr,
    costs_to_date.upparbetat_kr / nullif(budget_total.budget_kr, 0) as upparbetningsgrad_andel,
    (costs_to_date.upparbetat_kr - plan_to_date.plan_till_datum_kr) / nullif(plan_to_date.plan_till_datum_kr, 0)
        as avvikelse_andel,
    costs_to_date.upparbetat_kr + months_left.manader_kvar * recent_pace.per_manad_kr as prognos_kr,
    (costs_to_date.upparbetat_kr + months_left.manader_kvar * recent_pace.per_manad_kr)
        / nullif(budget_total.budget_kr, 0) as prognos_andel,
    costs_to_date.upparbetat_kr + months_left.manader_kvar * recent_pace.per_manad_kr - budget_total.budget_kr
        as prognos_mot_budget_kr,
    recent_pace.per_manad_kr as takt_per_manad_kr,
    recent_pace.antal_manader as takt_antal_manader,
    recent_pace.fran_manad as takt_fran_manad,
    recent_pace.till_manad as takt_till_manad,
    months_left.manader_kvar,
    -- the forecast if the project follows its budget plan from now on
    budget_total.budget_kr - plan_to_date.plan_till_datum_kr as plan_kvar_kr,
    costs_to_date.upparbetat_kr + budget_total.budget_kr - plan_to_date.plan_till_datum_kr
        as prognos_enligt_plan_kr,
    costs_to_date.upparbetat_kr - plan_to_date.plan_till_datum_kr as prognos_enligt_plan_mot_budget_kr,
from budget_total, costs_to_date, plan_to_date, recent_pace, months_left

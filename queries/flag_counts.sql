-- how many activities are late, influence efforts and decisions overdue and indicators behind; the overdue together
with
activities as (
    -- the activities per status shown, as queries/activity_counts_by_status.sql counts them
    select
        unnest($aktivitet_status::varchar[]) as status,
        unnest($aktivitet_antal::bigint[]) as antal,
),
indicators as (
    -- each indicator's status, as queries/indicators.sql judges it
    select unnest($indikator_status::varchar[]) as status,
),
decisions as (
    -- each decision's overdue mark, as queries/decisions.sql sets it (null: no deadline)
    select unnest($beslut_forsenat::boolean[]) as forsenat,
),
counts as (
    select
        (select coalesce(sum(antal), 0) from activities where status = 'Försenad')::bigint
            as forsenade_aktiviteter,
        -- as queries/influence_counts_by_status.sql counts them in all
        $paverkan_forsenade_totalt::bigint as forsenade_paverkansinsatser,
        (select count(*) from indicators where status = 'Efter') as indikatorer_efter,
        (select count(*) from decisions where forsenat) as forsenade_beslut,
)
select
    forsenade_aktiviteter,
    forsenade_paverkansinsatser,
    indikatorer_efter,
    forsenade_beslut,
    forsenade_aktiviteter + forsenade_paverkansinsatser + forsenade_beslut as forsenade_poster,
from counts

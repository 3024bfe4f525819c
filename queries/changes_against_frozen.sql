-- what was spent, claimed and paid between the picture frozen for a meeting and today, from the figures of both
with
today as (
    select
        $upparbetat_nu_kr::double as upparbetat_kr,
        coalesce(list_sum($rekvirerat_nu_kr::double[]), 0) as rekvirerat_kr,
        coalesce(list_sum($inbetalt_nu_kr::double[]), 0) as inbetalt_kr,
),
frozen as (
    select
        $upparbetat_fore_kr::double as upparbetat_kr,
        coalesce(list_sum($rekvirerat_fore_kr::double[]), 0) as rekvirerat_kr,
        coalesce(list_sum($inbetalt_fore_kr::double[]), 0) as inbetalt_kr,
)
select
    today.upparbetat_kr - frozen.upparbetat_kr as upparbetat_kr,
    today.rekvirerat_kr - frozen.rekvirerat_kr as rekvirerat_kr,
    today.inbetalt_kr - frozen.inbetalt_kr as inbetalt_kr,
from today
cross join frozen

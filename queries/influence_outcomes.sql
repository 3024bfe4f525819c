-- number of influence efforts per outcome, in the order of the outcome scale
with
outcomes as (
    select * from (values
        (1, 'Genomslag'), (2, 'Delvis genomslag'), (3, 'Inget genomslag'), (4, 'Ej bedömt')
    ) as o(ordning, resultat)
)
select
    outcomes.resultat,
    count(paverkan.id) as antal,
from outcomes
left join paverkan on paverkan.resultat = outcomes.resultat
group by outcomes.ordning, outcomes.resultat
order by outcomes.ordning

-- every risk, or the open ones only, with its score (likelihood × impact)
select
    id,
    risk,
    sannolikhet,
    konsekvens,
    sannolikhet * konsekvens as riskvarde,
    atgard,
    ansvarig,
    status,
from risker
where not $bara_oppna::boolean or status = 'Öppen'
order by status desc, riskvarde desc, id

-- every risk with its score (likelihood × impact)
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
order by status desc, riskvarde desc, id

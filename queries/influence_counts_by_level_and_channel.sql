-- number of influence efforts per level and channel
select
    niva,
    kanal,
    count(*) as antal,
from paverkan
where niva is not null and kanal is not null
group by niva, kanal
order by niva, kanal

-- how many influence efforts each financier has co-signed
with
signatures as (
    select trim(unnest(string_split(medundertecknare, ','))) as finansiar,
    from paverkan
    where medundertecknare is not null
)
select
    finansiar,
    count(*) as antal,
from signatures
where finansiar <> ''
group by finansiar
order by antal desc, finansiar

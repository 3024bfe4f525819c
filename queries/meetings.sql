-- every meeting place up to the report date with its attendance
select
    datum,
    rubrik,
    typ,
    malgrupp,
    format,
    kvinnor,
    man,
    annat,
    organisationer,
    aktivitet,
    kvinnor / nullif(kvinnor + man, 0) as andel_kvinnor,
from motesplatser
where datum <= $rapportdatum::date
order by datum, rubrik

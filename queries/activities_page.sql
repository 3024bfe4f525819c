-- one page of the chosen areas', statuses' and owners' activities (no choice: all; no page size: every row)
with
shown as (
    select
        id,
        omrade,
        aktivitet,
        mal,
        ansvarig,
        start,
        slut,
        status,
        activity_status_shown(status, slut, $rapportdatum::date) as visad_status,
        andel_klar,
        kommentar,
    from aktiviteter
),

matching as (
    select *,
    from shown
    where (len($omraden::varchar[]) = 0 or list_contains($omraden::varchar[], omrade))
        and (len($statusar::varchar[]) = 0 or list_contains($statusar::varchar[], visad_status))
        and (len($ansvariga::varchar[]) = 0 or list_contains($ansvariga::varchar[], ansvarig))
        and ($id::varchar = '' or id = $id::varchar)
)

select
    *,
    count(*) over () as antal_matchande,
from matching
order by omrade, start, id
limit $per_sida::bigint
offset ($sida::bigint - 1) * $per_sida::bigint

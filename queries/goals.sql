-- the goal tree in reading order, with the number of indicators under each goal
with recursive
tree as (
    select id, niva, foralder, text, 0 as djup, [id] as vag,
    from mal
    where foralder is null or foralder not in (select id from mal)
    union all
    select mal.id, mal.niva, mal.foralder, mal.text, tree.djup + 1, list_append(tree.vag, mal.id),
    from mal
    inner join tree on mal.foralder = tree.id
    where not list_contains(tree.vag, mal.id) and tree.djup < 10
),
indicator_counts as (
    select mal, count(*) as antal_indikatorer,
    from indikatorer
    group by mal
)
select
    tree.id,
    tree.niva,
    tree.djup,
    repeat('    ', tree.djup) || tree.id || '  ' || tree.text as trad,
    coalesce(indicator_counts.antal_indikatorer, 0) as antal_indikatorer,
from tree
left join indicator_counts on indicator_counts.mal = tree.id
order by tree.vag

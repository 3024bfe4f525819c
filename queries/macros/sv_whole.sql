-- reads a whole number written the Swedish way; null if unreadable or not whole
create macro sv_whole(s) as (
    case when sv_number(s) = floor(sv_number(s)) then sv_number(s)::bigint end
)

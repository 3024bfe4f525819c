-- reads a numeral as a whole number; null if unreadable or not whole
create macro sv_whole_of(n) as (
    case when sv_number_of(n) = floor(sv_number_of(n)) then sv_number_of(n)::bigint end
)

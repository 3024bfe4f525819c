-- reads a numeral as a whole number; null if unreadable, not whole, or too large to be read exactly (beyond 2^53)
create macro sv_whole_of(n) as (
    case
        when sv_number_of(n) = floor(sv_number_of(n)) and abs(sv_number_of(n)) <= 9007199254740991
            then sv_number_of(n)::bigint
    end
)

-- reads a numeral (see sv_numeral) as a number: 1800000, 1.800.000,50, 1800000,50 or 1800000.50; null if unreadable
create macro sv_number_of(n) as (
    case
        when regexp_full_match(n, '-?\d+([.,]\d+)?')
            then try_cast(replace(n, ',', '.') as double)
        when regexp_full_match(n, '-?\d{1,3}(\.\d{3})+(,\d+)?')
            then try_cast(replace(replace(n, '.', ''), ',', '.') as double)
        when regexp_full_match(n, '-?\d{1,3}(,\d{3})+(\.\d+)?')
            then try_cast(replace(n, ',', '') as double)
    end
)

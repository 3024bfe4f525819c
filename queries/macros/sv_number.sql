-- reads 1 800 000, 1.800.000,50, 1800000,50, 1800000.50 or −1 250 as a number; null if unreadable
create macro sv_number(s) as (
    case
        when regexp_full_match(sv_numeral(s), '-?\d+([.,]\d+)?')
            then try_cast(replace(sv_numeral(s), ',', '.') as double)
        when regexp_full_match(sv_numeral(s), '-?\d{1,3}(\.\d{3})+(,\d+)?')
            then try_cast(replace(replace(sv_numeral(s), '.', ''), ',', '.') as double)
        when regexp_full_match(sv_numeral(s), '-?\d{1,3}(,\d{3})+(\.\d+)?')
            then try_cast(replace(sv_numeral(s), ',', '') as double)
    end
)

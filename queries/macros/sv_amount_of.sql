-- reads a numeral as a krona amount exactly, at most two decimals; a lone 12.500 or 1,005 is ambiguous and unreadable
create macro sv_amount_of(n) as (
    case
        when regexp_full_match(n, '-?\d+([.,]\d{1,2})?')
            then try_cast(replace(n, ',', '.') as decimal(18, 2))
        when regexp_full_match(n, '-?\d{1,3}((\.\d{3}){2,}(,\d{1,2})?|(\.\d{3})+,\d{1,2})')
            then try_cast(replace(replace(n, '.', ''), ',', '.') as decimal(18, 2))
        when regexp_full_match(n, '-?\d{1,3}((,\d{3}){2,}(\.\d{1,2})?|(,\d{3})+\.\d{1,2})')
            then try_cast(replace(n, ',', '') as decimal(18, 2))
    end
)

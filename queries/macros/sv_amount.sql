-- reads a krona amount exactly, at most two decimals; a lone 12.500 or 1,005 is ambiguous and unreadable
create macro sv_amount(s) as (
    case
        when regexp_full_match(sv_numeral(s), '-?\d+([.,]\d{1,2})?')
            then try_cast(replace(sv_numeral(s), ',', '.') as decimal(18, 2))
        when regexp_full_match(sv_numeral(s), '-?\d{1,3}((\.\d{3}){2,}(,\d{1,2})?|(\.\d{3})+,\d{1,2})')
            then try_cast(replace(replace(sv_numeral(s), '.', ''), ',', '.') as decimal(18, 2))
        when regexp_full_match(sv_numeral(s), '-?\d{1,3}((,\d{3}){2,}(\.\d{1,2})?|(,\d{3})+\.\d{1,2})')
            then try_cast(replace(sv_numeral(s), ',', '') as decimal(18, 2))
    end
)

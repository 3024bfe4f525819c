-- a Swedish-written number as plain digits: no kr or %, no thousands spaces, ascii minus
create macro sv_numeral(s) as (
    case
        -- most cells of a finance export are already plain, like 45230,00
        when regexp_full_match(s, '-?\d+([.,]\d+)?') then s
        else regexp_replace(
            regexp_replace(replace(replace(trim(s), '−', '-'), '–', '-'), '\s*(kr\.?|kronor|sek|%)$', '', 'i'),
            '[ \x{00A0}\x{202F}]',
            '',
            'g'
        )
    end
)

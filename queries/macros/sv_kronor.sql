-- writes an amount the Swedish way for messages: 1 800 000 kr (whole kronor, a space between thousands)
create macro sv_kronor(x) as (
    case when round(x) < 0 then '−' else '' end
    || trim(regexp_replace(
        lpad(abs(round(x))::bigint::varchar, (ceil(length(abs(round(x))::bigint::varchar) / 3) * 3)::int, ' '),
        '(...)',
        '\1 ',
        'g'
    ))
    || ' kr'
)

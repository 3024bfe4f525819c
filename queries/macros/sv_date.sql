-- reads 2025-04-30, 20250430 or 2025-04-30 00:00:00 as a date; null if unreadable
create macro sv_date(s) as (
    case
        when regexp_full_match(trim(s), '\d{4}-\d{2}-\d{2}( \d{2}:\d{2}(:\d{2}(\.\d+)?)?)?')
            then try_cast(left(trim(s), 10) as date)
        when regexp_full_match(trim(s), '\d{8}')
            then try_strptime(trim(s), '%Y%m%d')::date
    end
)
